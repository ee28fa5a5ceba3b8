#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# bridge.sh on a VLAN, laid out as OpenWrt lays out a VLAN-filtering
# br-lan: br0 filters VLANs, both BSSes are untagged members (PVID) of
# VLAN 10, the uplink carries VLAN 10 tagged to the LAN, where dnsmasq
# serves DHCP on the VLAN interface; the AP's own address is on br0.10.
# Both clients take a lease from the LAN through their BSS, ping the LAN,
# the AP and each other; their traces show the leases.
#
#   radio 0: wlan0 "OPEN-OWE" (open) + owe0 "OWE-Transition" (OWE, hidden)
#            ports of br0 (vlan_filtering), VID 10 PVID untagged
#   br0.10 192.0.2.1/24;  lan0 port of br0, VID 10 tagged
#   netns lan: lan1 (lan0's peer), lan1.10 192.0.2.2/24, dnsmasq
#   radio 1: wlan1 in netns sta1, key_mgmt=OWE, DHCP
#   radio 2: wlan2 in netns sta2, key_mgmt=NONE, DHCP
#
# owe-test: radios=3
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/bridge.sh"

step "br0 filters VLANs; the AP's address on VLAN 10 (br0.10)"
run ip link add br0 type bridge vlan_filtering 1 ||
	fail "cannot create a VLAN-filtering br0"
run ip link set br0 up
run bridge vlan add dev br0 vid 10 self
run ip link add link br0 name br0.10 type vlan id 10 ||
	fail "cannot create br0.10"
run ip link set br0.10 up
run ip addr add 192.0.2.1/24 dev br0.10

step "the LAN behind a tagged uplink: VLAN 10, dnsmasq in netns lan"
run ip netns add lan
run ip link add lan0 type veth peer name lan1 netns lan
run ip link set lan0 master br0
run bridge vlan del dev lan0 vid 1
run bridge vlan add dev lan0 vid 10
run ip link set lan0 up
ip -n lan link set lo up
run ip -n lan link set lan1 up
run ip -n lan link add link lan1 name lan1.10 type vlan id 10
run ip -n lan link set lan1.10 up
run ip -n lan addr add 192.0.2.2/24 dev lan1.10
br_dnsmasq lan lan1.10 192.0.2.100 192.0.2.199

step "the transition pair, both BSSes untagged members of VLAN 10"
br_start_pair
br_check_ports
for p in wlan0 owe0; do
	run bridge vlan del dev "$p" vid 1
	run bridge vlan add dev "$p" vid 10 pvid untagged ||
		fail "$p cannot join VLAN 10"
done
run bridge vlan show

step "an OWE client and a legacy client, both asking for OPEN-OWE"
br_clients

br_leases_and_pings 192.0.2.2 192.0.2.1
br_check_traces
pass
