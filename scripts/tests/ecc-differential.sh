#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Issue 13, item 6: ECDH through the kernel's kpp API against OpenSSL. For
# each group (19: P-256, 20: P-384, 21: P-521) and each of its drivers that
# is registered (ecdh-nist-pNNN-owe, ours; with ECC_GENERIC=1 also
# ecdh-nist-pNNN-generic, crypto/ecc.c), ecc-kpp.py sends ECC_DIFF_COUNT
# (default 10,000) random (scalar, point) pairs through the owe-ecctest
# test-bed module (scripts/vm/selftest/, make selftest-modules) in
# batches, and compares every shared x with python3-cryptography's; then
# the edge cases: scalars 1, 2, 3, n-3, n-2 and n-1 against G and a random
# point, low-weight and short scalars, the points -G and those with x = 0,
# 1 or p-1 where they exist; scalars 0, n, n+1 and all ones, and points at
# infinity (0, 0), off the curve, with x = p, x or y above p and all ones
# must be refused. Public keys of random and edge scalars are compared
# too. crypto/ecc.c takes private keys in [2, n-3] only, and its ladder
# ends by inverting a product with the peer's x, so a point with x = 0
# comes out as infinity: the generic driver may refuse scalars 1, n-2 and
# n-1 and points with x = 0 (logged); any other driver must compute with
# every scalar in [1, n-1] and every point on the curve. A driver that is
# not registered is skipped, and said so (6.12 has no generic P-521 kpp).
# The guest runs in real time, so that the times it prints are the host's
# (the test never sleeps: time travel saves nothing).
#
# owe-test: radios=1 realtime
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/owe.sh"
. "$(dirname "$0")/lib/ecctest.sh"

COUNT=${ECC_DIFF_COUNT:-10000}
# the kernel's generic driver too (slower, only reported): ECC_GENERIC=1,
# e.g. scripts/vm/run.sh --realtime -- env ECC_GENERIC=1 THIS_TEST
impls=(owe)
[ "${ECC_GENERIC:-0}" = 1 ] && impls+=(generic)
ecctest_start

start=$(date +%s)
tested=0
for curve in p256 p384 p521; do
	drivers=()
	for impl in "${impls[@]}"; do
		d=ecdh-nist-$curve-$impl
		if registered "$d"; then
			drivers+=("$d")
		else
			log "$d is not registered: skipped"
		fi
	done
	if [ ${#drivers[@]} = 0 ]; then
		log "$curve: no driver registered: group skipped"
		continue
	fi
	step "$curve: $COUNT random pairs and the edge cases through ${drivers[*]}"
	t0=$(date +%s)
	python3 "$kpp" differential "$curve" "$COUNT" "${drivers[@]}" ||
		fail "$curve: the kpp and OpenSSL disagree (or the test bed failed)"
	log "$curve: ${#drivers[@]} driver(s) agree with OpenSSL, $(( $(date +%s) - t0 ))s"
	tested=$((tested + ${#drivers[@]}))
done
[ "$tested" -gt 0 ] || fail "no ECDH kpp driver registered at all"
log "$tested driver(s) compared in $(( $(date +%s) - start ))s"

step "unload the test-bed module"
run rmmod owe_ecctest || fail "cannot unload owe_ecctest"
pass
