#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# 802.11w for a station associated with PMF (IEEE 802.11 11.13):
# 1. forged unprotected Authentication and Association Request frames
#    with the client's address (injected from a third radio) leave the
#    client connected: the association request gets status 30 with an
#    association comeback time (Timeout Interval element, type 3), the AP
#    asks the client with a protected SA Query Request, the client
#    answers, and nothing changes;
# 2. a client that lost its association state (its Deauthentication
#    never reached the AP: the AP's radio is deaf for a moment) comes back
#    within seconds: status 30, an SA Query it cannot answer, its timeout,
#    and the retried association is served.
#
#   wlan0 (AP under test, pmf required)  ~~ hwsim ~~  wlan1 (STA, netns "sta")
#                                                     mon2 (injector, radio 2)
#
# OWE_TEST_AP=hostapd runs it against hostapd (lib/owe.sh).
#
# owe-test: radios=3
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/capture.sh"
. "$(dirname "$0")/lib/owe.sh"

need_tools tshark wpa_supplicant wpa_cli iw python3
python3 -c 'import cryptography' 2>/dev/null ||
	skip_test "python3-cryptography is not installed"

inject=$(dirname "$0")/inject/owe-inject.py
sta=$(cat /sys/class/net/wlan1/address)
ap=$(cat /sys/class/net/wlan0/address)
ap_ps=/sys/kernel/debug/ieee80211/$(phy_of wlan0)/hwsim/ps
[ -w "$ap_ps" ] || fail "no hwsim power save switch at $ap_ps"

# statuses N: association responses from the AP to the client, in order
statuses() {
	cap_fields "$1" "wlan.fc.type_subtype in {1,3} && wlan.sa == $ap && wlan.da == $sta" \
		wlan.fixed.status_code | while read -r s; do cap_num "$s"; done |
		tr '\n' ' '
}

trace_has() {
	ap_is_owectl || return 0
	owectl dev wlan0 station get "$sta" | grep -q "$1"
}

step "the OWE BSS (pmf required), the injector's monitor, a capture"
inject_mon mon2 wlan2
start_ap_owe pmf required
cap_start forged

step "the client (ieee80211w=2) connects with PMF"
sta_up sta wlan1 192.0.2.2 ieee80211w=2
wait_for 30 "the station to reach COMPLETED" wpas_completed sta wlan1
ping_both sta 192.0.2.2

step "forged unprotected authentication and association with its address"
for k in auth assoc; do
	python3 "$inject" mon2 spoof "$ap" "$sta" "$k" "$OWE_SSID" \
		> "$T_DIR/inj" 2>&1 || { cat "$T_DIR/inj"; fail "injection of $k failed"; }
	sleep 0.3
done
sleep 2
wpas_completed sta wlan1 || fail "the client lost its connection"
wpas_log_has wlan1 'CTRL-EVENT-DISCONNECTED' && fail "the client was disconnected"
ping_both sta 192.0.2.2
if ap_is_owectl; then
	run owectl dev wlan0 station get "$sta" | tail -n 6
	trace_has 'SA Query answered' ||
		fail "the station's trace shows no answered SA Query"
fi
cap_stop forged
s=$(statuses forged)
log "association responses to the client's address: $s"
[[ " $s " == *" 30 "* ]] || fail "the forged association did not get status 30"
tie=$(cap_fields forged "wlan.fc.type_subtype == 1 && wlan.da == $sta && wlan.fixed.status_code == 30" \
	wlan.timeout_int.type wlan.timeout_int.value | head -n 1)
log "Timeout Interval element: type and value: $tie"
[ "${tie%% *}" = 3 ] || fail "status 30 without an association comeback time"
q=$(cap_count forged "wlan.fc.type_subtype == 13 && wlan.fc.protected == 1 && wlan.sa == $ap && wlan.da == $sta")
r=$(cap_count forged "wlan.fc.type_subtype == 13 && wlan.fc.protected == 1 && wlan.sa == $sta && wlan.da == $ap")
log "protected action frames: $q from the AP, $r from the client"
[ "$q" -ge 1 ] && [ "$r" -ge 1 ] || fail "no protected SA Query exchange on the air"

step "the client loses its association silently and comes back"
cap_start lost
echo 1 > "$ap_ps"	# the AP's radio hears nothing for a moment
wpas_cli sta wlan1 disconnect > /dev/null
wait_for 5 "the client to disconnect" sh -c "! ip netns exec sta wpa_cli -p '$T_DIR/wpas-wlan1' -i wlan1 status | grep -qx wpa_state=COMPLETED"
echo 0 > "$ap_ps"
ap_sta_authorized "$sta" || fail "the AP dropped the station although it heard nothing"
t0=$(date +%s)
wpas_cli sta wlan1 reconnect > /dev/null
wait_for 15 "the client to come back" wpas_completed sta wlan1
log "back after $(( $(date +%s) - t0 )) s"
ping_both sta 192.0.2.2
cap_stop lost
s=$(statuses lost)
log "association responses to the client: $s"
[[ " $s " == *" 30 "* ]] || fail "no association comeback before the client was served"
[[ "$s" == *" 0 " ]] || fail "the last association response is not a success"
if ap_is_owectl; then
	trace_has 'SA Query unanswered' ||
		fail "the station's trace shows no SA Query timeout"
fi
pass
