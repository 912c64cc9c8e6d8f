#!/bin/sh
# Runs one test executable in a home of its own, made for this run and removed after it: settings,
# caches, the history and QStandardPaths' test folders (~/.qttest) start empty every time, so no
# file left by an earlier run can make a test pass.
set -u
home="$(mktemp -d "${TMPDIR:-/tmp}/videoremix-test-home.XXXXXX")" || exit 1
trap 'rm -rf "$home"' EXIT INT TERM
export HOME="$home"
export XDG_CONFIG_HOME="$home/.config"
export XDG_CACHE_HOME="$home/.cache"
export XDG_DATA_HOME="$home/.local/share"
export XDG_STATE_HOME="$home/.local/state"
"$@"
