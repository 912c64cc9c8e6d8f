#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the whole test suite:
# installs missing packages, checks formatting (clang-format 14) and the Chinese translation,
# configures and builds everything in build/, smoke-starts the app offscreen, runs ctest;
# then runs the libFuzzer harnesses (scripts/run-fuzzers.sh, clang, build-fuzz/) and builds the whole
# suite again with AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/ and runs ctest there
# (last, so that its summary closes the output). VIDEOREMIX_SKIP_SANITIZERS=1 skips those two steps.
# With CI=true compiler warnings are errors (CMAKE_COMPILE_WARNING_AS_ERROR=ON).
# Exits non-zero if any step failed; the build failing stops the run early.
# shellcheck disable=SC2119 # helpers take optional args; not the script's args
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/common.sh
source scripts/common.sh
cd "$REPO_ROOT"

export QT_QPA_PLATFORM=offscreen
failed=()

echo "==> Video Remix: set up, build ($BUILD_DIR/) and test"
t0=$SECONDS
bash scripts/setup-deps.sh
echo "==> packages ready in $(vr_seconds_since "$t0")s"

# --- Formatting: clang-format 14 (Debian's clang-format package), style in .clang-format ---
echo "==> clang-format check (app/ ui/ tests/)"
if command -v clang-format >/dev/null 2>&1; then
    version="$(clang-format --version)"
    if [[ "$version" != *"version 14."* ]]; then
        echo "    note: expected clang-format 14, found: $version" >&2
    fi
    mapfile -t sources < <(find app ui tests -type f \( -name '*.cpp' -o -name '*.h' \) 2>/dev/null | sort)
    unformatted=()
    for f in "${sources[@]}"; do
        if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
            unformatted+=("$f")
        fi
    done
    if [[ ${#unformatted[@]} -eq 0 ]]; then
        echo "    ${#sources[@]} files formatted correctly"
    else
        # Show the first few violations, then the list of files and the fix.
        clang-format --dry-run --Werror "${unformatted[@]}" 2>&1 | head -n 30 >&2 || true
        echo "    FAILED: ${#unformatted[@]} of ${#sources[@]} files need formatting:" >&2
        printf '      %s\n' "${unformatted[@]}" >&2
        echo "    fix: clang-format -i ${unformatted[*]}" >&2
        failed+=("clang-format")
    fi
else
    echo "    FAILED: clang-format not found" >&2
    failed+=("clang-format")
fi

# --- Translations: every Chinese string translated (tst_translations checks this too) ---
ts=translations/videoremix_zh_CN.ts
echo "==> translation check ($ts)"
if [[ -f "$ts" ]]; then
    if grep -n 'type="unfinished"' "$ts"; then
        echo "    FAILED: unfinished translations above; translate them in $ts" >&2
        failed+=("translations")
    else
        echo "    no unfinished entries"
    fi
else
    echo "    FAILED: $ts is missing" >&2
    failed+=("translations")
fi

# --- Configure and build everything (app, libraries, tests) ---
werror=OFF
if [[ "${CI:-}" == "true" || "${VIDEOREMIX_WERROR:-0}" == "1" ]]; then
    werror=ON
fi
timings=() # "step: N s", printed before the last ctest run
t0=$SECONDS
vr_configure -DCMAKE_COMPILE_WARNING_AS_ERROR="$werror" -DVIDEOREMIX_BUILD_TESTS=ON
echo "==> configured in $(vr_seconds_since "$t0")s"
t0=$SECONDS
if ! vr_build; then
    echo "==> BUILD FAILED after $(vr_seconds_since "$t0")s (other failures: ${failed[*]:-none})" >&2
    exit 1
fi
echo "==> built in $(vr_seconds_since "$t0")s"
timings+=("build ($BUILD_DIR/): $(vr_seconds_since "$t0") s")

# --- Smoke start: the real executable starts and answers --version offscreen ---
echo "==> smoke start: QT_QPA_PLATFORM=offscreen timeout 5 $BUILD_DIR/videoremix --version"
if QT_QPA_PLATFORM=offscreen timeout 5 "$BUILD_DIR/videoremix" --version; then
    echo "    ok"
else
    echo "    FAILED: exit code $?" >&2
    failed+=("smoke-start")
fi

sanitizers=1
if [[ "${VIDEOREMIX_SKIP_SANITIZERS:-0}" == "1" ]]; then
    sanitizers=0
    echo "==> VIDEOREMIX_SKIP_SANITIZERS=1: no fuzzers and no ASan/UBSan build this time"
fi

# --- Test suite ---
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "==> failed so far: ${failed[*]} (running the tests anyway)" >&2
fi
echo "==> ctest --test-dir $BUILD_DIR --output-on-failure -j$JOBS"
t0=$SECONDS
ctest_rc=0
ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$JOBS" || ctest_rc=$?
timings+=("ctest ($BUILD_DIR/): $(vr_seconds_since "$t0") s")
if [[ $ctest_rc -ne 0 ]]; then
    failed+=("ctest")
fi

if [[ $sanitizers -eq 1 ]]; then
    # --- Fuzzers: libFuzzer harnesses of tests/fuzz/ (clang, build-fuzz/), a bounded time each ---
    t0=$SECONDS
    echo "==> fuzzers: scripts/run-fuzzers.sh (${VIDEOREMIX_FUZZ_SECONDS:-20} s per harness)"
    if ! bash scripts/run-fuzzers.sh; then
        failed+=("fuzzers")
    fi
    timings+=("fuzzers, build and run (build-fuzz/): $(vr_seconds_since "$t0") s")

    # --- The whole suite again with ASan + UBSan (g++, Debug, build-asan/); its ctest runs last ---
    asan_dir="${VIDEOREMIX_ASAN_BUILD_DIR:-build-asan}"
    asan_args=(-S "$REPO_ROOT" -B "$asan_dir" -DVIDEOREMIX_SANITIZE=ON -DVIDEOREMIX_BUILD_TESTS=ON
               -DCMAKE_COMPILE_WARNING_AS_ERROR="$werror")
    if [[ ! -f "$asan_dir/CMakeCache.txt" ]]; then
        command -v ninja >/dev/null 2>&1 && asan_args+=(-G Ninja)
        asan_args+=(-DCMAKE_BUILD_TYPE=Debug)
    fi
    t0=$SECONDS
    echo "==> sanitizers: cmake ${asan_args[*]}"
    asan_built=0
    if cmake "${asan_args[@]}"; then
        echo "==> sanitizers: cmake --build $asan_dir -j$JOBS"
        if cmake --build "$asan_dir" -j"$JOBS"; then
            asan_built=1
        fi
    fi
    timings+=("ASan + UBSan build ($asan_dir/): $(vr_seconds_since "$t0") s")
    echo "==> step times:"
    printf '    %s\n' "${timings[@]}"
    if [[ $asan_built -eq 1 ]]; then
        if [[ ${#failed[@]} -gt 0 ]]; then
            echo "==> failed so far: ${failed[*]} (running the sanitizer tests anyway)" >&2
        fi
        # Every sanitizer report fails its test (exit code and FAIL_REGULAR_EXPRESSION, see tests/CMakeLists.txt).
        echo "==> ctest --test-dir $asan_dir --output-on-failure -j$JOBS (ASan + UBSan)"
        asan_rc=0
        asan_log="$asan_dir/ctest-asan.log"
        ctest --test-dir "$asan_dir" --output-on-failure -j"$JOBS" 2>&1 | tee "$asan_log" || asan_rc=$?
        # LeakSanitizer's own tracer sometimes crashes at exit ("Tracer caught signal 11 ... LeakSanitizer
        # has encountered a fatal error"), after every test function passed, while media or pool threads
        # wind down: a fault of the sanitizer, not a finding. Only then, and only when no test failed and
        # no sanitizer reported anything, the failed tests run once more; any real report fails as before.
        if [[ $asan_rc -ne 0 ]] && grep -q "LeakSanitizer has encountered a fatal error" "$asan_log" \
            && ! grep -qE "FAIL!|ERROR: AddressSanitizer|runtime error:|detected memory leaks" "$asan_log"; then
            echo "==> LeakSanitizer's tracer crashed (no finding); running the failed tests once more"
            asan_rc=0
            ctest --test-dir "$asan_dir" --output-on-failure --rerun-failed || asan_rc=$?
        fi
        if [[ $asan_rc -ne 0 ]]; then
            failed+=("ctest-asan")
        fi
    else
        failed+=("asan-build")
        echo "FAILED: ${failed[*]}" >&2
    fi
fi
# Nothing is printed after the last ctest run: CI reads its closing lines.
if [[ ${#failed[@]} -gt 0 ]]; then
    exit 1
fi
