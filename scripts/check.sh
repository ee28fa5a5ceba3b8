#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check` after the build: static checks, KUnit in a guest, then every
# scripts/tests/*.sh, each in its own guest boot (or on the host when its
# header says "owe-test: host"). Every KUnit case counts as one test.
# Ends with the line "N passed, N failed" (", N skipped" when any were).
#
#   scripts/check.sh [--debug] [TEST...]
#
# TEST names a scripts/tests/ file (with or without .sh) to run only those;
# --debug runs the guests on the debug kernel (lockdep, KASAN, kmemleak).
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
build=${OWE_BUILD_DIR:-$top/.build}
runargs=()
only=()
for a in "$@"; do
	case "$a" in
	--debug) runargs+=(--debug) ;;
	-*) echo "check: unknown option '$a'" >&2; exit 2 ;;
	*) only+=("scripts/tests/${a%.sh}.sh") ;;
	esac
done

passed=0
failed=0
skipped=0
failures=()
logdir=$build/check
rm -rf "$logdir"
mkdir -p "$logdir"

result() { # NAME RC
	case "$2" in
	0) passed=$((passed + 1)); echo "check: PASS $1" ;;
	77) skipped=$((skipped + 1)); echo "check: SKIP $1" ;;
	*) failed=$((failed + 1)); failures+=("$1"); echo "check: FAIL $1 (exit $2, log $logdir/$1.log)" ;;
	esac
}

if [ ${#only[@]} = 0 ]; then
	# static: checkpatch --strict and a W=1 rebuild of the modules
	echo "check: style (checkpatch --strict) and W=1 warnings"
	make -s style > "$logdir/style.log" 2>&1
	if grep -qE '(ERROR|WARNING|CHECK):' "$logdir/style.log"; then
		cat "$logdir/style.log"
		result style 1
	else
		result style 0
	fi
	# rebuild the module objects (not via kbuild's clean: with M= the
	# repository it would also sweep the kernel trees under .build/)
	find owe kunit -name '*.o' -delete
	make -C "$build/um" M="$top" ARCH=um W=1 modules > "$logdir/w1.log" 2>&1
	rc=$?
	if [ "$rc" != 0 ] || grep -q 'warning:' "$logdir/w1.log"; then
		grep -E 'warning:|error:' "$logdir/w1.log" | head -n 20
		result w1-build 1
	else
		result w1-build 0
	fi

	echo "check: generated netlink code is current"
	if scripts/regen-netlink.sh --check "$build/linux" > "$logdir/regen.log" 2>&1; then
		result regen 0
	else
		cat "$logdir/regen.log"
		result regen 1
	fi

	echo "check: KUnit (one guest boot)"
	scripts/vm/kunit.sh "${runargs[@]}" 2>&1 | tee "$logdir/kunit.log"
	rc=${PIPESTATUS[0]}
	summary=$(grep -o 'Ran [0-9]* tests:.*' "$logdir/kunit.log" | tail -n 1)
	if [ -z "$summary" ]; then
		result kunit 1
	else
		n() { printf '%s\n' "$summary" | grep -o "$1: [0-9]*" | grep -o '[0-9]*$' || echo 0; }
		k_pass=$(n passed)
		k_fail=$(( $(n failed) + $(n crashed) + $(n errors) ))
		k_skip=$(n skipped)
		passed=$((passed + k_pass))
		failed=$((failed + k_fail))
		skipped=$((skipped + k_skip))
		echo "check: KUnit: $k_pass passed, $k_fail failed, $k_skip skipped"
		if [ "$k_fail" != 0 ] || [ "$rc" != 0 ]; then
			failures+=(kunit)
			[ "$k_fail" = 0 ] && { failed=$((failed + 1)); echo "check: FAIL kunit (exit $rc)"; }
		fi
	fi
	tests=(scripts/tests/*.sh)
else
	tests=("${only[@]}")
fi

for t in "${tests[@]}"; do
	name=$(basename "$t" .sh)
	if [ ! -f "$t" ]; then
		echo "check: no test $t" >&2
		result "$name" 2
		continue
	fi
	radios=$(sed -n 's/^# owe-test:.*radios=\([0-9]*\).*/\1/p' "$t" | head -n 1)
	echo "check: $name"
	if grep -q '^# owe-test: host' "$t"; then
		"$t" > "$logdir/$name.log" 2>&1
	else
		scripts/vm/run.sh "${runargs[@]}" -r "${radios:-2}" -- "$t" \
			> "$logdir/$name.log" 2>&1
	fi
	rc=$?
	[ "$rc" = 0 ] || tail -n 25 "$logdir/$name.log" | sed 's/^/    /'
	result "$name" "$rc"
done

[ ${#failures[@]} = 0 ] || echo "check: failed: ${failures[*]}"
line="$passed passed, $failed failed"
[ "$skipped" = 0 ] || line+=", $skipped skipped"
echo "$line"
[ "$failed" = 0 ]
