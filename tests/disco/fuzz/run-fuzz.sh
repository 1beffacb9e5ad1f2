#!/bin/sh
# SPDX-FileCopyrightText: 2026 The scs authors
# SPDX-License-Identifier: MIT
#
# run-fuzz.sh SOURCE_DIR BUILD_DIR [SECONDS]
# Builds the disco libFuzzer target with clang (codec + dispatcher + registry,
# with ASan/UBSan) into BUILD_DIR, then fuzzes for SECONDS (default 20; 0 =
# build only) starting from the seed corpus. Fails on any crash or trap.
set -eu
src=$1
out=$2
seconds=${3:-20}
clangxx=$(command -v clang++ || command -v clang++-14 || true)
if [ -z "$clangxx" ]; then
    echo "run-fuzz: clang++ not found (install clang and libclang-rt-14-dev)" >&2
    exit 1
fi
mkdir -p "$out/corpus"
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
[ "$seconds" = 0 ] && exit 0
cp "$src"/tests/disco/fuzz/corpus/* "$out/corpus/"
cd "$out"
exec "$bin" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 corpus
