#!/usr/bin/env bash
# Builds the Debian package from an existing build directory (CPack, dependencies by dpkg-shlibdeps)
# into a temporary folder and checks what it holds: the executable, the menu entry, the icons, the
# AppStream file, nothing outside /usr, and dependencies that were computed (Qt's libraries), not only
# the ones written by hand. Also validates the menu entry and the AppStream file.
# Usage: check-package.sh <build dir> <source dir>
set -euo pipefail
build="$1"
source="$2"
id=io.github.videoremix.videoremix
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

desktop-file-validate "$source/resources/linux/$id.desktop"
appstreamcli validate --pedantic --no-net "$source/resources/linux/$id.metainfo.xml"

(cd "$out" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out" >/dev/null)
deb="$(ls "$out"/videoremix_*_*.deb)"
echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB"
files="$(dpkg-deb -c "$deb" | awk '{print $6}')"

fail=0
expect() {
    if ! grep -qx "$1" <<<"$files"; then
        echo "MISSING from the package: $1" >&2
        fail=1
    fi
}
expect ./usr/bin/videoremix
expect ./usr/share/applications/$id.desktop
expect ./usr/share/metainfo/$id.metainfo.xml
expect ./usr/share/icons/hicolor/scalable/apps/$id.svg
for size in 16 22 24 32 48 64 128 256 512; do
    expect ./usr/share/icons/hicolor/${size}x${size}/apps/$id.png
done
expect ./usr/share/doc/videoremix/copyright
# Qt Multimedia's side of the app, a module loaded when a video is first played (ui/mediamodule.cpp)
if ! grep -qE '^\./usr/lib/([^/]+/)?videoremix/libvideoremix_media\.so$' <<<"$files"; then
    echo "MISSING from the package: the media module (usr/lib/<arch>/videoremix/libvideoremix_media.so)" >&2
    fail=1
fi
outside="$(grep -v '^\./usr/' <<<"$files" | grep -v '^\./$' || true)"
if [[ -n "$outside" ]]; then
    echo "files outside /usr:" >&2
    echo "$outside" >&2
    fail=1
fi
depends="$(dpkg-deb -f "$deb" Depends)"
echo "depends: $depends"
# libqt6multimediawidgets6 comes only from scanning the media module (libqt6multimedia6 is also named by hand)
for library in libqt6core6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6keychain1 libqt6multimediawidgets6 libc6; do
    if ! grep -q "$library" <<<"$depends"; then
        echo "dependency not computed: $library" >&2
        fail=1
    fi
done
for plugin in qt6-qpa-plugins libqt6sql6-sqlite; do
    grep -q "$plugin" <<<"$depends" || { echo "plugin package missing: $plugin" >&2; fail=1; }
done
exit $fail
