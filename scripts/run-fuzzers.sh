#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz/ with clang (-fsanitize=fuzzer,address,undefined) in
# build-fuzz/ and runs each for a bounded time on its seed corpus and regression cases.
# Called by scripts/run-tests.sh; runs on its own too (after scripts/setup-deps.sh).
#   VIDEOREMIX_FUZZ_SECONDS    seconds per harness (default 20)
#   VIDEOREMIX_FUZZ_BUILD_DIR  build directory (default build-fuzz)
#   VIDEOREMIX_WERROR=1 or CI=true: compiler warnings are errors
# A finding (crash, sanitizer report, broken invariant, timeout) fails the script; the input is kept in
# $VIDEOREMIX_FUZZ_BUILD_DIR/fuzz-artifacts/<harness>/. Fix the parser, then copy the input to
# tests/fuzz/regressions/<harness>/ so that ctest replays it in every build (fuzz_<harness>_replay).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/common.sh
source scripts/common.sh
cd "$REPO_ROOT"

fuzz_dir="${VIDEOREMIX_FUZZ_BUILD_DIR:-build-fuzz}"
seconds="${VIDEOREMIX_FUZZ_SECONDS:-20}"
harnesses=(videoinfo apierror serverhints videoid apiurl)
werror=OFF
if [[ "${CI:-}" == "true" || "${VIDEOREMIX_WERROR:-0}" == "1" ]]; then
    werror=ON
fi

if ! command -v clang++ >/dev/null 2>&1; then
    echo "==> fuzz: FAILED: clang++ not found (scripts/setup-deps.sh installs clang and libclang-rt-14-dev)" >&2
    exit 1
fi

t0=$SECONDS
args=(-S "$REPO_ROOT" -B "$fuzz_dir" -DVIDEOREMIX_FUZZ=ON -DVIDEOREMIX_BUILD_TESTS=ON
      -DCMAKE_COMPILE_WARNING_AS_ERROR="$werror")
if [[ ! -f "$fuzz_dir/CMakeCache.txt" ]]; then
    command -v ninja >/dev/null 2>&1 && args+=(-G Ninja)
    args+=(-DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++)
fi
echo "==> fuzz: cmake ${args[*]}"
mkdir -p "$fuzz_dir"
cmake "${args[@]}" >"$fuzz_dir/configure.log" 2>&1 || { cat "$fuzz_dir/configure.log" >&2; exit 1; }
echo "==> fuzz: cmake --build $fuzz_dir -j$JOBS --target fuzzers"
cmake --build "$fuzz_dir" -j"$JOBS" --target fuzzers
echo "==> fuzz: built in $(vr_seconds_since "$t0")s; running each harness for ${seconds}s"

supp="$REPO_ROOT/tests/sanitizers"
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp"
export QT_QPA_PLATFORM=offscreen

failed=()
for harness in "${harnesses[@]}"; do
    work="$fuzz_dir/fuzz-corpus/$harness"     # grows between runs on one machine; seeds stay untouched
    artifacts="$fuzz_dir/fuzz-artifacts/$harness/"
    log="$fuzz_dir/fuzz-logs/$harness.log"
    mkdir -p "$work" "$artifacts" "$(dirname "$log")"
    inputs=("$work" "tests/fuzz/corpus/$harness")
    [[ -d "tests/fuzz/regressions/$harness" ]] && inputs+=("tests/fuzz/regressions/$harness")
    t1=$SECONDS
    rc=0
    "$fuzz_dir/tests/fuzz/fuzz_$harness" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts" -print_final_stats=1 "${inputs[@]}" >"$log" 2>&1 || rc=$?
    # No DONE line after a finding: grep fails, which must not end the script (set -e, pipefail).
    stats="$(grep -E '^#[0-9]+.*DONE' "$log" | tail -n 1 | sed -E 's/^#([0-9]+)[[:space:]]+DONE[[:space:]]+/\1 runs, /' || true)"
    if [[ $rc -eq 0 ]]; then
        echo "    fuzz_$harness: ok in $(vr_seconds_since "$t1")s (${stats:-no stats})"
    else
        echo "    fuzz_$harness: FAILED (exit $rc) after $(vr_seconds_since "$t1")s; end of $log:" >&2
        grep -vE '^#[0-9]+|^INFO:|^\s*NEW_FUNC' "$log" | tail -n 40 >&2 || true
        echo "    the input is in $artifacts; fix the parser, then keep it in tests/fuzz/regressions/$harness/" >&2
        failed+=("fuzz_$harness")
    fi
done

echo "==> fuzz: $((${#harnesses[@]} - ${#failed[@]})) of ${#harnesses[@]} harnesses without a finding in $(vr_seconds_since "$t0")s"
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "==> fuzz: FAILED: ${failed[*]}" >&2
    exit 1
fi
