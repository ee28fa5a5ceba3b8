#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# A client whose association response got lost sends its request again,
# as a new frame: the repeated OWE association request of a station that
# is in the driver, its 4-way handshake running, gets the same answer
# (the same AP public key, as in hostapd >= 2.11), and the station is not
# deleted from the driver and added again. owe.ko counts it in
# "association requests repeated".
#
#   wlan0 (AP under test)  ~~ hwsim ~~  mon1 (injector on radio 1)
#
# OWE_TEST_AP=hostapd runs it against hostapd (lib/owe.sh).
#
# owe-test: radios=2
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/owe.sh"

need_tools iw python3
python3 -c 'import cryptography' 2>/dev/null ||
	skip_test "python3-cryptography is not installed"

inject=$(dirname "$0")/inject/owe-inject.py
ap=$(cat /sys/class/net/wlan0/address)
inj_val() { sed -n "s/^$1 //p" "$T_DIR/inj"; }

step "the OWE BSS and the injector's monitor"
inject_mon mon1 wlan1
start_ap_owe
sta=$(cat /sys/class/net/mon1/address)

step "an association request, then the same request again"
# the station's add and delete in the driver, as nl80211 reports them
iw event -t > "$T_DIR/events" 2>&1 &
track $!
sleep 0.5
run python3 "$inject" mon1 repeat "$ap" "$OWE_SSID" pmf > "$T_DIR/inj" 2>&1 ||
	{ cat "$T_DIR/inj"; fail "the injector failed"; }
sed 's/^/    /' "$T_DIR/inj"
[ "$(inj_val status | tr '\n' ' ')" = "0 0 " ] ||
	fail "the two requests were answered with status $(inj_val status | tr '\n' ' ')"
[ "$(inj_val same_key)" = yes ] ||
	fail "the repeated request got another AP public key"
sleep 0.5
sed 's/^/    /' "$T_DIR/events"
n=$(grep -c "new station $sta" "$T_DIR/events")
[ "$n" = 1 ] || fail "the station was added to the driver $n times, not once"
d=$(grep -c "del station $sta" "$T_DIR/events")
# at most once: when the injector deauthenticates at the end
[ "$d" -le 1 ] || fail "the station was deleted from the driver $d times"

if ap_is_owectl; then
	step "owe.ko counted the repeat"
	[ "$(ap_counter 'association requests repeated')" = 1 ] ||
		fail "association requests repeated is $(ap_counter 'association requests repeated'), not 1"
fi
pass
