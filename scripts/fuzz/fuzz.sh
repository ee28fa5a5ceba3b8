#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# `make fuzz`: a long seeded run of scripts/fuzz/owe-fuzz.py, through the
# test scripts/tests/fuzz.sh (its setup and assertions: two clients stay
# associated, only they remain, owe.ko's counters, a clean kernel log), on
# the debug kernel (lockdep, KASAN, kmemleak, UBSAN) when it is built, and a
# summary: frames sent per type, seconds, owe.ko's counters, verdict.
#
#   scripts/fuzz/fuzz.sh [COUNT [SEED]]
#
# COUNT defaults to 30000 (about two minutes on the debug kernel) (FUZZ_COUNT), SEED to 1 (FUZZ_SEED).
# FUZZ_DEBUG=0 runs on the normal kernel, FUZZ_DEBUG=1 insists on the debug
# kernel (building it when missing: minutes). To replay a failing run: the
# same COUNT and SEED; the run's frames are listed one a line (index, type,
# source, hex) in the run directory's fuzz/frames.log when it fails, and
# owe-fuzz.py --from I --to J sends a part of the sequence again.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
build=${OWE_BUILD_DIR:-$top/.build}
count=${1:-${FUZZ_COUNT:-30000}}
seed=${2:-${FUZZ_SEED:-1}}
debug=${FUZZ_DEBUG:-}
if [ -z "$debug" ]; then
	debug=0
	[ -x "$build/um-debug/linux" ] && debug=1
fi

args=()
kernel=normal
if [ "$debug" = 1 ]; then
	echo "fuzz: building the modules for the debug kernel"
	make -s DEBUG=1 modules > "$build/fuzz-debug-build.log" 2>&1 || {
		tail -n 20 "$build/fuzz-debug-build.log"
		echo "fuzz: verdict: FAIL (the debug build failed)"
		exit 1
	}
	args=(--debug)
	kernel="debug (lockdep, KASAN, kmemleak, UBSAN)"
elif [ -x "$build/um-debug/linux" ]; then
	echo "fuzz: FUZZ_DEBUG=0: the normal kernel"
else
	echo "fuzz: no debug kernel built (make kernel-debug): the normal kernel"
fi

echo "fuzz: $count frames, seed $seed, $kernel kernel"
log=$build/fuzz-$seed.log
start=$(date +%s)
# the guest's console ends its lines with CR LF
scripts/vm/run.sh "${args[@]}" -r 4 -t 900 -- scripts/tests/fuzz.sh "$count" "$seed" 2>&1 |
	tr -d '\r' > "$log"
rc=${PIPESTATUS[0]}
wall=$(( $(date +%s) - start ))
rundir=$(sed -n 's/^run.sh: booting .*log in \(.*\)\/kernel.log$/\1/p' "$log" | head -n 1)

echo "fuzz: frames sent per type"
sed -n 's/^    sent \([^ ]*\) \([0-9]*\)$/\1 \2/p' "$log" |
	awk '{ printf "    %-18s %6d\n", $1, $2 }'
sed -n 's/^    total \([0-9]*\)$/fuzz: total \1 frames/p' "$log"
sed -n 's/^\[fuzz\] fuzz-seconds \([0-9.]*\).*/fuzz: \1 s sending (guest clock)/p' "$log"
echo "fuzz: ${wall} s for the whole guest run (wall clock: boot, setup, checks)"
sed -n 's/^\[fuzz\] digest /fuzz: sequence digest /p' "$log"
echo "fuzz: owe.ko's counters (owectl dev wlan0 ap show), after the run"
sed -n '/^    \tcounters:$/,/^\[fuzz\]/p' "$log" | grep -P '^    \t\t' |
	sed 's/^    \t\t/    /; s/:\t/: /'
echo "fuzz: counted against what must have reached owe.ko"
sed -n 's/^\[fuzz\] \(rx .*sent.*\)/    \1/p' "$log"
if [ "$rc" = 0 ]; then
	echo "fuzz: verdict: PASS (clients stayed associated, only they remain, counters consistent, clean kernel log)"
else
	echo "fuzz: the run's last lines:"
	grep -E '^\[fuzz\] (FAIL|files)|^run\.sh:|^    ' "$log" | tail -n 25
	echo "fuzz: verdict: FAIL (exit $rc); replay: scripts/fuzz/fuzz.sh $count $seed; log $log, run directory $rundir"
fi
exit "$rc"
