#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The transition pair bridged, as on a home AP: both BSSes are ports of
# br0, dnsmasq serves DHCP on br0. An OWE client and a legacy client each
# take a lease through their own BSS (the OWE client's 4-way handshake
# must reach the module although the bridge takes the interface's
# frames), ping the LAN and each other; each station's trace shows
# IP_LEARN, then RUN with the address the DHCP server leased it. No
# EAPOL frame enters the bridge.
#
#   radio 0: wlan0 "OPEN-OWE" (open) + owe0 "OWE-Transition" (OWE, hidden)
#            both ports of br0 192.0.2.1/24, dnsmasq on br0
#   radio 1: wlan1 in netns sta1, key_mgmt=OWE, DHCP
#   radio 2: wlan2 in netns sta2, key_mgmt=NONE, DHCP
#
# OWE_TEST_AP=hostapd runs it against hostapd with bridge=br0
# (baseline-hostapd-bridge.sh).
#
# owe-test: radios=3
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/bridge.sh"
. "$(dirname "$0")/lib/capture.sh"

step "br0 with the LAN's address and DHCP server"
run ip link add br0 type bridge || fail "cannot create br0"
run ip link set br0 up
run ip addr add 192.0.2.1/24 dev br0
br_dnsmasq "" br0 192.0.2.100 192.0.2.199

step "the transition pair, both BSSes ports of br0"
br_start_pair
br_check_ports

step "an OWE client and a legacy client, both asking for OPEN-OWE"
cap_rec_start br0 "$T_DIR/br0.pcapng" "$T_DIR/br0-cap.log" ||
	fail "cannot capture on br0"
track "$CAP_REC_PID"
br_clients

br_leases_and_pings 192.0.2.1
br_check_traces

step "the bridge saw the DHCP exchanges but no EAPOL frame"
cap_rec_stop "$CAP_REC_PID"
n=$(tshark -r "$T_DIR/br0.pcapng" -n -Y 'dhcp.option.dhcp == 5' | wc -l)
log "DHCPACKs on br0: $n"
[ "$n" -ge 2 ] || fail "the capture on br0 lacks the DHCPACKs"
n=$(tshark -r "$T_DIR/br0.pcapng" -n -Y eapol | wc -l)
log "EAPOL frames on br0: $n"
[ "$n" = 0 ] || fail "$n EAPOL frames entered the bridge"
pass
