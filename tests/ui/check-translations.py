#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
"""check-translations.py LUPDATE SOURCES.lst TS_DIR INCLUDE_DIR...

Fails when a translatable string in the sources is missing from scs_en.ts or
scs_de.ts (lupdate over a temporary copy would add it), or when the German file
has an unfinished or empty translation.
"""
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path


def messages(path):
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"), message.findtext("comment") or "")
            result[key] = message
    return result


def main():
    lupdate, sources, ts_dir = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    includes = [arg for inc in sys.argv[4:] for arg in ("-I", inc)]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("scs_en.ts", "scs_de.ts"):
            original = ts_dir / name
            if not original.is_file():
                failures.append(f"{original}: missing")
                continue
            copy = Path(tmp) / name
            shutil.copy(original, copy)
            run = subprocess.run([lupdate, "-locations", "none", *includes, f"@{sources}",
                                  "-ts", str(copy)], capture_output=True, text=True)
            if run.returncode != 0:
                failures.append(f"lupdate failed on {name}: {run.stderr.strip()}")
                continue
            before = messages(original)
            after = messages(copy)
            for key in after.keys() - before.keys():
                failures.append(f"{name}: not in the file: [{key[0]}] {key[1]!r}")
            vanished = [k for k, m in after.items()
                        if m.find("translation") is not None
                        and m.find("translation").get("type") in ("vanished", "obsolete")]
            for key in vanished:
                print(f"note: {name}: no longer in the sources: [{key[0]}] {key[1]!r}")
        german = ts_dir / "scs_de.ts"
        if german.is_file():
            for key, message in messages(german).items():
                translation = message.find("translation")
                kind = translation.get("type") if translation is not None else "missing"
                if kind in ("vanished", "obsolete"):
                    continue
                forms = [f.text for f in translation.iter("numerusform")] if translation is not None else []
                text = translation.text if translation is not None else None
                if kind == "unfinished" or not (text or any(forms)):
                    failures.append(f"scs_de.ts: untranslated: [{key[0]}] {key[1]!r}")
    for failure in failures:
        print(failure)
    if failures:
        print(f"{len(failures)} problem(s); run `cmake --build build --target update_translations` "
              "and translate the new strings in translations/scs_de.ts")
        return 1
    print("every source string is in scs_en.ts and translated in scs_de.ts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
