#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Issue 13, item 6: timing independence of ECDH through the kernel's kpp
# API, in the style of dudect (Reparaz, Balasch and Verbauwhede, "Dude, is
# my code constant time?", 2017). For each group and registered driver
# (ours; the kernel's generic one too with ECC_GENERIC=1), four tests of
# ECC_TIMING_COUNT (default 2,000) measurements per class, the two
# classes interleaved at random, one kpp call per measurement
# (ns, from ktime_get_ns(): the guest runs in real time):
#   scalar  ECDH with low-weight scalars (1 to 8 bits set, anywhere below
#           the top bit) against random scalars, random points for both
#   point   ECDH with one fixed point against random points, random scalars
#   keygen  public key of low-weight against random scalars
#   keygen-fixed  public key of one fixed scalar against random scalars
#           (dudect's own fixed-vs-random)
# Welch's t is computed on all measurements and on those below the 50th to
# 99th percentiles; the largest |t| counts. A driver of ours
# (ecdh-nist-pNNN-owe, called with bottom halves disabled, as the AP calls
# it) FAILS when it exceeds ECC_TIMING_T (default 10, dudect's threshold
# for "definitely not constant time"); the generic driver (crypto/ecc.c,
# whose arithmetic branches on data; these classes do not show it, since
# its ladder randomizes Z) is only reported. When no driver of ours is
# registered, the figures are reported and the test is skipped (exit 77).
#
# owe-test: radios=1 realtime
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/owe.sh"
. "$(dirname "$0")/lib/ecctest.sh"

COUNT=${ECC_TIMING_COUNT:-2000}
# the kernel's generic driver too (slower, only reported): ECC_GENERIC=1,
# e.g. scripts/vm/run.sh --realtime -- env ECC_GENERIC=1 THIS_TEST
impls=(owe)
[ "${ECC_GENERIC:-0}" = 1 ] && impls+=(generic)
LIMIT=${ECC_TIMING_T:-10}
ecctest_start

start=$(date +%s)
judged=0
bad=()
for curve in p256 p384 p521; do
	specs=()
	for impl in "${impls[@]}"; do
		d=ecdh-nist-$curve-$impl
		if ! registered "$d"; then
			log "$d is not registered: skipped"
			continue
		fi
		if [ "$impl" = owe ]; then
			specs+=("$d:judge:bh")
			judged=$((judged + 1))
		else
			specs+=("$d")
		fi
	done
	[ ${#specs[@]} = 0 ] && continue
	step "$curve: ${specs[*]}, $COUNT measurements per class, |t| limit $LIMIT"
	python3 "$kpp" timing "$curve" "$COUNT" "$LIMIT" "${specs[@]}"
	case $? in
	0) ;;
	1) bad+=("$curve") ;;
	*) fail "$curve: the test bed failed" ;;
	esac
done
log "done in $(( $(date +%s) - start ))s"

step "unload the test-bed module"
run rmmod owe_ecctest || fail "cannot unload owe_ecctest"
[ ${#bad[@]} = 0 ] || fail "timing depends on the input (|t| > $LIMIT): ${bad[*]}"
[ "$judged" -gt 0 ] || skip_test "no ecdh-nist-*-owe driver registered: nothing judged"
pass
