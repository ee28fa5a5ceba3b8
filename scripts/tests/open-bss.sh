#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# An open BSS served by owe.ko alone: owectl starts it through nl80211 and
# attaches the module, which answers probes, authenticates and associates
# an unmodified wpa_supplicant (key_mgmt=NONE) with no hostapd anywhere.
# The station pings the AP both ways, reaches RUN with its address learned,
# appears in owectl's and nl80211's station lists, leaves, and disappears
# from both; `owectl event` saw every
# transition. Then the teardown paths: `ap stop` and rmmod with a station
# associated, a non-admin genl request and a non-admin listener of the
# events group (station and IP addresses, PMKIDs: refused).
#
#   wlan0 (AP, owe.ko)  ~~ hwsim ~~  wlan1 (STA, netns "sta")
#   192.0.2.1/24                     192.0.2.2/24
#
# owe-test: radios=2
. "$(dirname "$0")/lib/common.sh"

command -v owectl >/dev/null || fail "owectl is not built"
pgrep -x hostapd >/dev/null && fail "hostapd is running"

sta_mac=$(cat /sys/class/net/wlan1/address)

# connect: wpa_supplicant in netns sta reaches COMPLETED
connect() {
	wpas_start sta wlan1 "$T_DIR/wpas.conf"
	wait_for 30 "the station to reach COMPLETED" wpas_completed sta wlan1
}

step "owectl event listens; owectl starts the open BSS"
owectl event > "$T_DIR/events" 2>&1 &
track $!
run owectl dev wlan0 ap start ssid open-test freq 2412 ||
	fail "owectl could not start the BSS"
run owectl dev wlan0 ap show | tee "$T_DIR/ap"
grep -q 'open-test' "$T_DIR/ap" || fail "ap show does not name the SSID"
run ip addr add 192.0.2.1/24 dev wlan0

step "wpa_supplicant (key_mgmt=NONE) associates from netns sta"
netns_sta sta wlan1
cat > "$T_DIR/wpas.conf" <<CONF
ctrl_interface=$T_DIR/wpas-wlan1
network={
	ssid="open-test"
	key_mgmt=NONE
	scan_freq=2412
}
CONF
connect
wpas_cli sta wlan1 status | grep -qx 'key_mgmt=NONE' ||
	fail "the station is not on an open network"

step "ping both ways"
run ip -n sta addr add 192.0.2.2/24 dev wlan1
run ping_ok sta 192.0.2.1 || fail "station cannot ping the AP"
run ping_ok 192.0.2.2 || fail "AP cannot ping the station"

step "owectl and nl80211 list the same station"
run owectl dev wlan0 station dump | tee "$T_DIR/dump"
grep -q "^Station $sta_mac (on wlan0)" "$T_DIR/dump" ||
	fail "owectl station dump lacks $sta_mac"
grep -qP '^\tstate:\tRUN' "$T_DIR/dump" ||
	fail "the station is not in RUN after its pings"
grep -qP '^\tIPv4:\t192.0.2.2$' "$T_DIR/dump" ||
	fail "the station's address was not learned"
grep -qP '^\tAID:\t1$' "$T_DIR/dump" || fail "the station has no AID 1"
run iw dev wlan0 station dump | tee "$T_DIR/iw"
grep -q "^Station $sta_mac (on wlan0)" "$T_DIR/iw" ||
	fail "nl80211 does not list $sta_mac"
grep -qP '^\tauthorized:\tyes' "$T_DIR/iw" ||
	fail "nl80211 shows the station unauthorized"
[ "$(grep -c '^Station' "$T_DIR/iw")" = 1 ] ||
	fail "nl80211 lists more stations than owectl"
run owectl dev wlan0 station get "$sta_mac" | tee "$T_DIR/get"
grep -q 'AUTH .*open system authentication' "$T_DIR/get" ||
	fail "the trace lacks the authentication"

step "the station leaves and disappears from both lists"
wpas_cli sta wlan1 disconnect
wait_for 10 "owectl to drop the station" \
	sh -c "! owectl dev wlan0 station dump | grep -q '$sta_mac'"
iw dev wlan0 station dump | grep -q "$sta_mac" &&
	fail "nl80211 still lists the station"
sleep 0.5
log "events:"
sed 's/^/    /' "$T_DIR/events"
for s in AUTH ASSOC IP_LEARN RUN NONE; do
	grep -q "station $sta_mac $s" "$T_DIR/events" ||
		fail "owectl event missed $s"
done

step "ap stop with a station associated"
wpas_cli sta wlan1 reconnect
wait_for 30 "the station to reconnect" wpas_completed sta wlan1
run owectl dev wlan0 ap stop || fail "ap stop failed"
wait_for 10 "the station to notice" \
	sh -c "! ip netns exec sta wpa_cli -p '$T_DIR/wpas-wlan1' -i wlan1 status | grep -qx wpa_state=COMPLETED"
iw dev wlan0 station dump | grep -q "$sta_mac" &&
	fail "nl80211 still lists the station after ap stop"

step "a non-admin genl request is refused"
run owectl dev wlan0 ap start ssid open-test freq 2412 ||
	fail "owectl could not restart the BSS"
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups owectl dev wlan0 station dump 2>&1)
rc=$?
log "as nobody: exit $rc: $out"
[ "$rc" != 0 ] || fail "a non-admin user could dump stations"
printf '%s\n' "$out" | grep -q 'Operation not permitted' ||
	fail "the refusal is not EPERM"

step "a non-admin user cannot listen to the events group"
setpriv --reuid=65534 --regid=65534 --clear-groups owectl event \
	> "$T_DIR/nobody-events" 2>&1 &
pid=$!
track $pid
# a listener that was let in keeps running; a refused one exits at once
for ((i = 0; i < 10; i++)); do
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.2
done
if kill -0 "$pid" 2>/dev/null; then
	fail "a non-admin user listens to station events"
fi
wait "$pid"
rc=$?
log "owectl event as nobody: exit $rc: $(cat "$T_DIR/nobody-events")"
[ "$rc" != 0 ] || fail "owectl event as nobody exited 0"
grep -q 'Operation not permitted' "$T_DIR/nobody-events" ||
	fail "the refusal is not EPERM"

step "rmmod owe with a station associated"
wait_for 30 "the station to reconnect" wpas_completed sta wlan1
owectl dev wlan0 station dump | grep -q "$sta_mac" ||
	fail "the station did not come back"
run rmmod owe || fail "rmmod owe failed"
wait_for 10 "mac80211 to drop the station" \
	sh -c "! iw dev wlan0 station dump | grep -q '$sta_mac'"
pass
