#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# owe_ecc's curves timed on the host: ecc/p256.c, p384.c and p521.c built
# as host programs (as scripts/tests/ecc-diff.sh builds them, with
# scripts/tests/ecc-diff/bench.c instead of the harness), microseconds
# per operation, the best of 30 batches. Prints figures, asserts nothing.
#
#   scripts/bench/ecc-host.sh [TREE]
#
# TREE (default: this checkout) is any tree with ecc/ and include/, such
# as a "git archive" of another commit, to compare two versions on one
# host; the bench program is always this checkout's. ECC_BENCH_BUILDS
# (default "int128") may add "noint128", the fallback of 32-bit kernels.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tree=${1:-$top}
src=$top/scripts/tests/ecc-diff
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for c in p256 p384 p521; do
	for b in ${ECC_BENCH_BUILDS:-int128}; do
		def=
		[ "$b" = int128 ] && def=-DCONFIG_CC_HAS_INT128
		gcc -O2 -Wall -Wno-unused-function $def -I"$src/include" \
			-I"$tree/include" -include "$src/shim.h" \
			-DCURVE_FILE="\"$tree/ecc/$c.c\"" \
			-DCURVE_NAME="\"$c\"" \
			-o "$tmp/$c-$b" "$src/bench.c" "$tree/ecc/jacobi.c" ||
			exit 1
		echo "[ecc-host] $c ($b)"
		"$tmp/$c-$b" || exit 1
	done
done
