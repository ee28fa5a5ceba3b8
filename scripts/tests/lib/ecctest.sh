# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# The start of the kpp tests (ecc-differential.sh, ecc-timing.sh), sourced
# after lib/common.sh inside the guest: python3 with cryptography, the
# test-bed module owe-ecctest.ko loaded, the ECDH drivers listed.

# ecctest_start: load the module (OWE_ECCTEST_KO: one built elsewhere, for
# another kernel) and log which driver each kpp name finds; sets kpp (the
# client, ecc-kpp.py) and $T_DIR/algs, read by registered()
ecctest_start() {
	local curve name driver rest names=()

	need_tools python3
	python3 -c 'import cryptography' 2>/dev/null ||
		skip_test "python3-cryptography is not installed"
	kpp=$(dirname "$0")/ecc-kpp.py
	ko=${OWE_ECCTEST_KO:-scripts/vm/selftest/owe-ecctest.ko}
	export T_NAME

	step "load the test-bed module"
	[ -f "$ko" ] || fail "$ko is not built (make selftest-modules)"
	run insmod "$ko" || fail "cannot load $ko"
	[ -w /sys/kernel/debug/owe-ecctest/run ] || fail "no debugfs file"

	step "the registered drivers"
	for curve in p256 p384 p521; do
		names+=("ecdh-nist-$curve" "ecdh-nist-$curve-owe" "ecdh-nist-$curve-generic")
	done
	python3 "$kpp" alg "${names[@]}" > "$T_DIR/algs" || fail "the test bed failed"
	while read -r name driver rest; do
		if [ "$driver" = - ]; then
			log "$name: not registered ($rest)"
		else
			log "$name: $driver, priority $rest"
		fi
	done < "$T_DIR/algs"
}

# registered NAME: crypto_alloc_kpp() finds exactly that driver
registered() { grep -q "^$1 $1 " "$T_DIR/algs"; }
