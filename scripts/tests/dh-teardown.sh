#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The BSS goes while Diffie-Hellman steps of owe.ko's worker are queued or
# running: a fast flood of association requests with valid group 21 DH
# elements (the slowest group) from random addresses, and meanwhile
# - `owectl ap stop`,
# - the AP interface deleted,
# - `rmmod owe`.
# Every command returns within seconds, RTNL stays usable, and the kernel
# log stays clean (run.sh fails the run on an oops, a WARNING, a lockdep
# splat or, on the debug kernel, a KASAN or kmemleak report).
#
#   wlan0 (AP under test)  ~~ hwsim ~~  mon1 (injector on radio 1)
#
# owe-test: radios=2
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/owe.sh"

ap_is_owectl || skip_test "owe.ko only"
need_tools iw python3
python3 -c 'import cryptography' 2>/dev/null ||
	skip_test "python3-cryptography is not installed"

inject=$(dirname "$0")/inject/owe-inject.py
phy=$(phy_of wlan0)

# flood: association requests of group 21 from random addresses, at once
flood() {
	python3 "$inject" mon1 assoc-flood "$(cat /sys/class/net/wlan0/address)" \
		"$OWE_SSID" 150 3000 21 pmf > "$T_DIR/inj" 2>&1 &
	track $!
	FLOOD=$!
	# until the worker has work
	sleep 0.3
	owectl dev wlan0 ap show | grep -E 'DH|rx \(re\)associations' |
		sed 's/^/    /'
}

step "the injector's monitor"
inject_mon mon1 wlan1

step "ap stop while DH steps are queued"
start_ap_owe groups 19,20,21 quiet
flood
quick 10 owectl dev wlan0 ap stop || fail "ap stop failed"
rtnl_alive
wait "$FLOOD"

step "the AP interface deleted while DH steps are queued"
start_ap_owe groups 19,20,21 quiet
flood
quick 10 iw dev wlan0 del || fail "cannot delete wlan0"
rtnl_alive
wait "$FLOOD"
quick 10 iw phy "$phy" interface add wlan0 type __ap || fail "cannot add wlan0"

step "rmmod owe while DH steps are queued"
start_ap_owe groups 19,20,21 quiet
flood
quick 20 rmmod owe || fail "rmmod owe failed"
rtnl_alive
wait "$FLOOD"
pass
