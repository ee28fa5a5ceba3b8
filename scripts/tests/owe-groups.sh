#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Issue 5, item 1: an unmodified wpa_supplicant (key_mgmt=OWE) connects to
# the OWE BSS with each of owe_group=19, 20 and 21 in turn. For each group:
# wpa_cli shows key_mgmt=OWE and COMPLETED, `iw link` shows the link, the AP
# lists the station authorized (and owectl shows AKM 18 and the group),
# pings go both ways, and a capture on hwsim0 shows the association request
# and response each with a DH Parameter element of that group and a key of
# the curve's length, then EAPOL-Key messages 1 to 4.
#
#   wlan0 (AP under test)  ~~ hwsim ~~  wlan1 (STA, netns "sta")
#   192.0.2.1/24                        192.0.2.2/24
#
# OWE_TEST_AP=hostapd runs it against hostapd (lib/owe.sh).
#
# owe-test: radios=2
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/capture.sh"
. "$(dirname "$0")/lib/owe.sh"

need_tools tshark wpa_supplicant wpa_cli iw

sta=$(cat /sys/class/net/wlan1/address)

step "start the OWE BSS (all groups)"
start_ap_owe
netns_sta sta wlan1
ip -n sta addr add 192.0.2.2/24 dev wlan1

for group in 19 20 21; do
	step "owe_group=$group: connect"
	cap_start "g$group"
	wpas_conf_owe "$T_DIR/wpas-$group.conf" wlan1 "owe_group=$group"
	wpas_start sta wlan1 "$T_DIR/wpas-$group.conf"
	wait_for 30 "the station to reach COMPLETED with group $group" \
		wpas_completed sta wlan1
	check_sta_link sta wlan1 OWE

	step "owe_group=$group: ping both ways, the AP lists the station"
	ping_both sta 192.0.2.2
	ap_sta_authorized "$sta" || fail "the AP has not authorized $sta"
	if ap_is_owectl; then
		run owectl dev wlan0 station get "$sta" | tee "$T_DIR/get-$group"
		grep -qP '^\tAKM:\t.*00-0f-ac:18' "$T_DIR/get-$group" ||
			fail "owectl does not show AKM 00-0f-ac:18"
		grep -qP "^\tDH group:\t$group\$" "$T_DIR/get-$group" ||
			fail "owectl does not show DH group $group"
	fi

	step "owe_group=$group: leave; the capture shows DH elements and 4-way"
	wpas_cli sta wlan1 terminate >/dev/null
	wait_for 10 "the AP to drop $sta" \
		sh -c "! iw dev wlan0 station dump | grep -q '$sta'"
	cap_stop "g$group"
	check_dh_assoc "g$group" "$sta" "$group"
	check_4way "g$group" "$sta"
done
pass
