#!/usr/bin/env bash
# A short fuzz run for CI (FUZZ_SECONDS, default 60): five sixths of it on the
# fast in-process target (fuzz/fuzz_parse.py: parse, tree, records, checks,
# the lossless invariant), the rest on the command line (fuzz/fuzz_cli.py,
# a few inputs a second).  It fails CI only for a real finding: an input that
# crashed, hung (-timeout) or ran out of memory, saved as
# crash-*/timeout-*/oom-*.  Trouble with the fuzzer itself (it will not
# start, the machine is slow) is reported and does not fail the build.
set -u
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
cli_seconds=$(( seconds / 6 ))
fast_seconds=$(( seconds - cli_seconds ))
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0

run() {  # run TARGET SECONDS [CORPUS_DIR]
    local target="$1" secs="$2" dir="$work/$1"
    shift 2
    [ "$secs" -gt 0 ] || return 0
    mkdir -p "$dir"
    .venv/bin/python "fuzz/$target.py" -max_total_time="$secs" -artifact_prefix="$dir/" \
        -print_final_stats=1 "$@" >"$dir.log" 2>&1
    local rc=$?
    echo "fuzz/$target.py, ${secs} s:"
    grep -a "stat::number_of_executed_units\|stat::average_exec_per_sec\|stat::new_units_added\|^Done" \
        "$dir.log" || true
    local found
    found=$(cd "$dir" && ls | grep -E '^(crash|timeout|oom|slow-unit|leak)-' || true)
    if [ -n "$found" ]; then
        echo "fuzz: fuzz/$target.py found inputs that break filing-grammar:"
        grep -a -B2 -A30 "Traceback\|ERROR: libFuzzer" "$dir.log" | head -80
        for f in $found; do
            echo "--- $f ($(wc -c <"$dir/$f") bytes), base64:"
            base64 "$dir/$f" | head -c 4000; echo
        done
        failed=1
    elif [ "$rc" -ne 0 ]; then
        echo "fuzz: fuzz/$target.py exited $rc without a finding; not failing the build. Its log ends:"
        tail -n 15 "$dir.log"
    fi
}

run fuzz_parse "$fast_seconds"
# The command line takes a fraction of a second an input: seeded with the
# samples alone, so that reading its seeds fits in its share of the minute.
mkdir -p "$work/cli-corpus" && cp samples/*.txt "$work/cli-corpus/"
run fuzz_cli "$cli_seconds" "$work/cli-corpus"
exit "$failed"
