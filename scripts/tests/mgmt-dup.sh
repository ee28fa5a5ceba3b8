#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# A retransmitted management frame (Retry bit, the Sequence Control of the
# frame before) is handled once: an Authentication and an OWE Association
# Request, each sent twice from an active monitor, get one answer each.
# With owe.ko the counter "rx duplicates" counts both drops.
#
#   wlan0 (AP under test)  ~~ hwsim ~~  mon1 (injector on radio 1)
#
# OWE_TEST_AP=hostapd runs it against hostapd (lib/owe.sh), which drops
# repeated frames the same way.
#
# owe-test: radios=2
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/owe.sh"

need_tools iw python3
python3 -c 'import cryptography' 2>/dev/null ||
	skip_test "python3-cryptography is not installed"

inject=$(dirname "$0")/inject/owe-inject.py
ap=$(cat /sys/class/net/wlan0/address)

count() { if ap_is_owectl; then ap_counter "$1"; else echo 0; fi; }
inj_val() { sed -n "s/^$1 //p" "$T_DIR/inj" | tail -n 1; }

step "the OWE BSS and the injector's monitor"
inject_mon mon1 wlan1
# pmf optional: the injector's station has no PMF and must be accepted
start_ap_owe pmf optional
dup0=$(count 'rx duplicates')
auth0=$(count 'rx authentications')

step "authentication and association, each followed by its retransmission"
run python3 "$inject" mon1 dup "$ap" "$OWE_SSID" > "$T_DIR/inj" 2>&1 ||
	{ cat "$T_DIR/inj"; fail "the injector failed"; }
sed 's/^/    /' "$T_DIR/inj"
[ "$(inj_val auth_answers)" = 1 ] ||
	fail "two copies of one authentication got $(inj_val auth_answers) answers, not 1"
[ "$(inj_val assoc_answers)" = 1 ] ||
	fail "two copies of one association request got $(inj_val assoc_answers) answers, not 1"

if ap_is_owectl; then
	step "owe.ko counted the two duplicates"
	run owectl dev wlan0 ap show
	[ "$(count 'rx duplicates')" = $((dup0 + 2)) ] ||
		fail "rx duplicates is $(count 'rx duplicates'), not $((dup0 + 2))"
	[ "$(count 'rx authentications')" -ge $((auth0 + 2)) ] ||
		fail "the authentications were not both received"
fi
pass
