#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# run-fuzz.sh SOURCE_DIR BUILD_DIR [check|build|SECONDS]
# Builds the disco libFuzzer target with clang (codec + dispatcher + registry,
# with ASan/UBSan) into BUILD_DIR, then:
#   check    (the ctest test) replays the seed corpus and runs a fixed number of
#            mutations from a fixed seed with a fixed QHash seed: the same inputs
#            every run, so a failure is a regression, never a fuzzer's lucky day;
#   build    builds only;
#   SECONDS  explores for that long from a random seed, growing BUILD_DIR/corpus
#            (run it by hand; add what it finds to tests/disco/fuzz/corpus).
# Fails on any crash, trap or sanitizer report, and then prints the failing input.
set -eu
src=$1
out=$2
mode=${3:-check}
clangxx=$(command -v clang++ || command -v clang++-14 || true)
if [ -z "$clangxx" ]; then
    echo "run-fuzz: clang++ not found (install clang and libclang-rt-14-dev)" >&2
    exit 1
fi
mkdir -p "$out"
bin="$out/fuzz_disco"
sources="$src/tests/disco/fuzz/fuzz_disco.cpp $src/core/disco/protocol.cpp
         $src/core/disco/registry.cpp $src/core/disco/dispatcher.cpp $src/core/disco/types.cpp
         $src/core/disco/discolog.cpp $src/core/common/result.cpp"
rebuild=0
[ -x "$bin" ] || rebuild=1
for f in $sources "$src"/core/disco/*.h "$src"/core/common/result.h "$0" \
         "$src/tests/disco/fuzz/expected_shim.h"; do
    [ "$f" -nt "$bin" ] && rebuild=1
done
if [ $rebuild = 1 ]; then
    echo "run-fuzz: building $bin with $clangxx"
    # shellcheck disable=SC2046,SC2086 # word splitting of the flag lists is intended
    "$clangxx" -std=c++2b -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -include "$src/tests/disco/fuzz/expected_shim.h" \
        -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_USE_QSTRINGBUILDER \
        -I"$src/core" -I"$src/tests" $(pkg-config --cflags Qt6Core) -fPIC \
        $sources -o "$bin.tmp" $(pkg-config --libs Qt6Core)
    mv "$bin.tmp" "$bin"
fi
[ "$mode" = build ] && exit 0
# The dispatcher's debug lines about garbage would drown the fuzzer's own report.
export QT_LOGGING_RULES="*.debug=false"

show_failure() {
    status=$1
    dir=$2
    for f in "$dir"/crash-* "$dir"/leak-* "$dir"/timeout-* "$dir"/oom-* "$dir"/slow-unit-*; do
        [ -f "$f" ] || continue
        echo "run-fuzz: failing input $(basename "$f") ($(wc -c <"$f") bytes):" >&2
        od -A d -c "$f" | head -40 >&2
    done
    exit "$status"
}

if [ "$mode" = check ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    mkdir "$work/corpus"
    cp "$src"/tests/disco/fuzz/corpus/* "$work/corpus/"
    cd "$work"
    status=0
    QT_HASH_SEED=0 "$bin" -seed=1 -runs=40000 -max_len=4096 -timeout=60 -rss_limit_mb=4096 \
        -print_final_stats=1 corpus || status=$?
    [ $status = 0 ] || show_failure $status "$work"
    exit 0
fi

mkdir -p "$out/corpus"
cp "$src"/tests/disco/fuzz/corpus/* "$out/corpus/"
cd "$out"
status=0
"$bin" -max_total_time="$mode" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 corpus || status=$?
[ $status = 0 ] || show_failure $status "$out"
