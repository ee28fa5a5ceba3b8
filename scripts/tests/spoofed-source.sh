#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Frames whose source (transmitter) address no station can have: a group
# address (broadcast, IPv4 multicast), the zero address and the AP's own
# address. From an active monitor on a spare radio the injector sends, with
# each of those sources, an Authentication, an OWE Association Request with
# a valid DH element, a Deauthentication, a Disassociation, a to-DS data
# frame and a PS-Poll. None of them may make the AP send anything to a
# group, zero or its own address: a Deauthentication to ff:ff:ff:ff:ff:ff
# would be protected with BIP (the BSS has an IGTK) and disconnect every
# client, PMF clients included. The OWE client (PMF required) stays
# connected throughout and pings both ways; owe.ko counts each drop by
# reason and keeps no station entry for those addresses.
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
sources=(ff:ff:ff:ff:ff:ff 01:00:5e:00:00:01 00:00:00:00:00:00 "$ap")
kinds=(auth assoc deauth disassoc data pspoll)

count() { if ap_is_owectl; then ap_counter "$1"; else echo 0; fi; }

step "the OWE BSS (pmf required), the injector's monitor, a capture"
inject_mon mon2 wlan2
start_ap_owe pmf required
cap_start spoof

step "the client (ieee80211w=2) connects with PMF"
sta_up sta wlan1 192.0.2.2 ieee80211w=2
wait_for 30 "the station to reach COMPLETED" wpas_completed sta wlan1
check_sta_link sta wlan1 OWE
ping_both sta 192.0.2.2
group0=$(count 'rx dropped: group source')
zero0=$(count 'rx dropped: zero source')
own0=$(count 'rx dropped: own source')

step "frames from group, zero and own source addresses"
for sa in "${sources[@]}"; do
	for k in "${kinds[@]}"; do
		python3 "$inject" mon2 spoof "$ap" "$sa" "$k" "$OWE_SSID" \
			> "$T_DIR/inj" 2>&1 || {
			cat "$T_DIR/inj"
			fail "the injector could not send $k from $sa"
		}
		sleep 0.1
	done
	log "sent ${kinds[*]} from $sa"
done
# time for the AP to react, and for a deauthentication to reach the client
sleep 3

step "the client never lost its link and still pings both ways"
wpas_completed sta wlan1 || fail "the client is no longer connected"
wpas_log_has wlan1 'CTRL-EVENT-DISCONNECTED' &&
	fail "the client was disconnected: $(grep -m1 'CTRL-EVENT-DISCONNECTED' "$T_DIR/wpas-wlan1.log")"
ping_both sta 192.0.2.2
[ "$(ap_sta_macs)" = "$sta" ] ||
	fail "the AP lists stations other than the client: $(ap_sta_macs | tr '\n' ' ')"
cap_stop spoof

step "the AP sent nothing to a group, zero or its own address"
# the injector's own frames from the AP's address are management frames
# to the AP too: of those, only an association response is the AP's
filter="wlan.sa == $ap && wlan.fc.type == 0 && !(wlan.fc.type_subtype in {5,8})"
bad=$(cap_fields spoof "$filter && (wlan.da == ff:ff:ff:ff:ff:ff || wlan.da == 01:00:5e:00:00:01 || wlan.da == 00:00:00:00:00:00 || (wlan.da == $ap && wlan.fc.type_subtype in {1,3}))" \
	wlan.fc.type_subtype wlan.da)
if [ -n "$bad" ]; then
	log "management frames from the AP to impossible addresses:"
	printf '%s\n' "$bad" | sed 's/^/    /'
	fail "the AP answered a spoofed source"
fi
n=$(cap_count spoof "wlan.ta == ff:ff:ff:ff:ff:ff || wlan.sa == 00:00:00:00:00:00")
log "spoofed frames on the air: $n"
[ "$n" -ge 10 ] || fail "the capture lacks the injected frames (injector broken?)"

if ap_is_owectl; then
	step "owe.ko counted the drops by reason and created no station"
	run owectl dev wlan0 ap show
	[ "$(count 'rx dropped: group source')" -gt "$group0" ] ||
		fail "rx dropped: group source did not move"
	[ "$(count 'rx dropped: zero source')" -gt "$zero0" ] ||
		fail "rx dropped: zero source did not move"
	[ "$(count 'rx dropped: own source')" -gt "$own0" ] ||
		fail "rx dropped: own source did not move"
	run owectl dev wlan0 station dump > "$T_DIR/dump"
	[ "$(grep -c '^Station' "$T_DIR/dump")" = 1 ] ||
		fail "owe.ko keeps a station entry for a spoofed source"
fi
pass
