#!/usr/bin/env bash
# Installs the Debian 12 (bookworm) packages needed to build, test and run Video Remix.
# Idempotent: when every package is already installed it does nothing (no apt-get at all).
# Usage: scripts/setup-deps.sh          (as root, or as a user with sudo)
#        VIDEOREMIX_SKIP_DEPS=1 ...     skips this step entirely (for machines set up another way)
set -euo pipefail

if [[ "${VIDEOREMIX_SKIP_DEPS:-0}" == "1" ]]; then
    echo "==> setup-deps: VIDEOREMIX_SKIP_DEPS=1, not checking packages"
    exit 0
fi

packages=(
    # Toolchain
    build-essential cmake ninja-build git pkg-config ca-certificates
    # Qt 6.4 (Debian 12)
    qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    # Qt HTTP Server for the test fake; Debian's -dev package forgets its WebSockets dependency
    qt6-httpserver-dev qt6-websockets-dev
    qt6-multimedia-dev qtkeychain-qt6-dev libqt6sql6-sqlite
    # WebP reference images (JPEG and PNG readers come with Qt itself)
    qt6-image-formats-plugins
    # Headers Qt6Gui's CMake config looks for
    libgl-dev libvulkan-dev
    # The package and its desktop metadata (scripts/build-deb.sh, tests/packaging/check-package.sh)
    dpkg-dev file appstream desktop-file-utils
    # A private session bus for the desktop-notification test
    dbus-daemon
    # CJK glyphs for the Chinese UI
    fonts-noto-cjk
    # Style check (clang-format 14) and a virtual display for machines without one
    clang-format xvfb xauth
    # Fuzzers (scripts/run-fuzzers.sh): clang 14 with the libFuzzer/ASan/UBSan runtimes, and
    # llvm-symbolizer for readable sanitizer reports (g++'s ASan/UBSan runtimes come with g++)
    clang libclang-rt-14-dev llvm
)

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "==> setup-deps: not a Debian/Ubuntu system (no dpkg/apt-get); install the equivalent of:" >&2
    echo "    ${packages[*]}" >&2
    exit 0
fi

missing=()
for pkg in "${packages[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$pkg")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "==> setup-deps: all ${#packages[@]} packages present"
    exit 0
fi

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo_cmd=(sudo)
    else
        echo "==> setup-deps: missing packages and not root (no sudo either). As root run:" >&2
        echo "    apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
fi

echo "==> setup-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}" </dev/null
echo "==> setup-deps: done"
