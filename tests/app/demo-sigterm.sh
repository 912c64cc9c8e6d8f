#!/bin/sh
# A demo run stopped with SIGTERM (a logout, `kill`, a service manager) ends like a closed window:
# exit code 0, and the demo's temporary folder (its history) is removed instead of being left in /tmp.
# Usage: demo-sigterm.sh path/to/videoremix
set -u
app="$1"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/videoremix-sigterm.XXXXXX")" || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/temp"
HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share" \
    XDG_CACHE_HOME="$tmp/home/.cache" TMPDIR="$tmp/temp" QT_QPA_PLATFORM=offscreen "$app" --demo --lang en &
pid=$!

# Wait (at most 30 s) until the demo has opened its history in its temporary folder.
tries=0
until ls "$tmp"/temp/*/demo-history.sqlite >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -gt 300 ] || ! kill -0 "$pid" 2>/dev/null; then
        echo "FAIL: the demo did not open its history in $tmp/temp"
        kill -KILL "$pid" 2>/dev/null
        exit 1
    fi
    sleep 0.1
done
echo "demo folder: $(ls -d "$tmp"/temp/Video*)"

kill -TERM "$pid"
wait "$pid"
rc=$?
if [ "$rc" -ne 0 ]; then
    echo "FAIL: exit code $rc after SIGTERM (expected 0)"
    exit 1
fi
left="$(find "$tmp/temp" -mindepth 1 -maxdepth 1 -name 'Video Remix-*')"
if [ -n "$left" ]; then
    echo "FAIL: left behind: $left"
    exit 1
fi
echo "PASS: quit on SIGTERM with exit code 0, demo folder removed"
