#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Cost of one AP-side OWE derivation per group (key generation + ECDH +
# HKDF + PMKID, owe_dh_derive()) next to OpenSSL's ECDH in the same guest
# boot, in real time (no time travel). Prints figures, asserts nothing.
#
#   scripts/bench/derive.sh [ITERS]     (host: builds owe_bench.ko, boots)
#
# owe_bench.ko uses owe.ko's functions exported for KUnit, so it needs a
# kernel with CONFIG_KUNIT (the test kernel has it).
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
kmod=$top/scripts/bench/kmod

if [ -n "${OWE_RUNDIR:-}" ]; then
	iters=${1:-50}
	out=$OWE_RUNDIR/derive.txt
	{
		echo "== owe_bench (kernel, iters=$iters): per operation"
		dmesg -C
		if insmod "$kmod/owe_bench.ko" iters="$iters"; then
			dmesg -t | sed -n 's/^owe_bench: //p'
			rmmod owe_bench
		else
			dmesg -t | tail -n 5
			echo "owe_bench failed"
		fi
		echo "== openssl speed (user space, same guest)"
		openssl speed -elapsed -seconds 3 ecdhp256 ecdhp384 ecdhp521 \
			> "$OWE_RUNDIR/openssl.txt" 2>&1 || echo "openssl failed"
		grep -E '^ +op +op/s|bits ecdh \(' "$OWE_RUNDIR/openssl.txt"
	} | tee "$out"
	exit 0
fi

build=${OWE_BUILD_DIR:-$top/.build}
kdir=$build/um
[ -f "$top/Module.symvers" ] || { echo "derive.sh: run 'make' first" >&2; exit 2; }
make -C "$kdir" M="$kmod" ARCH=um KBUILD_EXTRA_SYMBOLS="$top/Module.symvers" \
	modules >/dev/null || exit 1
"$top/scripts/vm/run.sh" --realtime -t 900 -- scripts/bench/derive.sh "$@"
