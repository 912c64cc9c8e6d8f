#!/usr/bin/env python3
"""Start-up from outside: process start (the driver's clock just before it starts the process) to the
main window's first expose, for a bare QMainWindow (bench_bare_window, same flags) and the real app
(videoremix with VIDEOREMIX_BENCH_FIRST_FRAME) with an empty history and with a 10,000-job history,
run alternately; and, as a reference, the bare window with two menus, a label and a line edit (what the
first text on screen costs in Qt itself). Prints "name: value" lines (medians in ms, and the ratios to the bare window).

Usage: startup_driver.py <build dir> [runs] [jobs]   (under a display: run it with xvfb-run -a)

The driver keeps its own connection to the X server open for the whole run, as a desktop session's other
clients do. Without one, an X server resets itself each time its last client leaves (xvfb-run starts
Xvfb without -noreset), and every start measured then includes the server's reset: 25-45 ms more, for the
bare window and the app alike, which flattered the ratio (1.5x with the reset, 2.0x without, 2026-12-04).
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import ctypes
import ctypes.util

build = os.path.abspath(sys.argv[1])
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
jobs = int(sys.argv[3]) if len(sys.argv) > 3 else 10000

bare = os.path.join(build, "tests", "benchmarks", "bench_bare_window")
app = os.path.join(build, "videoremix")
filler = os.path.join(build, "tests", "benchmarks", "bench_startup")


def make_home(job_count):
    home = tempfile.mkdtemp(prefix="vr-startup-")
    data = os.path.join(home, "data", "VideoRemix", "Video Remix")
    os.makedirs(data)
    os.makedirs(os.path.join(home, "config"))
    if job_count:
        subprocess.run([filler, "--fill", os.path.join(data, "history.sqlite"), str(job_count)], check=True,
                       env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return home


def env_for(home):
    env = dict(os.environ)
    env.update(HOME=home, XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_CACHE_HOME=os.path.join(home, "cache"), VIDEOREMIX_BENCH_FIRST_FRAME="1", LANG="en_US.UTF-8",
               # A configured service (no settings dialog at first start), unreachable on purpose.
               OPENAI_BASE_URL="http://127.0.0.1:9/v1", OPENAI_API_KEY="sk-bench")
    env.pop("QT_QPA_PLATFORM", None)
    return env


def once(command, env):
    start = time.monotonic_ns()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    for line in done.stdout.splitlines():
        if line.startswith("first_expose_monotonic_ns:"):
            return (int(line.split(":")[1]) - start) / 1e6
    raise RuntimeError("no first expose from %s: %s %s" % (command[0], done.stdout, done.stderr[-2000:]))




def hold_display_open():
    """An X connection for the driver's lifetime (see above); None if there is no libX11 or no display."""
    name = ctypes.util.find_library("X11")
    if not name:
        return None
    xlib = ctypes.CDLL(name)
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    display = xlib.XOpenDisplay(None)
    if not display:
        raise RuntimeError("startup_driver: cannot open the display %r" % os.environ.get("DISPLAY"))
    return display


held_display = hold_display_open()
print("startup_display_held_open: %s" % ("yes" if held_display else "no (no libX11)"))
homes = {"empty": make_home(0), "full": make_home(jobs)}
cases = [("bare", [bare], homes["empty"]), ("bare_with_text", [bare, "--with-text"], homes["empty"]),
         ("app_empty", [app, "--lang", "en"], homes["empty"]),
         ("app_%d" % jobs, [app, "--lang", "en"], homes["full"])]
times = {name: [] for name, _, _ in cases}
try:
    for name, command, home in cases:  # warm-up: page cache, fontconfig cache
        once(command, env_for(home))
    for _ in range(runs):
        for name, command, home in cases:
            times[name].append(once(command, env_for(home)))
finally:
    for home in homes.values():
        shutil.rmtree(home, ignore_errors=True)

medians = {name: statistics.median(values) for name, values in times.items()}
for name, values in times.items():
    print("startup_%s_median_ms: %.1f" % (name, medians[name]))
    print("startup_%s_min_ms: %.1f" % (name, min(values)))
    print("startup_%s_max_ms: %.1f" % (name, max(values)))
for name in times:
    if name != "bare":
        print("startup_%s_ratio_to_bare: %.2f" % (name, medians[name] / medians["bare"]))
print("startup_runs: %d" % runs)
