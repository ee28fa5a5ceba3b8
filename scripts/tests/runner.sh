#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-test of the guest runner, run on the host: scripts/vm/run.sh must
# pass the command's exit status through, fail a run whose kernel log shows
# a warning even when the command succeeded, and kill a hung guest.
#
# owe-test: host
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
run=$top/scripts/vm/run.sh
warn_ko=$top/scripts/vm/selftest/owe-selftest-warn.ko
failures=0

check() {
	local want=$1 what=$2 got

	shift 2
	"$run" "$@" > /tmp/owe-runner-test.$$ 2>&1
	got=$?
	if [ "$got" = "$want" ]; then
		echo "[runner] ok: $what (exit $got)"
	else
		echo "[runner] FAIL: $what: exit $got, want $want; run.sh said:"
		sed 's/^/    /' /tmp/owe-runner-test.$$
		failures=$((failures + 1))
	fi
	rm -f /tmp/owe-runner-test.$$
}

[ -f "$warn_ko" ] || { echo "[runner] FAIL: $warn_ko not built (make selftest-modules)"; exit 1; }

check 0 "true succeeds" -- true
check 1 "false fails" -- false
check 7 "the exit status passes through" -- bash -c 'exit 7'
check 0 "owe.ko is loaded in the guest" -- grep -q '^owe ' /proc/modules
check 0 "hwsim makes the requested radios" -r 3 -- \
	bash -c '[ "$(ls -d /sys/class/ieee80211/phy* | wc -l)" = 3 ]'
probe=$(mktemp /tmp/owe-runner-probe.XXXX)
check 0 "the guest's /tmp is private" -- bash -c "! test -e $probe"
rm -f "$probe"
check 125 "a kernel WARN fails a successful command" -- insmod "$warn_ko"
check 124 "a hung guest is killed at the timeout" -t 20 -- \
	bash -c 'mkfifo /tmp/hang && cat /tmp/hang'

log=$(readlink -f "${OWE_BUILD_DIR:-$top/.build}/runs/last")/kernel.log
if [ -s "$log" ]; then
	echo "[runner] ok: the kernel log is kept ($log)"
else
	echo "[runner] FAIL: no kernel log at $log"
	failures=$((failures + 1))
fi

[ "$failures" = 0 ] && echo "[runner] PASS" || echo "[runner] FAIL: $failures check(s)"
[ "$failures" = 0 ]
