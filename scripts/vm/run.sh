#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot a fresh UML guest on the host's / (hostfs), load mac80211_hwsim and
# owe.ko, run one command from the repository root and power off.
#
#   scripts/vm/run.sh [-r RADIOS] [-t SECONDS] [--debug|--stock]
#                     [--realtime] [--no-owe] -- COMMAND [ARGS...]
#
# --debug boots the debug kernel (lockdep, KASAN, kmemleak, UBSAN);
# --stock the normal one with the modules of um/modroot-stock, whose
# mac80211 carries none of patches/mac80211/ (scripts/vm/build-stock.sh,
# make kernel-stock). The guest sees which in OWE_KERNEL_VARIANT (normal,
# debug or stock).
#
# The exit status is COMMAND's, except that the run fails (status 125) when
# the kernel log shows an oops, BUG, WARNING, lockdep or RCU splat, KASAN or
# UBSAN report, a sleeping-in-atomic report or (with --debug) a kmemleak
# report after the final scan, and fails (124) when the guest hangs past the
# timeout or dies before reporting COMMAND's status.
#
# Each run gets a directory $OWE_BUILD_DIR/runs/<stamp>/ holding
#   kernel.log  the guest kernel's log (the printk console, written by UML
#               itself, so it survives a guest crash)
#   console.log a copy of what the guest printed to stdout
#   result      the status line the guest reported
# and $OWE_BUILD_DIR/runs/last points at it.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${OWE_BUILD_DIR:-$top/.build}
radios=2
timeout=300
debug=0
stock=0
realtime=0
load_owe=1

usage() {
	sed -n '/^#   scripts/,/^#$/p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
	-r) radios=${2:-}; shift ;;
	-t) timeout=${2:-}; shift ;;
	--debug) debug=1 ;;
	--stock) stock=1 ;;
	--realtime) realtime=1 ;;
	--no-owe) load_owe=0 ;;
	--) shift; break ;;
	-h|--help) usage ;;
	*) echo "run.sh: unknown option '$1'" >&2; usage ;;
	esac
	shift
done
[ $# -gt 0 ] || { echo "run.sh: no command given" >&2; usage; }
case "$radios" in
''|*[!0-9]*) echo "run.sh: -r wants a number of radios, not '$radios'" >&2; exit 2 ;;
esac
case "$timeout" in
''|*[!0-9]*) echo "run.sh: -t wants seconds, not '$timeout'" >&2; exit 2 ;;
esac
if [ "$debug" = 1 ] && [ "$stock" = 1 ]; then
	echo "run.sh: --stock is a variant of the normal kernel, not of the debug one" >&2
	exit 2
fi

mkdir -p "$build"
build=$(cd "$build" && pwd)
case "$top$build" in
*[[:space:]]*) echo "run.sh: the repository path must not contain white space" >&2; exit 2 ;;
esac
# the modules of each kernel: in the repository for the normal one, in
# their own tree for the --debug one (make DEBUG=1 modules)
if [ "$debug" = 1 ]; then
	kdir=$build/um-debug
	moddir=$build/mod-debug
	variant=debug
else
	kdir=$build/um
	moddir=$top
	variant=normal
	[ "$stock" = 1 ] && variant=stock
fi
name=$(basename "$kdir")
[ "$stock" = 1 ] && name+=" (stock)"
kernel=$kdir/linux
if [ ! -x "$kernel" ]; then
	echo "run.sh: no UML kernel at $kernel: run 'make$([ "$debug" = 1 ] && echo " DEBUG=1")' first" >&2
	exit 2
fi
if [ "$load_owe" = 1 ] && [ ! -f "$moddir/owe/owe.ko" ]; then
	echo "run.sh: $moddir/owe/owe.ko is not built: run 'make$([ "$debug" = 1 ] && echo " DEBUG=1") modules' first" >&2
	exit 2
fi
# the stock module root must have been made for this very kernel (the
# second word of its key, build-stock.sh)
if [ "$stock" = 1 ] &&
	[ "$(cut -d' ' -f2 "$kdir/modroot-stock/.owe-key" 2>/dev/null)" != \
	  "$(cat "$kdir/.owe-key")" ]; then
	echo "run.sh: no stock modules for $kernel: run 'make kernel-stock' first" >&2
	exit 2
fi

# one directory per run; keep the last 30
mkdir -p "$build/runs"
rundir=$(mktemp -d "$build/runs/$(date +%Y%m%d-%H%M%S)-XXXX")
ls -1d "$build"/runs/2* 2>/dev/null | head -n -30 | xargs -r rm -rf
ln -sfn "$(basename "$rundir")" "$build/runs/last"
# runs/last is whichever guest started last; a caller that runs guests side
# by side learns its own run's directory from the file named here
[ -z "${OWE_RUNDIR_FILE:-}" ] || echo "$rundir" > "$OWE_RUNDIR_FILE"
printf '%q ' "$@" > "$rundir/cmd"
: > "$rundir/result"
echo >> "$rundir/cmd"

mem=768M
[ "$debug" = 1 ] && mem=2G
cmdline=(
	mem=$mem
	root=/dev/root rootfstype=hostfs rootflags=/ hostfs=/ rw
	con=null con0=null,fd:1 con1=null,fd:3 ssl=null
	console=tty1 loglevel=8 panic=-1 log_buf_len=4M printk.devkmsg=on kunit.enable=1
	init="$top/scripts/vm/init.sh"
	OWE_TOP="$top" OWE_RUNDIR="$rundir" OWE_KDIR="$kdir" OWE_MODDIR="$moddir"
	OWE_RADIOS="$radios" OWE_DEBUG="$debug" OWE_LOAD="$load_owe"
	OWE_KERNEL_VARIANT="$variant"
)
if [ "$realtime" = 1 ]; then
	cmdline+=(OWE_TIME_TRAVEL=0)
else
	cmdline+=(time-travel=inf-cpu OWE_TIME_TRAVEL=1)
fi

echo "run.sh: booting $name guest, $radios radio(s), log in $rundir/kernel.log"
start=$(date +%s)
timeout -k 10 "$timeout" stdbuf -oL "$kernel" "${cmdline[@]}" \
	3>"$rundir/kernel.log" < /dev/null 2>&1 \
	| sed -u '/^Core dump limits/,/exec-shield gap$/d' | tee "$rundir/console.log"
uml=${PIPESTATUS[0]}
elapsed=$(( $(date +%s) - start ))

status=$(sed -n 's/^owe-run-exit: \([0-9]*\).*/\1/p' "$rundir/result" | tail -n 1)
problems='Oops|BUG:|WARNING:|Kernel panic|kernel BUG|general protection fault'
problems+='|possible (recursive|circular) locking|inconsistent lock state'
problems+='|suspicious RCU usage|KASAN:|UBSAN:|unreferenced object'
problems+='|sleeping function called from invalid context|scheduling while atomic'
problems+='|INFO: task .* blocked|Call Trace:|owe-run: '
# UBSAN's misaligned-access reports come from the core kernel on x86,
# which allows unaligned access (debug.config turns the check off; a
# kernel built before that still prints them): drop those reports whole.
found=$(awk '/-+\[ cut here \]-+/ { hold = $0; next }
	hold != "" { if (/UBSAN: misaligned-access/) skip = 1; else print hold; hold = "" }
	skip { if (/---\[ end trace/) skip = 0; next }
	{ print }' "$rundir/kernel.log" | grep -E "$problems" | head -n 20)

rc=0
if [ "$uml" = 124 ] || [ "$uml" = 137 ]; then
	echo "run.sh: FAIL: guest killed after the ${timeout}s timeout"
	rc=124
elif [ -z "$status" ]; then
	echo "run.sh: FAIL: the guest died before reporting the command's status"
	rc=124
elif [ -n "$found" ]; then
	echo "run.sh: FAIL: the kernel log shows trouble (command exit status $status):"
	printf '%s\n' "$found" | sed 's/^/    /'
	rc=125
else
	rc=$status
fi
if [ "$rc" != 0 ] && [ "$rc" != "$status" ]; then
	echo "run.sh: last kernel log lines:"
	tail -n 15 "$rundir/kernel.log" | sed 's/^/    /'
fi
echo "run.sh: exit $rc after ${elapsed}s (kernel log: $rundir/kernel.log)"
exit "$rc"
