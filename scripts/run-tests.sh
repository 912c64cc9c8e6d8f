#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the whole test suite:
# installs missing packages, checks formatting (clang-format 14) and the Chinese translation,
# configures and builds everything in build/, smoke-starts the app offscreen, runs ctest.
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
t0=$SECONDS
vr_configure -DCMAKE_COMPILE_WARNING_AS_ERROR="$werror" -DVIDEOREMIX_BUILD_TESTS=ON
echo "==> configured in $(vr_seconds_since "$t0")s"
t0=$SECONDS
if ! vr_build; then
    echo "==> BUILD FAILED after $(vr_seconds_since "$t0")s (other failures: ${failed[*]:-none})" >&2
    exit 1
fi
echo "==> built in $(vr_seconds_since "$t0")s"

# --- Smoke start: the real executable starts and answers --version offscreen ---
echo "==> smoke start: QT_QPA_PLATFORM=offscreen timeout 5 $BUILD_DIR/videoremix --version"
if QT_QPA_PLATFORM=offscreen timeout 5 "$BUILD_DIR/videoremix" --version; then
    echo "    ok"
else
    echo "    FAILED: exit code $?" >&2
    failed+=("smoke-start")
fi

# --- Test suite (ctest last, so its summary closes the output) ---
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "==> failed so far: ${failed[*]} (running the tests anyway)" >&2
fi
echo "==> ctest --test-dir $BUILD_DIR --output-on-failure -j$JOBS"
t0=$SECONDS
ctest_rc=0
ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$JOBS" || ctest_rc=$?
if [[ $ctest_rc -ne 0 ]]; then
    failed+=("ctest")
fi
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "FAILED: ${failed[*]}" >&2
    exit 1
fi
