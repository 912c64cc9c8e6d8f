#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running Video Remix:
# installs missing packages, configures and builds build/videoremix, then starts it.
# Extra arguments go to the app, e.g. scripts/run-app.sh --version
# Without a display ($DISPLAY and $WAYLAND_DISPLAY empty) the app runs under `xvfb-run -a`
# (a virtual X server: nothing is visible, but the app really starts); set
# VIDEOREMIX_NO_XVFB=1 to fail instead.
# shellcheck disable=SC2119 # helpers take optional args; not the script's args
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/common.sh
source scripts/common.sh
cd "$REPO_ROOT"

echo "==> Video Remix: set up, build ($BUILD_DIR/) and start"
bash scripts/setup-deps.sh
vr_configure
vr_build --target videoremix

app="$BUILD_DIR/videoremix"
# With no service configured yet, start in the built-in demo (a loopback service, no account needed),
# so a newcomer sees the whole product at once. A configured service is used as usual.
set -- --demo-if-unconfigured "$@"
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
    echo "==> starting $app $*"
    exec "$app" "$@"
fi

echo "==> No display: \$DISPLAY and \$WAYLAND_DISPLAY are empty." >&2
if [[ "${VIDEOREMIX_NO_XVFB:-0}" == "1" ]] || ! command -v xvfb-run >/dev/null 2>&1; then
    echo "    Run this from a desktop session (or over ssh -X), or try:" >&2
    echo "    QT_QPA_PLATFORM=offscreen $app --version" >&2
    exit 1
fi
echo "    Starting the app under a virtual X server (xvfb-run -a): it runs, but nothing is shown." >&2
echo "    Stop it with Ctrl+C. To see the window, run this from a desktop session or over ssh -X." >&2
echo "==> xvfb-run -a $app $*"
exec xvfb-run -a "$app" "$@"
