#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz/ and runs each for a bounded
# time on its corpus in tests/fuzz/corpus/<target>/ (new inputs that widen coverage are kept in
# build-fuzz/corpus-new/, not in the source tree). A crash fails the script; its input is written
# to build-fuzz/crashes/ to be fixed and then added to the corpus.
#   scripts/fuzz.sh [seconds per target, default 10] [target ...]
# Time with build-fuzz/ already built: about 90 s for the six targets at 10 s each.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_apierror fuzz_headers fuzz_url fuzz_settings fuzz_recordformats fuzz_kintoclient)

export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DBUILD_TESTING=OFF -DTENANTDESK_FUZZ=ON -DTENANTDESK_SANITIZE=ON "${launcher[@]}" >/dev/null
cmake --build build-fuzz -j2 --target "${targets[@]}"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="*=false"
mkdir -p build-fuzz/crashes
status=0
for target in "${targets[@]}"; do
    corpus="tests/fuzz/corpus/${target}"
    scratch="build-fuzz/corpus-new/${target}"
    mkdir -p "$corpus" "$scratch"
    echo "== ${target} (${seconds} s)"
    if ! "build-fuzz/tests/fuzz/${target}" "$scratch" "$corpus" -max_total_time="$seconds" -max_len=65536 \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="build-fuzz/crashes/${target}-" -print_final_stats=1 \
        2>"build-fuzz/${target}.log"; then
        echo "   FAILED: see build-fuzz/${target}.log and build-fuzz/crashes/"
        tail -30 "build-fuzz/${target}.log"
        status=1
    fi
    grep -E "^stat::number_of_executed_units|cov: " "build-fuzz/${target}.log" | tail -2 | sed 's/^/   /'
done
exit $status
