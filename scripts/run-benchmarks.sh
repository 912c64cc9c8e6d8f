#!/usr/bin/env bash
# Builds the benchmarks in Release (build-bench/, -j2, ccache when present) and runs them all, then
# prints one markdown table: figure, measured value, target, met or not. The start-up figures are
# measured from outside against a bare QMainWindow built here with the same flags
# (tests/benchmarks/startup_driver.py under xvfb-run). Raw "name: value" output stays in
# build-bench/benchmarks/*.txt. Usage: scripts/run-benchmarks.sh [startup runs]   (default 15)
# Figures are only comparable on an otherwise idle machine: the script prints the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=$root/build-bench
runs=${1:-15}
out=$build/benchmarks
launcher=()
if command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

echo "==> build ($build, Release)" >&2
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
cmake --build "$build" -j2 --target videoremix bench_bare_window bench_startup bench_history bench_live_jobs \
    bench_idle bench_download >&2
mkdir -p "$out"
bench=$build/tests/benchmarks
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "==> start-up (bare window vs app, $runs runs each, alternately)" >&2
xvfb-run -a -s "-screen 0 1280x800x24" python3 tests/benchmarks/startup_driver.py "$build" "$runs" 10000 \
    | tee "$out/startup.txt" >&2
echo "==> history" >&2
QT_QPA_PLATFORM=offscreen "$bench/bench_history" 10000 | tee "$out/history.txt" >&2
echo "==> live jobs" >&2
QT_QPA_PLATFORM=offscreen "$bench/bench_live_jobs" 1000 10 | tee "$out/live_jobs.txt" >&2
echo "==> idle" >&2
xvfb-run -a -s "-screen 0 1280x800x24" "$bench/bench_idle" 10 1000 2>"$out/idle_timers.txt" | tee "$out/idle.txt" >&2
echo "==> download" >&2
(cd "$out" && "$bench/bench_download" 500 7) | tee "$out/download.txt" >&2
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# name|label|target (op value)|unit
table() {
    cat <<'ROWS'
startup_bare_median_ms|Start-up: bare QMainWindow, process start to first expose (median)||ms
startup_bare_with_text_ratio_to_bare|Start-up reference: the bare window with two menus, a label and a line edit, against bare||×
startup_app_empty_median_ms|Start-up: app, empty history (median)||ms
startup_app_10000_median_ms|Start-up: app, 10,000-job history (median)||ms
startup_app_empty_ratio_to_bare|Start-up ratio to bare, empty history|<= 1.3|×
startup_app_10000_ratio_to_bare|Start-up ratio to bare, 10,000 jobs|<= 1.3|×
window_all_listed_10000_ms|History: 10,000 jobs listed in the window||ms
window_load_longest_gui_stall_10000_ms|History: longest GUI stall while loading|<= 16|ms
window_load_longest_gui_busy_10000_ms|History: of the stalls, the most CPU time the GUI thread spent in one||ms
filter_search_max_ms|History: search updates the list (worst of 6)|<= 20|ms
filter_bucket_max_ms|History: status filter updates the list (worst of 4)|<= 20|ms
filter_status_change_max_ms|History: one job changes status (counts + model)|<= 1|ms
scroll_frame_max_ms|History: scrolling top to bottom, slowest repaint|<= 16|ms
memory_over_empty_list_mb|History: memory over an empty list|<= 30|MB
live_default_requests_per_job_per_interval|1,000 live jobs, app defaults (5 s, ≤ 2/s per service): requests per job per interval||
live_default_max_requests_in_100ms|1,000 live jobs, defaults: most requests in any 100 ms||
live_default_tcp_connections|1,000 live jobs, defaults: TCP connections||
live_default_longest_gui_stall_ms|1,000 live jobs, defaults: longest GUI stall|<= 16|ms
live_uncapped_requests_per_job_per_interval|1,000 live jobs, no ceiling, 2 s: requests per job per interval|>= 0.9|
live_uncapped_max_requests_in_100ms|1,000 live jobs, no ceiling: most requests in any 100 ms (even: 50)|<= 100|
live_uncapped_tcp_connections|1,000 live jobs, no ceiling: TCP connections (whole run)|<= 10|
live_uncapped_tcp_connections_opened_while_measured|1,000 live jobs, no ceiling: TCP connections opened in the measured 10 s||
live_uncapped_longest_gui_stall_ms|1,000 live jobs, no ceiling: longest GUI stall|<= 16|ms
live_uncapped_job_changes_per_s|1,000 live jobs, no ceiling: job changes per second||/s
live_uncapped_datachanged_per_s|1,000 live jobs, no ceiling: model dataChanged signals per second||/s
idle_empty_timer_events_ours|Idle 10 s, empty history: timer events from our code|<= 0|
idle_empty_timer_events_all|Idle 10 s, empty history: all timer events (Qt's included)||
idle_empty_event_loop_wakeups|Idle 10 s, empty history: event-loop wake-ups||
idle_1000_finished_timer_events_ours|Idle 10 s, 1,000 finished jobs: timer events from our code|<= 0|
download_curl_mb_per_s|Download 500 MB over loopback, 7 rounds after a warm-up: curl (median)||MB/s
download_curl_synced_mb_per_s|Download: curl, then fsync of its file (the app's durability)||MB/s
download_app_mb_per_s|Download 500 MB over loopback: DownloadJob, to finished (synced, renamed)||MB/s
download_app_stream_mb_per_s|Download: DownloadJob to its last byte written (the streaming rate)||MB/s
download_app_stream_to_curl_percent|Download: app's streaming rate against curl's (median of the rounds' ratios)|>= 90|%
download_app_stream_to_curl_lowest_percent|Download: the same, the round least favourable to the app||%
download_app_to_curl_percent|Download: app to finished (synced) against curl (not synced)||%
download_app_to_curl_synced_percent|Download: app (synced) against curl + fsync (median of the rounds' ratios)|>= 90|%
download_app_rss_growth_mb|Download: resident memory growth|<= 20|MB
download_app_longest_gui_stall_ms|Download: longest GUI stall (writes, fsync)|<= 16|ms
download_app_longest_gui_busy_ms|Download: of the stalls, the most CPU time the GUI thread spent in one||ms
ROWS
}

echo
echo "| Figure | Measured | Target | Met |"
echo "|---|---:|---|:---:|"
cat "$out"/startup.txt "$out"/history.txt "$out"/live_jobs.txt "$out"/idle.txt "$out"/download.txt >"$out/all.txt"
table | while IFS='|' read -r name label target unit; do
    value=$(grep -m1 "^$name: " "$out/all.txt" | cut -d' ' -f2 || true)
    met=""
    if [[ -n "$target" && -n "$value" ]]; then
        op=${target%% *}
        limit=${target#* }
        met=$(awk -v v="$value" -v l="$limit" -v op="$op" \
            'BEGIN { ok = (op == "<=") ? (v <= l) : (v >= l); print ok ? "yes" : "**no**" }')
    fi
    echo "| $label | ${value:-n/a} ${unit} | ${target:+$target $unit} | $met |"
done
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), no GPU, Xvfb;" \
    "load average before $load_before, after $load_after."
