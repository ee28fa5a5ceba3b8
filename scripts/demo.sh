#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo`: OWE transition mode end to end, in one guest with three
# mac80211_hwsim radios.
#
#   radio 0: wlan0  open BSS "OPEN-OWE", 192.0.2.1/25, transition wlan1
#            wlan1  hidden OWE BSS "OWE-Transition" (a second interface on
#                   the same radio, MAC 02:00:00:00:00:10), 192.0.2.129/25,
#                   transition wlan0
#   radio 1: sta1   OWE client (wpa_supplicant, ssid="OPEN-OWE"
#                   key_mgmt=OWE), netns "owe-client", 192.0.2.130/25
#   radio 2: sta2   legacy client (key_mgmt=NONE), netns "legacy-client",
#                   192.0.2.10/25
#
# (hwsim names the radios' interfaces wlan0..wlan2: the clients' are renamed
# sta1 and sta2 so that the AP's two BSSes are wlan0 and wlan1, as in the
# issue's commands.)
#
# Every frame on the air is recorded (scripts/capture.sh) into
# .build/demo/owe-demo.pcapng, which stays on the host for Wireshark.
#
#   scripts/demo.sh            boot the guest and run the demo in it
#   scripts/demo.sh --guest    the demo itself (inside a guest with 3 radios)
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1

if [ "${1:-}" != --guest ]; then
	build=${OWE_BUILD_DIR:-$top/.build}
	mkdir -p "$build/demo"
	build=$(cd "$build" && pwd)
	rm -f "$build/demo/owe-demo.pcapng"
	echo "owe-ap demo: an OPEN-OWE / OWE-Transition pair served by owe.ko, one OWE"
	echo "and one legacy client, their traces, owectl check and an air capture"
	scripts/vm/run.sh -r 3 -t 180 -- \
		env OWE_DEMO_OUT="$build/demo" scripts/demo.sh --guest
	rc=$?
	if [ -s "$build/demo/owe-demo.pcapng" ]; then
		echo "demo: air capture on the host: $build/demo/owe-demo.pcapng"
		echo "      (wireshark $build/demo/owe-demo.pcapng)"
	fi
	[ "$rc" = 0 ] && echo "demo: done" ||
		echo "demo: FAILED (status $rc); kernel log: $build/runs/last/kernel.log"
	exit "$rc"
fi

# --- inside the guest ------------------------------------------------------
# shellcheck source=scripts/tests/lib/common.sh
. scripts/tests/lib/common.sh

out=${OWE_DEMO_OUT:-$top/.build/demo}
pcap=$out/owe-demo.pcapng
capturing=0

demo_exit() {
	local rc=$?

	[ "$capturing" = 1 ] && scripts/capture.sh stop >/dev/null 2>&1
	t_cleanup
	if [ "$rc" != 0 ] && [ -d "${OWE_RUNDIR:-}" ]; then
		cp -r "$T_DIR" "$OWE_RUNDIR/demo" 2>/dev/null &&
			log "logs kept in $OWE_RUNDIR/demo"
	fi
	exit "$rc"
}
trap demo_exit EXIT

# show TITLE CMD...: run CMD with a title, its output indented
show() {
	local title=$1 rc

	shift
	printf '\n--- %s: %s\n' "$title" "$*"
	"$@" 2>&1 | sed 's/^/    /'
	rc=${PIPESTATUS[0]}
	return "$rc"
}

# sta_state IFACE MAC: the station's owe.ko state
sta_state() {
	owectl dev "$1" station get "$2" 2>/dev/null | sed -n 's/^\tstate:\t//p'
}

sta_in_run() { [ "$(sta_state "$1" "$2")" = RUN ]; }

# client NS IFACE CONF-LINE...: a client in its own netns with wpa_supplicant.
# The clients are IPv4-only, so that IP learning shows their IPv4 address
# (an IPv6 client's neighbour discovery would be learned first).
client() {
	local ns=$1 ifc=$2 phy line

	shift 2
	phy=$(phy_of "$ifc")
	ip netns add "$ns" || fail "cannot create netns $ns"
	ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	ip netns exec "$ns" sysctl -qw net.ipv6.conf.default.disable_ipv6=1
	iw phy "$phy" set netns name "$ns" || fail "cannot move $phy to $ns"
	ip -n "$ns" link set lo up
	{
		echo "ctrl_interface=$T_DIR/wpas-$ifc"
		echo "network={"
		echo "	ssid=\"OPEN-OWE\""
		for line; do
			echo "	$line"
		done
		echo "	scan_freq=2412"
		echo "}"
	} > "$T_DIR/wpas-$ifc.conf"
	wpas_start "$ns" "$ifc" "$T_DIR/wpas-$ifc.conf"
}

# wpas_field NS IFACE KEY: one field of wpa_cli status
wpas_field() {
	wpas_cli "$1" "$2" status | sed -n "s/^$3=//p"
}

for t in owectl wpa_supplicant wpa_cli iw tshark; do
	command -v "$t" >/dev/null || fail "$t is not installed"
done
[ -e /sys/class/net/wlan2 ] || fail "the demo needs three hwsim radios"

step "radios: wlan0 (radio 0) and a second interface wlan1 on radio 0 for the AP; sta1, sta2 (radios 1, 2) for the clients"
run ip link set wlan1 name sta1 || fail "cannot rename wlan1"
run ip link set wlan2 name sta2 || fail "cannot rename wlan2"
run iw phy "$(phy_of wlan0)" interface add wlan1 type __ap ||
	fail "cannot add wlan1 on radio 0"
run ip link set wlan1 address 02:00:00:00:00:10 || fail "cannot set wlan1's MAC"
open_bssid=$(cat /sys/class/net/wlan0/address)
owe_bssid=$(cat /sys/class/net/wlan1/address)

step "air capture of hwsim0"
mkdir -p "$out" || fail "cannot create $out"
scripts/capture.sh start "$pcap" || fail "cannot start the capture"
capturing=1

step "open BSS OPEN-OWE on wlan0, paired with wlan1"
run owectl dev wlan0 ap start ssid OPEN-OWE freq 2412 security open transition wlan1 ||
	fail "owectl could not start the open BSS"
step "hidden OWE BSS OWE-Transition on wlan1, paired with wlan0"
run owectl dev wlan1 ap start ssid OWE-Transition freq 2412 security owe hidden transition wlan0 ||
	fail "owectl could not start the OWE BSS"
run ip addr add 192.0.2.1/25 dev wlan0 || fail "cannot address wlan0"
run ip addr add 192.0.2.129/25 dev wlan1 || fail "cannot address wlan1"
show "open BSS" owectl dev wlan0 ap show || fail "ap show wlan0 failed"
show "OWE BSS" owectl dev wlan1 ap show || fail "ap show wlan1 failed"

step "OWE client (sta1, key_mgmt=OWE) and legacy client (sta2, key_mgmt=NONE), both for ssid OPEN-OWE"
client owe-client sta1 key_mgmt=OWE ieee80211w=1
client legacy-client sta2 key_mgmt=NONE
wait_for 30 "the OWE client to connect" wpas_completed owe-client sta1
wait_for 30 "the legacy client to connect" wpas_completed legacy-client sta2
owe_sta=$(ip netns exec owe-client cat /sys/class/net/sta1/address)
legacy_sta=$(ip netns exec legacy-client cat /sys/class/net/sta2/address)
b=$(wpas_field owe-client sta1 bssid)
k=$(wpas_field owe-client sta1 key_mgmt)
log "OWE client $owe_sta: bssid=$b key_mgmt=$k"
[ "$b" = "$owe_bssid" ] || fail "the OWE client is on $b, not on the OWE BSS $owe_bssid"
[ "$k" = OWE ] || fail "the OWE client's key_mgmt is $k, not OWE"
b=$(wpas_field legacy-client sta2 bssid)
k=$(wpas_field legacy-client sta2 key_mgmt)
log "legacy client $legacy_sta: bssid=$b key_mgmt=$k"
[ "$b" = "$open_bssid" ] || fail "the legacy client is on $b, not on the open BSS $open_bssid"
[ "$k" = NONE ] || fail "the legacy client's key_mgmt is $k, not NONE"

show "OWE client's scan results" wpas_cli owe-client sta1 scan_results
show "legacy client's scan results" wpas_cli legacy-client sta2 scan_results

step "addresses and pings: IP learning moves both clients to RUN"
ip -n owe-client addr add 192.0.2.130/25 dev sta1
ip -n owe-client route add default via 192.0.2.129
ip -n legacy-client addr add 192.0.2.10/25 dev sta2
ip -n legacy-client route add default via 192.0.2.1
run ping_ok owe-client 192.0.2.129 >/dev/null || fail "the OWE client cannot ping the AP"
run ping_ok legacy-client 192.0.2.1 >/dev/null || fail "the legacy client cannot ping the AP"
wait_for 10 "the OWE client to reach RUN" sta_in_run wlan1 "$owe_sta"
wait_for 10 "the legacy client to reach RUN" sta_in_run wlan0 "$legacy_sta"
log "both clients in RUN"

step "client traces, station dumps and owectl check"
show "OWE client trace" owectl dev wlan1 station get "$owe_sta" ||
	fail "station get failed"
show "legacy client trace" owectl dev wlan0 station get "$legacy_sta" ||
	fail "station get failed"
show "stations of the open BSS" owectl dev wlan0 station dump ||
	fail "station dump failed"
show "stations of the OWE BSS" owectl dev wlan1 station dump ||
	fail "station dump failed"
show "troubleshooting list" owectl check || fail "owectl check found a problem"

step "the air capture"
capturing=0
scripts/capture.sh stop || fail "the capture did not end cleanly"
show "summary" scripts/capture.sh summary "$pcap" | tee "$T_DIR/summary" ||
	fail "no capture summary"
for want in "beacon .*BSSID $open_bssid SSID \"OPEN-OWE\".*OWE transition element: BSSID $owe_bssid SSID \"OWE-Transition\"" \
	    "beacon .*BSSID $owe_bssid SSID \(zero-length\).*OWE transition element: BSSID $open_bssid SSID \"OPEN-OWE\"" \
	    "association request .*$owe_sta -> $owe_bssid .*DH Parameter element: group" \
	    "EAPOL-Key 4/4 .*$owe_sta -> $owe_bssid"; do
	grep -qE "$want" "$T_DIR/summary" || fail "the capture summary lacks: $want"
done
log "capture: $pcap"
pass
