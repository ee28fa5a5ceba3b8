#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# OWE transition mode with iwd as the client: iwd is asked to connect to
# the open SSID "OPEN-OWE", follows the open BSS's transition element with
# a directed scan for the hidden OWE SSID, and must end on the OWE BSS with
# an OWE association; it pings the AP, and the AP's trace shows it in RUN
# with its address learned.
#
#   radio 0: wlan0 "OPEN-OWE" (open)  +  owe0 "OWE-Transition" (OWE, hidden)
#            192.0.2.1/25                 192.0.2.129/25
#   radio 1: wlan1 in netns sta1, driven by iwd      192.0.2.139/25
#
# iwd talks to iwctl over the system bus, so the test starts its own D-Bus
# daemon (the guest's /run is private) and gives iwd a configuration and
# state directory in the test's directory: nothing of the host is touched.
# iwd needs from the kernel AF_ALG hashes and ciphers
# (CONFIG_CRYPTO_USER_API_HASH, CONFIG_CRYPTO_USER_API_SKCIPHER and the
# algorithms it checks at start-up, MD5 and SHA1 among them) and
# /dev/rfkill (CONFIG_RFKILL); without them iwd exits at once and the test
# fails showing iwd's own list of missing options.
#
# owe-test: radios=2
. "$(dirname "$0")/lib/common.sh"

iwd_bin=/usr/libexec/iwd
if [ ! -x "$iwd_bin" ] || ! command -v iwctl >/dev/null; then
	log "SKIP: iwd is not installed"
	exit 77
fi
command -v owectl >/dev/null || fail "owectl is not built"
command -v dbus-daemon >/dev/null || fail "dbus-daemon is not installed"

open_bssid=$(cat /sys/class/net/wlan0/address)
owe_bssid=02:00:00:00:00:10
iwd_log=$T_DIR/iwd.log

# iwd_fail TEXT: show what iwd said about the connection, then fail
iwd_fail() {
	log "iwd's log (connection-related lines, last 60):"
	grep -aiE 'error|fail|owe|transition|hidden|scan|connect|auth|assoc|handshake|reason|status|missing|CONFIG_' \
		"$iwd_log" 2>/dev/null | tail -n 60 | sed 's/^/    /'
	fail "$@"
}

# iwc ARGS...: iwctl, without colours or cursor control
iwc() {
	iwctl "$@" 2>&1 | sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/[[:space:]]*$//'
}

# iwd_field NAME: a field of `iwctl station wlan1 show` (e.g. State)
iwd_field() {
	iwc station wlan1 show |
		sed -n "s/^[[:space:]]*$1[[:space:]]\{2,\}\([^[:space:]].*\)/\1/p" | head -n 1
}

iwd_connected() { [ "$(iwd_field State)" = connected ]; }

step "the transition pair on radio 0: hidden OWE BSS owe0, open BSS wlan0"
run iw phy "$(phy_of wlan0)" interface add owe0 type __ap ||
	fail "cannot add owe0"
run ip link set owe0 address "$owe_bssid"
run owectl dev owe0 ap start ssid OWE-Transition freq 2412 security owe \
	hidden transition wlan0 || fail "cannot start the OWE BSS"
run owectl dev wlan0 ap start ssid OPEN-OWE freq 2412 transition owe0 ||
	fail "cannot start the open BSS"
wait_for 5 "owe0 to see its partner" \
	sh -c "owectl dev owe0 ap show | grep -qP '^\ttransition partner:\twlan0'"
run ip addr add 192.0.2.1/25 dev wlan0
run ip addr add 192.0.2.129/25 dev owe0

step "a system D-Bus daemon for iwd and iwctl"
[ -e /run/dbus/system_bus_socket ] &&
	fail "a system bus already runs: the guest's /run is not private"
run mkdir -p /run/dbus
bus_pid=$(dbus-daemon --system --fork --print-pid) ||
	fail "cannot start the system D-Bus daemon"
track "$bus_pid"
wait_for 5 "the system bus socket" test -S /run/dbus/system_bus_socket

step "iwd for wlan1 in netns sta1"
netns_sta sta1 wlan1
ip netns exec sta1 sysctl -q net.ipv6.conf.all.disable_ipv6=1
mkdir -p "$T_DIR/iwd-etc" "$T_DIR/iwd-lib"
# keep the kernel's wlan1 rather than recreate it; addresses are ours
cat > "$T_DIR/iwd-etc/main.conf" <<CONF
[General]
EnableNetworkConfiguration=false

[DriverQuirks]
DefaultInterface=*

[Scan]
DisablePeriodicScan=true
CONF
ip netns exec sta1 env CONFIGURATION_DIRECTORY="$T_DIR/iwd-etc" \
	STATE_DIRECTORY="$T_DIR/iwd-lib" "$iwd_bin" -d -i wlan1 \
	> "$iwd_log" 2>&1 &
iwd_pid=$!
track "$iwd_pid"
for ((i = 0; i < 50; i++)); do
	iwc station list | grep -qw wlan1 && break
	kill -0 "$iwd_pid" 2>/dev/null || iwd_fail "iwd exited at start-up"
	sleep 0.2
done
iwc station list | grep -qw wlan1 || iwd_fail "iwd does not manage wlan1"

# iwd_scan_settled: iwd reports no scan for 2 s in a row. A D-Bus scan runs
# in subsets, and once it is done iwd starts a directed scan for the hidden
# SSID named by each open BSS's transition element; only when that one is
# back does the OWE BSS join the OPEN-OWE network.
iwd_scan_settled() {
	local i quiet=0

	for ((i = 0; i < 100; i++)); do
		if [ "$(iwd_field Scanning)" = no ]; then
			quiet=$((quiet + 1))
			[ "$quiet" -ge 10 ] && return 0
		else
			quiet=0
		fi
		sleep 0.2
	done
	return 1
}

step "iwd scans and lists OPEN-OWE"
run iwc station wlan1 scan
iwd_scan_settled || iwd_fail "iwd's scans did not settle within 20 s"
iwc station wlan1 get-networks | tee "$T_DIR/networks"
grep -qw OPEN-OWE "$T_DIR/networks" || iwd_fail "iwd does not list OPEN-OWE"
grep -qw OWE-Transition "$T_DIR/networks" &&
	iwd_fail "iwd lists the hidden OWE SSID as a network of its own"

step "connect to OPEN-OWE: iwd must end on the OWE BSS"
run iwc station wlan1 connect OPEN-OWE
for ((i = 0; i < 100; i++)); do
	iwd_connected && break
	sleep 0.2
done
iwc station wlan1 show | tee "$T_DIR/show"
iwd_connected || iwd_fail "iwd did not connect (State: $(iwd_field State))"
[ "$(iwd_field 'Connected network')" = OPEN-OWE ] ||
	iwd_fail "iwd's connected network is not OPEN-OWE"
bss=$(iwd_field ConnectedBss)
[ -z "$bss" ] || [ "${bss,,}" = "$owe_bssid" ] ||
	iwd_fail "iwd reports BSS $bss, not the OWE BSS $owe_bssid"
sec=$(iwd_field Security)
[ -z "$sec" ] || [ "$sec" = OWE ] || iwd_fail "iwd reports security $sec, not OWE"
ip netns exec sta1 iw dev wlan1 link | tee "$T_DIR/link"
grep -qi "^Connected to $owe_bssid" "$T_DIR/link" ||
	iwd_fail "wlan1 is not associated to the OWE BSS $owe_bssid (open BSS: $open_bssid)"
grep -qP '^\tSSID: OWE-Transition$' "$T_DIR/link" ||
	iwd_fail "wlan1's link is not on the OWE SSID"

step "ping the AP; the client reaches RUN with its address"
run ip -n sta1 addr add 192.0.2.139/25 dev wlan1
run ping_ok sta1 192.0.2.129 || iwd_fail "the iwd client cannot ping the AP"
sta=$(ip netns exec sta1 cat /sys/class/net/wlan1/address)
wait_for 5 "the iwd client to reach RUN" \
	sh -c "owectl dev owe0 station get $sta | grep -qP '^\tstate:\tRUN'"
owectl dev owe0 station get "$sta" | tee "$T_DIR/trace"
grep -qP '^\tAKM:.*OWE' "$T_DIR/trace" || fail "the AP does not show an OWE AKM"
grep -q '192.0.2.139' "$T_DIR/trace" || fail "the client's address was not learned"
for s in AUTH ASSOC L2_AUTH IP_LEARN RUN; do
	grep -q " $s " "$T_DIR/trace" || fail "the client's trace lacks $s"
done
owectl dev wlan0 station get "$sta" >/dev/null 2>&1 &&
	fail "the iwd client is also a station of the open BSS"

step "disconnect: the station leaves the OWE BSS"
run iwc station wlan1 disconnect
wait_for 5 "the station to leave owe0" \
	sh -c "! owectl dev owe0 station get $sta | grep -qP '^\tstate:\t(ASSOC|L2_AUTH|IP_LEARN|RUN)'"
pass
