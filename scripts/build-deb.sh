#!/usr/bin/env bash
# Builds the Debian package: videoremix_<version>_amd64.deb in the repository root.
# A Release build in build-release/ (its own folder: the test build stays as it is), then CPack's DEB
# generator, which asks dpkg-shlibdeps for the library dependencies and adds the Qt plugin packages
# the app loads at run time (resources/packaging/install.cmake).
# Usage: scripts/build-deb.sh        (installs missing build packages first, like the other scripts)
#        VIDEOREMIX_SKIP_DEPS=1 ...  does not check packages
# Install it with:  sudo apt install ./videoremix_<version>_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/common.sh
source scripts/common.sh
cd "$REPO_ROOT"

bash scripts/setup-deps.sh
export VIDEOREMIX_BUILD_DIR=build-release VIDEOREMIX_BUILD_TYPE=Release
BUILD_DIR=build-release
vr_configure -DVIDEOREMIX_BUILD_TESTS=OFF
vr_build --target videoremix
(cd "$BUILD_DIR" && cpack -G DEB)
deb="$(ls "$BUILD_DIR"/videoremix_*_*.deb | head -n 1)"
cp "$deb" .
echo "==> $(basename "$deb"): $(du -h "$(basename "$deb")" | cut -f1)"
dpkg-deb -f "$(basename "$deb")" Package Version Architecture Depends Recommends
echo "==> install it with: sudo apt install ./$(basename "$deb")"
