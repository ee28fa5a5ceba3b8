#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of the UML guest started by scripts/vm/run.sh. The root file system
# is the host's / (hostfs); everything this script mounts is private to the
# guest. Its parameters arrive as environment variables from the kernel
# command line (OWE_TOP, OWE_RUNDIR, OWE_KDIR, OWE_RADIOS, OWE_DEBUG,
# OWE_LOAD, OWE_TIME_TRAVEL, OWE_KERNEL_VARIANT); the command inherits them.
# It reports the command's status as "owe-run-exit: N" in the run
# directory's result file and writes "owe-run: ..." lines, which fail the
# run, to the kernel log for trouble it finds itself.

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/tmp/home LANG=C.UTF-8 TERM=dumb

klog() { echo "$*" > /dev/kmsg; }

finish() {
	# through hostfs, not a console: opening a second tty trips a KASAN
	# report in UML's tty layer on the debug kernel
	echo "owe-run-exit: $1" > "$OWE_RUNDIR/result"
	sync
	echo o > /proc/sysrq-trigger
	sleep 10
}

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mountpoint -q /dev || mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
mount -t debugfs debugfs /sys/kernel/debug
[ -e /dev/fd ] || ln -s /proc/self/fd /dev/fd

# The command's output goes to con0 (run.sh's stdout).
exec > /dev/tty0 2>&1 < /dev/null

# Private /run and /tmp. A repository or build directory below one of them
# (a CI clone in /tmp, say) is bind-mounted aside first and moved back on
# top of the fresh tmpfs, so it stays visible and nothing of the host's is
# written to.
keep=()
for d in "$OWE_TOP" "$(dirname "$OWE_RUNDIR")/.."; do
	d=$(cd "$d" && pwd -P)
	case "$d" in /tmp/*|/run/*) keep+=("$d") ;; esac
done
stash=$(mktemp -d /dev/shm/keep.XXXX)
i=0
for d in "${keep[@]}"; do
	mkdir -p "$stash/$i"
	mount --bind "$d" "$stash/$i"
	i=$((i + 1))
done
mount -t tmpfs -o mode=1777 tmpfs /tmp
mount -t tmpfs -o mode=0755 tmpfs /run
i=0
for d in "${keep[@]}"; do
	mkdir -p "$d"
	mount --move "$stash/$i" "$d"
	i=$((i + 1))
done
mkdir -p /run/lock /run/netns /tmp/home

hostname owe-guest
ip link set lo up

if [ "$OWE_DEBUG" = 1 ] && [ -w /sys/kernel/debug/kmemleak ]; then
	echo scan > /sys/kernel/debug/kmemleak
	echo clear > /sys/kernel/debug/kmemleak
fi

# Modules come from the kernel build's modules_install tree. The kernel's
# own module requests (crypto algorithms, say) go through the same tree;
# under time travel jitterentropy is refused, since its self test never
# ends there (see scripts/vm/kernel.config). The stock variant has a tree
# of its own, the same but for an unpatched mac80211.ko
# (scripts/vm/build-stock.sh).
modroot=$OWE_KDIR/modroot
[ "${OWE_KERNEL_VARIANT:-normal}" = stock ] && modroot=$OWE_KDIR/modroot-stock
cat > /run/owe-modprobe <<MODPROBE
#!/bin/sh
if [ "$OWE_TIME_TRAVEL" = 1 ]; then
	for a; do case "\$a" in *jitterentropy*) exit 1 ;; esac; done
fi
exec /sbin/modprobe -d "$modroot" "\$@"
MODPROBE
chmod +x /run/owe-modprobe
echo /run/owe-modprobe > /proc/sys/kernel/modprobe

if ! /run/owe-modprobe mac80211_hwsim radios="$OWE_RADIOS"; then
	klog "owe-run: cannot load mac80211_hwsim from $modroot"
	finish 1
fi
# hwsim pulled mac80211 in: in the stock variant it must not be the
# patched one, or the stock tests would test the hook
if [ "${OWE_KERNEL_VARIANT:-normal}" = stock ] &&
	grep -qw ieee80211_ap_auth_register /proc/kallsyms; then
	klog "owe-run: the stock variant runs a patched mac80211 (from $modroot)"
	finish 1
fi
# owe.ko needs owe_ecc.ko (its curves and kpp ecdh-nist-p256/384/521) and
# crypto/ecc.c; the generic ECDH comes first so that the crypto manager can
# compare owe_ecc's drivers with it
if [ "$OWE_LOAD" = 1 ] && ! { /run/owe-modprobe ecdh_generic &&
			     insmod "${OWE_MODDIR:-$OWE_TOP}/ecc/owe_ecc.ko" &&
			     insmod "${OWE_MODDIR:-$OWE_TOP}/owe/owe.ko"; }; then
	klog "owe-run: cannot load owe.ko"
	finish 1
fi
[ -x "$OWE_TOP/tools/owectl/owectl" ] && PATH=$OWE_TOP/tools/owectl:$PATH

cd "$OWE_TOP" || finish 1
bash "$OWE_RUNDIR/cmd"
rc=$?

# Unloading runs every teardown path; a module that will not go is a leak.
if grep -q '^owe ' /proc/modules && ! rmmod owe; then
	klog "owe-run: rmmod owe failed"
fi
if grep -q '^owe_ecc ' /proc/modules && ! rmmod owe_ecc; then
	klog "owe-run: rmmod owe_ecc failed"
fi

if [ "$OWE_DEBUG" = 1 ] && [ -w /sys/kernel/debug/kmemleak ]; then
	# objects must be older than kmemleak's minimum age to be reported
	sleep 6
	echo scan > /sys/kernel/debug/kmemleak
	echo scan > /sys/kernel/debug/kmemleak
	# Only leaks with the project's modules in their allocation trace are
	# reported: UML's own process bookkeeping shows up as false leaks
	# (creds, pids, page cache of init's children).
	awk 'BEGIN { RS = "unreferenced object" } NR > 1 && /\[owe/ {
		print "unreferenced object" $0 }' /sys/kernel/debug/kmemleak |
	while IFS= read -r line; do
		echo "kmemleak: $line" > /dev/kmsg
	done
fi

finish "$rc"
