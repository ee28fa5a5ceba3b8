#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Someone else deletes a station owe.ko serves: `iw dev wlan0 station del`
# (NL80211_CMD_DEL_STATION). The module drops its own entry with it, so
# owectl no longer lists the station (no ghost); when the client's next
# frames are refused it comes back and is served and listed once again
# (no station skipped forever).
#
#   wlan0 (AP, owe.ko)  ~~ hwsim ~~  wlan1 (STA, netns "sta")
#
# owe-test: radios=2
. "$(dirname "$0")/lib/common.sh"

command -v owectl >/dev/null || fail "owectl is not built"
sta_mac=$(cat /sys/class/net/wlan1/address)

listed_once() {
	[ "$(owectl dev wlan0 station dump | grep -c "^Station $sta_mac ")" = 1 ]
}

step "an open BSS and a client in RUN"
run owectl dev wlan0 ap start ssid del-test freq 2412 ||
	fail "owectl could not start the BSS"
run ip addr add 192.0.2.1/24 dev wlan0
netns_sta sta wlan1
cat > "$T_DIR/wpas.conf" <<CONF
ctrl_interface=$T_DIR/wpas-wlan1
network={
	ssid="del-test"
	key_mgmt=NONE
	scan_freq=2412
}
CONF
wpas_start sta wlan1 "$T_DIR/wpas.conf"
wait_for 30 "the station to reach COMPLETED" wpas_completed sta wlan1
run ip -n sta addr add 192.0.2.2/24 dev wlan1
run ping_ok sta 192.0.2.1 || fail "station cannot ping the AP"
listed_once || fail "owectl does not list the station"

step "iw deletes the station behind the module's back"
run iw dev wlan0 station del "$sta_mac" || fail "iw station del failed"
wait_for 5 "owectl to drop the station" \
	sh -c "! owectl dev wlan0 station dump | grep -q '$sta_mac'"
iw dev wlan0 station dump | grep -q "$sta_mac" &&
	fail "nl80211 still lists the station"
run owectl dev wlan0 station get "$sta_mac" 2>&1 | tee "$T_DIR/get"

step "the client comes back and is listed once"
# its next frames are class 3 frames from a stranger: refused, it reconnects
ip netns exec sta ping -i 0.5 192.0.2.1 > /dev/null 2>&1 &
track $!
wait_for 40 "the station to be served again" listed_once
wait_for 30 "the station to reach COMPLETED" wpas_completed sta wlan1
run ping_ok sta 192.0.2.1 || fail "station cannot ping the AP after it came back"
listed_once || fail "owectl lists the station more than once"
[ "$(iw dev wlan0 station dump | grep -c "^Station $sta_mac ")" = 1 ] ||
	fail "nl80211 does not list the station once"
pass
