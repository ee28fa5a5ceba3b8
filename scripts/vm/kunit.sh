#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# KUnit for owe-ap.
#
# On the host (`make kunit`, or this script with no guest around it): boots
# a guest that runs this same script, then parses the KTAP the guest saved
# with the kernel tree's tools/testing/kunit/kunit.py and fails on any
# failed or crashed case. Extra arguments go to run.sh (e.g. --debug).
#
# Inside the guest (`scripts/vm/run.sh -- scripts/vm/kunit.sh`): loads
# kunit/owe-kunit.ko, whose suites run at load time, saves their KTAP as
# ktap.log in the run directory and fails when a case did not pass.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)

if [ -n "${OWE_RUNDIR:-}" ]; then
	ko=${OWE_MODDIR:-$top}/kunit/owe-kunit.ko
	dmesg -C
	insmod "$ko" || { echo "kunit: cannot load $ko"; exit 1; }
	rmmod owe_kunit
	dmesg -t | sed -n '/^KTAP version/,$p' > "$OWE_RUNDIR/ktap.log"
	ok=$(grep -c '^ *ok ' "$OWE_RUNDIR/ktap.log")
	bad=$(grep -c '^ *not ok ' "$OWE_RUNDIR/ktap.log")
	echo "kunit: $ok ok lines, $bad not ok lines in $OWE_RUNDIR/ktap.log"
	[ "$ok" -gt 0 ] && [ "$bad" = 0 ]
	exit
fi

build=${OWE_BUILD_DIR:-$top/.build}
# this run's own directory, not runs/last: check.sh boots the stock
# variant's guests beside the debug pass
rundir_file=$(mktemp)
trap 'rm -f "$rundir_file"' EXIT
OWE_RUNDIR_FILE=$rundir_file "$top/scripts/vm/run.sh" "$@" -- scripts/vm/kunit.sh
rc=$?
ktap=$(cat "$rundir_file")/ktap.log
if [ ! -s "$ktap" ]; then
	echo "kunit: the guest saved no KTAP (run.sh exit $rc)"
	exit 1
fi
python3 "$build/linux/tools/testing/kunit/kunit.py" parse "$ktap" || rc=1
exit "$rc"
