#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check` after the build: static checks, KUnit in a guest, every
# scripts/tests/*.sh, each in its own guest boot (or on the host when its
# header says "owe-test: host"), then KUnit and the robustness tests again
# on the --debug kernel (lockdep, KASAN, kmemleak, UBSAN), whose modules
# are built in a tree of their own. Every KUnit case counts as one test.
# Ends with the line "N passed, N failed" (", N skipped" when any were).
#
#   scripts/check.sh [--debug] [--no-debug] [TEST...]
#
# TEST names a scripts/tests/ file (with or without .sh), or "kunit", to
# run only those; --debug runs them (or, without names, everything) on the
# debug kernel only; --no-debug (or OWE_CHECK_DEBUG=0) leaves out the
# debug pass of a full run.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
build=${OWE_BUILD_DIR:-$top/.build}
# the tests the debug pass runs: KUnit and those that stress teardown,
# bad input and concurrency (the floods, PMF's SA Query and comeback, the
# transition pair), and bridge (the EAPOL hook and the tap with its DHCP
# parser run in softirq). mgmt-dup, assoc-repeat and owe-pmf, whose
# paths these cover, stay in the normal pass, for CI's time budget.
debug_tests=(kunit iface-churn radio-churn owe-bad-input spoofed-source auth-flood assoc-flood pmf-comeback transition bridge fuzz)
debug_pass=${OWE_CHECK_DEBUG:-1}
only_debug=0
only=()
for a in "$@"; do
	case "$a" in
	--debug) only_debug=1 ;;
	--no-debug) debug_pass=0 ;;
	-*) echo "check: unknown option '$a'" >&2; exit 2 ;;
	*) only+=("${a%.sh}") ;;
	esac
done

passed=0
failed=0
skipped=0
failures=()
# "SECONDS LABEL" of each test, for the slowest-first list at the end
durations=()
t_test=$SECONDS
logdir=$build/check
rm -rf "$logdir"
mkdir -p "$logdir"
start=$(date +%s)

# the time since the last result: what the test just reported took
result() { # NAME RC
	local dt=$((SECONDS - t_test))

	t_test=$SECONDS
	durations+=("$dt $1")
	case "$2" in
	0) passed=$((passed + 1)); echo "check: PASS $1 (${dt}s)" ;;
	77) skipped=$((skipped + 1)); echo "check: SKIP $1 (${dt}s)" ;;
	*) failed=$((failed + 1)); failures+=("$1"); echo "check: FAIL $1 (exit $2, ${dt}s, log $logdir/$1.log)" ;;
	esac
}

# static: checkpatch --strict, a W=1 rebuild of the modules of the kernel
# the tests run on, the generated netlink code
static_checks() { # DEBUG(0|1)
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
	if [ "$1" = 1 ]; then
		find "$build/mod-debug" -name '*.o' -delete 2>/dev/null
		make -s DEBUG=1 modules > "$logdir/w1.log" 2>&1
	else
		find ecc owe kunit scripts/bench/kmod scripts/vm/selftest -name '*.o' -delete
		make -j"$(nproc)" -C "$build/um" M="$top" ARCH=um W=1 modules > "$logdir/w1.log" 2>&1 &&
			# the benchmark's module builds on the module's headers
			make -C "$build/um" M="$top/scripts/bench/kmod" ARCH=um W=1 \
				KBUILD_EXTRA_SYMBOLS="$top/Module.symvers" modules \
				>> "$logdir/w1.log" 2>&1 &&
			make -C "$build/um" M="$top/scripts/vm/selftest" ARCH=um W=1 \
				modules >> "$logdir/w1.log" 2>&1
	fi
	local rc=$?
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
}

run_kunit() { # LABEL [--debug]
	local label=$1 rc summary k_pass k_fail k_skip

	shift
	t_test=$SECONDS
	echo "check: KUnit${1:+ ($1)} (one guest boot)"
	scripts/vm/kunit.sh "$@" 2>&1 | tee "$logdir/$label.log"
	rc=${PIPESTATUS[0]}
	summary=$(grep -o 'Ran [0-9]* tests:.*' "$logdir/$label.log" | tail -n 1)
	if [ -z "$summary" ]; then
		result "$label" 1
		return
	fi
	n() { printf '%s\n' "$summary" | grep -o "$1: [0-9]*" | grep -o '[0-9]*$' || echo 0; }
	k_pass=$(n passed)
	k_fail=$(( $(n failed) + $(n crashed) + $(n errors) ))
	k_skip=$(n skipped)
	passed=$((passed + k_pass))
	failed=$((failed + k_fail))
	skipped=$((skipped + k_skip))
	durations+=("$((SECONDS - t_test)) $label")
	echo "check: $label: $k_pass passed, $k_fail failed, $k_skip skipped ($((SECONDS - t_test))s)"
	t_test=$SECONDS
	if [ "$k_fail" != 0 ] || [ "$rc" != 0 ]; then
		failures+=("$label")
		[ "$k_fail" = 0 ] && { failed=$((failed + 1)); echo "check: FAIL $label (exit $rc)"; }
	fi
}

run_test() { # NAME LABEL [--debug]
	local name=$1 label=$2 t=scripts/tests/$1.sh radios rt rc

	shift 2
	if [ ! -f "$t" ]; then
		echo "check: no test $t" >&2
		result "$label" 2
		return
	fi
	t_test=$SECONDS
	radios=$(sed -n 's/^# owe-test:.*radios=\([0-9]*\).*/\1/p' "$t" | head -n 1)
	# "realtime": the guest's clock runs with the host's (timing tests)
	rt=()
	grep -q '^# owe-test:.* realtime' "$t" && rt=(--realtime)
	echo "check: $label"
	if grep -q '^# owe-test: host' "$t"; then
		[ $# = 0 ] || { echo "check: $name runs on the host: not a debug test" >&2; return; }
		"$t" > "$logdir/$label.log" 2>&1
	else
		scripts/vm/run.sh "$@" "${rt[@]}" -r "${radios:-2}" -- "$t" \
			> "$logdir/$label.log" 2>&1
	fi
	rc=$?
	[ "$rc" = 0 ] || tail -n 25 "$logdir/$label.log" | sed 's/^/    /'
	result "$label" "$rc"
}

# run_set DEBUG NAME...: KUnit and tests, on the normal or the debug kernel
run_set() {
	local debug=$1 name label args=()

	shift
	[ "$debug" = 1 ] && args=(--debug)
	for name; do
		label=$name
		[ "$debug" = 1 ] && label=debug:$name
		if [ "$name" = kunit ]; then
			run_kunit "$label" "${args[@]}"
		else
			run_test "$name" "$label" "${args[@]}"
		fi
	done
}

all_tests() {
	local t

	echo kunit
	for t in scripts/tests/*.sh; do
		basename "$t" .sh
	done
}

if [ ${#only[@]} != 0 ]; then
	[ "$only_debug" = 1 ] && { make -s DEBUG=1 modules > "$logdir/debug-build.log" 2>&1 ||
		{ tail -n 20 "$logdir/debug-build.log"; result debug-build 1; }; }
	run_set "$only_debug" "${only[@]}"
elif [ "$only_debug" = 1 ]; then
	static_checks 1
	mapfile -t names < <(all_tests)
	run_set 1 "${names[@]}"
else
	static_checks 0
	mapfile -t names < <(all_tests)
	# a guest runs on one CPU: the debug kernel (minutes to build) builds
	# at a low priority on what the normal pass leaves idle; the tests
	# timed in real time wait until it is done
	debug_build=
	if [ "$debug_pass" = 1 ]; then
		echo "check: building the debug kernel in the background ($logdir/debug-build.log)"
		nice -n 15 make -s DEBUG=1 modules > "$logdir/debug-build.log" 2>&1 &
		debug_build=$!
	fi
	timed=()
	for name in "${names[@]}"; do
		if [ "$name" != kunit ] &&
			grep -q '^# owe-test:.* realtime' "scripts/tests/$name.sh"; then
			timed+=("$name")
		else
			run_set 0 "$name"
		fi
	done
	debug_rc=0
	if [ -n "$debug_build" ]; then
		echo "check: waiting for the debug kernel's build"
		wait "$debug_build" || debug_rc=$?
		grep '^build-kernel: done' "$logdir/debug-build.log"
		t_test=$SECONDS
	fi
	run_set 0 ${timed[@]+"${timed[@]}"}
	if [ "$debug_pass" = 1 ]; then
		echo "check: the debug kernel (lockdep, KASAN, kmemleak, UBSAN): ${debug_tests[*]}"
		if [ "$debug_rc" = 0 ]; then
			# W=1 for the debug kernel too (KASAN grows frames)
			if grep -E 'warning:|error:' "$logdir/debug-build.log" | head -n 20; then
				result debug:w1-build 1
			else
				result debug:w1-build 0
			fi
			run_set 1 "${debug_tests[@]}"
		else
			tail -n 20 "$logdir/debug-build.log"
			result debug-build 1
		fi
	fi
fi

[ ${#failures[@]} = 0 ] || echo "check: failed: ${failures[*]}"
echo "check: the slowest: $(printf '%s\n' "${durations[@]}" | sort -rn | head -n 8 |
	awk '{ printf "%s%s %ss", (NR > 1 ? ", " : ""), $2, $1 }')"
echo "check: $(( $(date +%s) - start ))s"
line="$passed passed, $failed failed"
[ "$skipped" = 0 ] || line+=", $skipped skipped"
echo "$line"
[ "$failed" = 0 ]
