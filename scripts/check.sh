#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check` after the build: static checks, KUnit in a guest, every
# scripts/tests/*.sh, each in its own guest boot (or on the host when its
# header says "owe-test: host"), then KUnit and the robustness tests again
# on the --debug kernel (lockdep, KASAN, kmemleak, UBSAN), whose modules
# are built in a tree of their own, and, beside that debug pass, some tests
# on the stock variant: the normal kernel with a mac80211.ko that carries
# none of patches/mac80211/ (scripts/vm/build-stock.sh), where owe.ko has
# no hook and uses its nl80211 backend. Every KUnit case counts as one
# test. Ends with the line "N passed, N failed" (", N skipped" when any
# were).
#
#   scripts/check.sh [--debug|--stock] [--no-debug] [--no-stock] [TEST...]
#
# TEST names a scripts/tests/ file (with or without .sh), or "kunit", to
# run only those; --debug runs them (or, without names, everything) on the
# debug kernel only; --stock runs them (or, without names, stock_tests
# below) on the stock variant only; --no-debug (or OWE_CHECK_DEBUG=0) and
# --no-stock (or OWE_CHECK_STOCK=0) leave out the debug or the stock pass
# of a full run. Results are labelled debug:NAME and stock:NAME.
#
# A test learns in the guest which kernel it runs on from
# OWE_KERNEL_VARIANT: "normal", "debug" (OWE_DEBUG=1 as well) or "stock"
# (no ieee80211_ap_auth_* hook in mac80211).
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
build=${OWE_BUILD_DIR:-$top/.build}
# the tests the debug pass runs: KUnit and those that stress teardown,
# bad input and concurrency (the floods, PMF's SA Query and comeback, the
# transition pair), and bridge (the EAPOL hook and the tap with its DHCP
# parser run in softirq). mgmt-dup, assoc-repeat and owe-pmf, whose
# paths these cover, stay in the normal pass, for CI's time budget.
debug_tests=(kunit iface-churn radio-churn owe-bad-input spoofed-source auth-flood assoc-flood pmf-comeback transition bridge fuzz backend)
debug_pass=${OWE_CHECK_DEBUG:-1}
# the tests the stock pass runs: the OWE and transition set, whose frames,
# keys, stations and beacons go through the backend (nl80211 there), on
# both clients, bridged, with interfaces and radios coming and going; the
# floods and the tools' own tests (owectl, packaging, ECC) stay on the
# normal kernel, where the backend is not what they test
stock_tests=(backend uapi transition transition-iwd transition-two-radios
	transition-cross-band owe-groups owe-group-reject owe-pmksa owe-pmf
	owe-bad-input owe-many gtk-rekey gtk-rekey-join open-bss station-del
	pmf-comeback pmf-default ptk-workaround bridge bridge-vlan beacon-change
	mgmt-dup assoc-repeat iface-churn radio-churn)
stock_pass=${OWE_CHECK_STOCK:-1}
# the one kernel of --debug or --stock
only_variant=normal
only=()
for a in "$@"; do
	case "$a" in
	--debug|--stock)
		[ "$only_variant" = normal ] || [ "$only_variant" = "${a#--}" ] || {
			echo "check: --debug or --stock, not both" >&2
			exit 2
		}
		only_variant=${a#--}
		;;
	--no-debug) debug_pass=0 ;;
	--no-stock) stock_pass=0 ;;
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
		[ $# = 0 ] || { echo "check: $name runs on the host: not for the ${label%%:*} pass" >&2; return; }
		"$t" > "$logdir/$label.log" 2>&1
	else
		scripts/vm/run.sh "$@" "${rt[@]}" -r "${radios:-2}" -- "$t" \
			> "$logdir/$label.log" 2>&1
	fi
	rc=$?
	[ "$rc" = 0 ] || tail -n 25 "$logdir/$label.log" | sed 's/^/    /'
	result "$label" "$rc"
}

# run_set VARIANT NAME...: KUnit and tests, on the normal or the debug
# kernel or the stock variant
run_set() {
	local variant=$1 name label args=()

	shift
	[ "$variant" = normal ] || args=(--"$variant")
	for name; do
		label=$name
		[ "$variant" = normal ] || label=$variant:$name
		if [ "$name" = kunit ]; then
			run_kunit "$label" "${args[@]}"
		else
			run_test "$name" "$label" "${args[@]}"
		fi
	done
}

# the stock variant's mac80211.ko (about half a minute the first time,
# nothing the next)
build_stock() {
	scripts/vm/build-stock.sh > "$logdir/stock-build.log" 2>&1
}

stock_build_failed() {
	tail -n 20 "$logdir/stock-build.log"
	result stock-build 1
}

# the stock pass in the background: its lines go to stock-pass.out, its
# counts to files the parent adds up after it (stock_merge); it stops when
# check.sh is gone
stock_background() {
	local name

	passed=0 failed=0 skipped=0 failures=() durations=()
	t_test=$SECONDS
	for name in "${stock_tests[@]}"; do
		kill -0 "$$" 2>/dev/null || exit 1
		run_set stock "$name"
	done > "$logdir/stock-pass.out" 2>&1
	printf '%s\n' ${failures[@]+"${failures[@]}"} > "$logdir/stock-pass.failures"
	printf '%s\n' ${durations[@]+"${durations[@]}"} > "$logdir/stock-pass.durations"
	echo "$passed $failed $skipped" > "$logdir/stock-pass.counts"
}

stock_merge() { # PID
	local p f s line

	wait "$1"
	cat "$logdir/stock-pass.out"
	if ! read -r p f s < "$logdir/stock-pass.counts"; then
		result stock-pass 1
		return
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	skipped=$((skipped + s))
	while IFS= read -r line; do
		[ -z "$line" ] || failures+=("$line")
	done < "$logdir/stock-pass.failures"
	while IFS= read -r line; do
		[ -z "$line" ] || durations+=("$line")
	done < "$logdir/stock-pass.durations"
}

all_tests() {
	local t

	echo kunit
	for t in scripts/tests/*.sh; do
		basename "$t" .sh
	done
}

if [ "$only_variant" = stock ]; then
	[ ${#only[@]} != 0 ] || only=("${stock_tests[@]}")
	if build_stock; then
		run_set stock "${only[@]}"
	else
		stock_build_failed
	fi
elif [ ${#only[@]} != 0 ]; then
	[ "$only_variant" = debug ] && { make -s DEBUG=1 modules > "$logdir/debug-build.log" 2>&1 ||
		{ tail -n 20 "$logdir/debug-build.log"; result debug-build 1; }; }
	run_set "$only_variant" "${only[@]}"
elif [ "$only_variant" = debug ]; then
	static_checks 1
	mapfile -t names < <(all_tests)
	run_set debug "${names[@]}"
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
	stock_build=
	if [ "$stock_pass" = 1 ]; then
		echo "check: building the stock variant's mac80211 in the background ($logdir/stock-build.log)"
		nice -n 15 scripts/vm/build-stock.sh > "$logdir/stock-build.log" 2>&1 &
		stock_build=$!
	fi
	timed=()
	for name in "${names[@]}"; do
		if [ "$name" != kunit ] &&
			grep -q '^# owe-test:.* realtime' "scripts/tests/$name.sh"; then
			timed+=("$name")
		else
			run_set normal "$name"
		fi
	done
	debug_rc=0
	if [ -n "$debug_build" ]; then
		echo "check: waiting for the debug kernel's build"
		wait "$debug_build" || debug_rc=$?
		grep '^build-kernel: done' "$logdir/debug-build.log"
		t_test=$SECONDS
	fi
	stock_rc=0
	if [ -n "$stock_build" ]; then
		wait "$stock_build" || stock_rc=$?
		t_test=$SECONDS
	fi
	run_set normal ${timed[@]+"${timed[@]}"}
	# the stock pass runs beside the debug pass: a guest runs on one CPU
	# and the debug pass leaves the second idle; its lines come after
	# the debug pass's
	stock_job=
	if [ "$stock_pass" = 1 ]; then
		where=
		[ "$debug_pass" = 1 ] && where=", beside the debug pass"
		echo "check: the stock variant (mac80211 without patches/mac80211/)$where: ${stock_tests[*]}"
		if [ "$stock_rc" != 0 ]; then
			stock_build_failed
		elif [ "$debug_pass" = 1 ]; then
			stock_background &
			stock_job=$!
		else
			run_set stock "${stock_tests[@]}"
		fi
	fi
	if [ "$debug_pass" = 1 ]; then
		echo "check: the debug kernel (lockdep, KASAN, kmemleak, UBSAN): ${debug_tests[*]}"
		if [ "$debug_rc" = 0 ]; then
			# W=1 for the debug kernel too (KASAN grows frames)
			if grep -E 'warning:|error:' "$logdir/debug-build.log" | head -n 20; then
				result debug:w1-build 1
			else
				result debug:w1-build 0
			fi
			run_set debug "${debug_tests[@]}"
		else
			tail -n 20 "$logdir/debug-build.log"
			result debug-build 1
		fi
	fi
	if [ -n "$stock_job" ]; then
		echo "check: the stock variant's results"
		stock_merge "$stock_job"
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
