# shellcheck shell=bash
# Shared helpers for scripts/run-app.sh and scripts/run-tests.sh; sourced, not run.
#   VIDEOREMIX_BUILD_DIR   build directory (default: build, relative to the repository root)
#   VIDEOREMIX_BUILD_TYPE  CMAKE_BUILD_TYPE; default Release on the first configure, afterwards
#                          whatever the existing build directory was configured with
#   VIDEOREMIX_SKIP_DEPS=1 do not check/install Debian packages

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${VIDEOREMIX_BUILD_DIR:-build}"
JOBS=2

# vr_configure [extra cmake args...]: configures $BUILD_DIR (Ninja when available on first run).
vr_configure() {
    local args=(-S "$REPO_ROOT" -B "$BUILD_DIR")
    if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
        if command -v ninja >/dev/null 2>&1; then
            args+=(-G Ninja)
        fi
        args+=("-DCMAKE_BUILD_TYPE=${VIDEOREMIX_BUILD_TYPE:-Release}")
    elif [[ -n "${VIDEOREMIX_BUILD_TYPE:-}" ]]; then
        args+=("-DCMAKE_BUILD_TYPE=$VIDEOREMIX_BUILD_TYPE")
    fi
    echo "==> cmake ${args[*]} $*"
    cmake "${args[@]}" "$@"
}

# vr_build [cmake --build args...]: builds $BUILD_DIR with $JOBS jobs.
vr_build() {
    echo "==> cmake --build $BUILD_DIR -j$JOBS $*"
    cmake --build "$BUILD_DIR" -j"$JOBS" "$@"
}

# vr_seconds_since START: whole seconds elapsed since START (a $SECONDS value).
vr_seconds_since() {
    echo $((SECONDS - $1))
}
