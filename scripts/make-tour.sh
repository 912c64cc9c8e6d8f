#!/usr/bin/env bash
# Remakes the screenshot tour from the real app, in English and in Chinese, into a folder:
#
#   scripts/make-tour.sh [folder]        (default: resources/screenshots/tour)
#
# It drives build/videoremix (built beforehand, e.g. by scripts/run-app.sh) with xdotool under a virtual
# X server (xvfb-run, 1280x800), each start in a fresh temporary home, so nothing of yours is read or
# changed. Per language (en, zh_CN) it saves:
#   1-first-start        the first start with nothing configured
#   2-settings-tested    Settings after Test, against the demo relay (build/tests/demo_relay) given
#                        through OPENAI_BASE_URL / OPENAI_API_KEY (a made-up key)
#   3-main               the demo with a few finished remixes
#   4-failed             a job blocked by moderation, selected
#   5-before-after       a remix of a remix, before and after playing side by side
#   6-small-800x600      the same window at 800x600
# Packages: xvfb, xdotool, imagemagick (import, convert); Noto CJK fonts for the Chinese shots.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${1:-resources/screenshots/tour}
app=${VIDEOREMIX_BUILD_DIR:-build}/videoremix
relay=${VIDEOREMIX_BUILD_DIR:-build}/tests/demo_relay

for tool in xvfb-run xdotool import convert; do
    command -v "$tool" >/dev/null || { echo "make-tour: $tool is missing" >&2; exit 1; }
done
[ -x "$app" ] || { echo "make-tour: build the app first ($app not found)" >&2; exit 1; }

# Everything below runs inside one virtual X server.
if [ -z "${VIDEOREMIX_TOUR_XVFB:-}" ]; then
    exec env VIDEOREMIX_TOUR_XVFB=1 xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)
scratch=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$scratch"
}
trap cleanup EXIT

# start_app <lang> [args...]: starts the app in a fresh home and focuses its window; sets $pid and $wid.
start_app() {
    local lang=$1
    shift
    local home
    home=$(mktemp -d "$scratch/home.XXXX")
    HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share XDG_CACHE_HOME=$home/.cache \
        "$app" --lang "$lang" "$@" >"$home/app.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    wid=$(xdotool search --sync --onlyvisible --name '^(Video Remix|视频改编)$' | head -1)
    xdotool windowfocus --sync "$wid"
    xdotool mousemove --window "$wid" 5 5
    sleep 1.5
}

stop_app() {
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# shot <name>: the screen, cut to what the app shows (the rest of the virtual screen is black).
shot() {
    import -window root "$scratch/raw.png"
    convert "$scratch/raw.png" -trim +repage "$out/$1.png"
    echo "make-tour: $out/$1.png"
}

# say <text>: types text. xdotool types a character outside the keyboard map by remapping a spare key,
# which loses characters when typed quickly: Chinese goes one character at a time.
say() {
    local LC_ALL=C.UTF-8 # characters, not bytes, in ${#1} and ${1:i:1}
    if grep -q '^[ -~]*$' <<<"$1"; then
        xdotool type --delay 8 "$1"
    else
        local i
        for ((i = 0; i < ${#1}; i++)); do
            xdotool type --delay 30 "${1:i:1}"
            sleep 0.05
        done
    fi
}

# remix <video id> <prompt>: types into the form (focus in the id field) and sends with Ctrl+Return.
remix() {
    xdotool key ctrl+a BackSpace
    say "$1"
    xdotool key Tab ctrl+a
    say "$2"
    xdotool key ctrl+Return
    sleep 0.6
    xdotool key shift+Tab
}

# The list: Ctrl+F is the search field, and Tab goes on to the list.
focus_list() {
    xdotool key ctrl+f Tab
    sleep 0.3
}

port=$((20000 + RANDOM % 20000))
"$relay" "$port" >"$scratch/relay.log" 2>&1 &
pids+=("$!")
sleep 1

for lang in en zh_CN; do
    # 1. The first start: nothing configured, Settings opens over the window.
    start_app "$lang"
    sleep 1
    shot "1-first-start-$lang"
    stop_app

    # 2. Settings after Test, with the address and key from the environment.
    OPENAI_BASE_URL=http://127.0.0.1:$port/v1 OPENAI_API_KEY=sk-tour-not-a-real-key start_app "$lang"
    xdotool key ctrl+comma
    sleep 1.5
    xdotool key alt+t
    sleep 4
    shot "2-settings-tested-$lang"
    stop_app

    # 3.-6. The demo.
    # Prompts in the UI's language; the first one is blocked by the demo's pretend moderation.
    start_app "$lang" --demo
    if [ "$lang" = zh_CN ]; then
        remix video_demo_cat "画面里到处是血腥场面"
        remix video_demo_forest "下起大雪，光线柔和"
        remix video_demo_beach "加上日落和海鸥"
        remix video_demo_city "改成夜晚，霓虹灯闪烁"
        again="改成水彩画风格"
    else
        remix video_demo_cat "blood everywhere"
        remix video_demo_forest "make it snow, soft light"
        remix video_demo_beach "add a sunset and seagulls"
        remix video_demo_city "make it night time with neon lights"
        again="watercolour style"
    fi
    sleep 10
    shot "3-main-$lang"

    focus_list
    xdotool key End
    sleep 1
    shot "4-failed-$lang"

    # A remix of the newest result: its source is in the list, so before and after play side by side.
    xdotool key Home
    sleep 0.5
    xdotool key ctrl+r
    sleep 0.5
    xdotool key ctrl+a
    say "$again"
    xdotool key ctrl+Return
    sleep 10
    focus_list
    xdotool key Home Return
    sleep 2.5
    shot "5-before-after-$lang"

    xdotool windowsize "$wid" 800 600
    sleep 1.5
    shot "6-small-800x600-$lang"
    stop_app
done
