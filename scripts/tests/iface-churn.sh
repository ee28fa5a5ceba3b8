#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Interfaces come and go while owe.ko serves a BSS, and every command
# returns within seconds (a deadlock in the module's netdev handling would
# hang the command, keep RTNL held and end the guest at its timeout):
# - a monitor interface added to the AP's radio, brought up and deleted;
# - an unrelated interface of the AP's radio deleted;
# - the AP interface itself deleted with a client associated, then a new
#   BSS started on a new interface, which the client joins.
# After each step `ip link show` (an RTNL user) must still answer.
#
#   wlan0 (open BSS), ap1 (open BSS, deleted), ap2 (open BSS, new)
#       ~~ hwsim ~~  wlan1 (STA, netns "sta")
#
# owe-test: radios=2
. "$(dirname "$0")/lib/common.sh"

command -v owectl >/dev/null || fail "owectl is not built"

phy=$(phy_of wlan0)

step "an open BSS on wlan0, served by owe.ko"
run owectl dev wlan0 ap start ssid churn-a freq 2412 ||
	fail "owectl could not start the BSS on wlan0"

step "a monitor interface on the AP's radio: add, up, delete"
quick 10 iw phy "$phy" interface add mon0 type monitor ||
	fail "cannot add mon0"
quick 10 ip link set mon0 up || fail "cannot bring mon0 up"
quick 10 iw dev mon0 del || fail "cannot delete mon0"
rtnl_alive
[ -e /sys/class/net/mon0 ] && fail "mon0 still exists"

step "an unrelated interface of the AP's radio deleted"
quick 10 iw phy "$phy" interface add extra0 type managed ||
	fail "cannot add extra0"
quick 10 iw dev extra0 del || fail "cannot delete extra0"
rtnl_alive
owectl dev wlan0 ap show | grep -q churn-a ||
	fail "the BSS on wlan0 is gone after deleting an unrelated interface"

step "a second BSS on ap1 with a client associated"
quick 10 iw phy "$phy" interface add ap1 type __ap || fail "cannot add ap1"
run ip link set ap1 address 02:00:00:00:01:01 || fail "cannot set ap1's MAC"
run owectl dev ap1 ap start ssid churn-b freq 2412 ||
	fail "owectl could not start the BSS on ap1"
netns_sta sta wlan1
cat > "$T_DIR/wpas.conf" <<CONF
ctrl_interface=$T_DIR/wpas-wlan1
network={
	ssid="churn-b"
	key_mgmt=NONE
	scan_freq=2412
}
CONF
wpas_start sta wlan1 "$T_DIR/wpas.conf"
wait_for 30 "the station to reach COMPLETED on ap1" wpas_completed sta wlan1
sta_mac=$(ip netns exec sta cat /sys/class/net/wlan1/address)
owectl dev ap1 station dump | grep -q "$sta_mac" ||
	fail "owectl does not list the station on ap1"

step "delete ap1, the client's AP interface"
quick 10 iw dev ap1 del || fail "cannot delete ap1"
rtnl_alive
wait_for 10 "the station to lose its association" \
	sh -c "! ip netns exec sta wpa_cli -p '$T_DIR/wpas-wlan1' -i wlan1 status | grep -qx wpa_state=COMPLETED"
owectl dev wlan0 ap show | grep -q churn-a ||
	fail "the BSS on wlan0 is gone after deleting ap1"

step "a new BSS on a new interface ap2 takes the SSID; the client joins it"
quick 10 iw phy "$phy" interface add ap2 type __ap || fail "cannot add ap2"
run ip link set ap2 address 02:00:00:00:01:02 || fail "cannot set ap2's MAC"
run owectl dev ap2 ap start ssid churn-b freq 2412 ||
	fail "owectl could not start the BSS on ap2"
wait_for 30 "the station to join ap2" wpas_completed sta wlan1
wait_for 10 "owectl to list the station on ap2" \
	sh -c "owectl dev ap2 station dump | grep -q '$sta_mac'"
run ip addr add 192.0.2.1/24 dev ap2
run ip -n sta addr add 192.0.2.2/24 dev wlan1
run ping_ok sta 192.0.2.1 || fail "the station cannot ping the new BSS"

step "delete ap2 and wlan0's BSS goes on; rmmod afterwards"
quick 10 iw dev ap2 del || fail "cannot delete ap2"
rtnl_alive
quick 20 rmmod owe || fail "rmmod owe failed"
rtnl_alive
pass
