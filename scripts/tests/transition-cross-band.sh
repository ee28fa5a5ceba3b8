#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Issue 14, item 4: a transition pair across bands. The open BSS runs on
# 2.4 GHz (radio 0), the hidden OWE BSS on 5 GHz (a second radio), each
# started with `transition <peer-ifname>` only: owe.ko sees that the
# partner runs on another channel and puts its operating class and channel
# into the transition element (115/36 in the open BSS's beacons, 81/1 in
# the OWE BSS's), which ap show reports and a capture on hwsim0 shows. A
# wpa_supplicant profile for the open SSID ends on the OWE BSS at 5180 MHz
# and pings it (wpa_supplicant 2.10 does not read the channel; it finds
# the hidden BSS with a directed probe on the channels it scans); so does
# iwd, which reads the operating class and channel of the element
# (transition-iwd.sh explains its D-Bus set-up).
#
# The 5 GHz radios are added through mac80211_hwsim's generic netlink
# family with hwsim's regulatory domain 2 (5180 MHz without NO-IR, which
# the guest's world domain has).
#
#   radio 0: wlan0 "OPEN-OWE" (open, 2412 MHz)       192.0.2.1/25
#   phyowe:  "OWE-Transition" (OWE, hidden, 5180 MHz) 192.0.2.129/25
#   physta:  wpa_supplicant, then iwd, netns sta     192.0.2.139/25
#
# owe-test: radios=1
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/capture.sh"

command -v owectl >/dev/null || fail "owectl is not built"
command -v wpa_supplicant >/dev/null || { log "SKIP: no wpa_supplicant"; exit 77; }
hwsim=$(dirname "$0")/inject/hwsim-radio.py

# new_radio PHY VAR: add a hwsim radio named PHY with hwsim's regulatory
# domain 2; its interface in VAR
new_radio() {
	local ifc

	run python3 "$hwsim" new "$1" 2 || fail "cannot add the radio $1"
	wait_for 5 "$1's interface" sh -c "ls /sys/class/ieee80211/$1/device/net/ | grep -q ."
	ifc=$(ls "/sys/class/ieee80211/$1/device/net/" | head -n 1)
	printf -v "$2" '%s' "$ifc"
}

# show_tchan IFACE: the "transition channel" of owectl's ap show
show_tchan() {
	owectl dev "$1" ap show | sed -n 's/^\ttransition channel:\t//p'
}

step "a 5 GHz radio for the OWE BSS and one for the client"
new_radio phyowe owe
new_radio physta sta
log "OWE BSS on $owe, client on $sta"
open_bssid=$(cat /sys/class/net/wlan0/address)
owe_bssid=$(cat "/sys/class/net/$owe/address")

step "the pair: open on 2412 MHz, OWE on 5180 MHz, each naming the other"
cap_start air
run owectl dev wlan0 ap start ssid OPEN-OWE freq 2412 transition "$owe" ||
	fail "cannot start the open BSS"
run owectl dev "$owe" ap start ssid OWE-Transition freq 5180 security owe \
	hidden transition wlan0 || fail "cannot start the OWE BSS on 5 GHz"
wait_for 5 "wlan0 to see its partner" \
	sh -c "owectl dev wlan0 ap show | grep -qP '^\ttransition partner:\t$owe'"
owectl dev wlan0 ap show | sed 's/^/    /'
owectl dev "$owe" ap show | sed 's/^/    /'
[ "$(show_tchan wlan0)" = 115/36 ] ||
	fail "wlan0's element does not name 115/36 but '$(show_tchan wlan0)'"
[ "$(show_tchan "$owe")" = 81/1 ] ||
	fail "$owe's element does not name 81/1 but '$(show_tchan "$owe")'"
run ip addr add 192.0.2.1/25 dev wlan0
run ip addr add 192.0.2.129/25 dev "$owe"

step "wpa_supplicant: a profile for OPEN-OWE ends on the OWE BSS at 5180 MHz"
netns_sta sta "$sta"
ip netns exec sta sysctl -q net.ipv6.conf.all.disable_ipv6=1
cat > "$T_DIR/wpas.conf" <<CONF
ctrl_interface=$T_DIR/wpas-$sta
network={
	ssid="OPEN-OWE"
	key_mgmt=OWE
	ieee80211w=1
	scan_freq=2412 5180
}
CONF
wpas_start sta "$sta" "$T_DIR/wpas.conf"
wait_for 60 "the client to connect" wpas_completed sta "$sta"
wpas_cli sta "$sta" status | tee "$T_DIR/status" | sed 's/^/    /'
grep -qx "bssid=$owe_bssid" "$T_DIR/status" || fail "the client is not on the OWE BSS"
grep -qx 'freq=5180' "$T_DIR/status" || fail "the client is not on 5180 MHz"
grep -qx 'key_mgmt=OWE' "$T_DIR/status" || fail "the client does not use OWE"
run ip -n sta addr add 192.0.2.139/25 dev "$sta"
run ping_ok sta 192.0.2.129 || fail "the client cannot ping the AP"
wpas_cli sta "$sta" terminate >/dev/null
sleep 1
cap_stop air

step "the operating class and channel in both beacons, on the air"
# tshark 4.0 names the fields (wlan.wfa.ie.owe.band_info, .channel_info)
# but decodes the element only up to the SSID: the two octets are read
# from the raw element of the frame's JSON when the fields are empty
beacon="wlan.fc.type_subtype == 8"
for x in "$open_bssid $owe_bssid OWE-Transition 115 36" \
	 "$owe_bssid $open_bssid OPEN-OWE 81 1"; do
	read -r src dst ssid oc ch <<< "$x"
	f=$(cap_fields air "$beacon && wlan.sa == $src && wlan.wfa.ie.owe.bssid == $dst" \
		wlan.wfa.ie.owe.band_info wlan.wfa.ie.owe.channel_info | sort -u)
	[ -n "$f" ] || fail "no beacon of $src names $dst"
	raw=$(tshark -r "$T_DIR/air.pcapng" -Y "$beacon && wlan.sa == $src && \
		wlan.wfa.ie.owe.bssid == $dst" -T json -x 2>/dev/null |
		grep -o '"dd[0-9a-f]\{2\}506f9a1c[0-9a-f]*"' | tr -d '"' | sort -u)
	log "beacons of $src: element $raw; tshark's band/channel info: $f"
	[ "$(printf '%s\n' "$raw" | wc -l)" = 1 ] ||
		fail "$src's beacons do not all carry one element"
	[ "${#raw}" = $((2 * (2 + 4 + 6 + 1 + ${#ssid} + 2))) ] ||
		fail "$src's element is not BSSID, SSID, op class, channel"
	read -r b c <<< "$f"
	if [ "$b" = - ]; then
		b=$((16#${raw: -4:2}))
		c=$((16#${raw: -2}))
	fi
	[ "$(cap_num "$b")" = "$oc" ] || fail "$src's element: operating class $b, not $oc"
	[ "$(cap_num "$c")" = "$ch" ] || fail "$src's element: channel $c, not $ch"
	log "$src names $dst on $oc/$ch"
done

iwd_bin=/usr/libexec/iwd
if [ ! -x "$iwd_bin" ] || ! command -v iwctl >/dev/null ||
   ! command -v dbus-daemon >/dev/null; then
	log "iwd is not installed: its part is left out"
	pass
fi

step "iwd: a connection to OPEN-OWE ends on the OWE BSS at 5180 MHz"
iwd_log=$T_DIR/iwd.log
# iwd_fail TEXT: show what iwd said about the connection, then fail
iwd_fail() {
	grep -aiE 'error|fail|owe|transition|hidden|scan|freq|connect|assoc|reason|status' \
		"$iwd_log" 2>/dev/null | tail -n 40 | sed 's/^/    /'
	fail "$@"
}
# iwc ARGS...: iwctl, without colours or cursor control
iwc() {
	iwctl "$@" 2>&1 | sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/[[:space:]]*$//'
}
iwd_field() {
	iwc station "$sta" show |
		sed -n "s/^[[:space:]]*$1[[:space:]]\{2,\}\([^[:space:]].*\)/\1/p" | head -n 1
}
iwd_connected() { [ "$(iwd_field State)" = connected ]; }
run mkdir -p /run/dbus
bus_pid=$(dbus-daemon --system --fork --print-pid) || fail "cannot start D-Bus"
track "$bus_pid"
wait_for 5 "the system bus socket" test -S /run/dbus/system_bus_socket
mkdir -p "$T_DIR/iwd-etc" "$T_DIR/iwd-lib"
cat > "$T_DIR/iwd-etc/main.conf" <<CONF
[General]
EnableNetworkConfiguration=false

[DriverQuirks]
DefaultInterface=*

[Scan]
DisablePeriodicScan=true
CONF
ip netns exec sta env CONFIGURATION_DIRECTORY="$T_DIR/iwd-etc" \
	STATE_DIRECTORY="$T_DIR/iwd-lib" "$iwd_bin" -d -i "$sta" \
	> "$iwd_log" 2>&1 &
track $!
wait_for 10 "iwd to manage $sta" sh -c "iwctl station list 2>&1 | grep -qw $sta"
# iwd_scan_settled: no scan for 2 s in a row; only then has the directed
# scan for the hidden SSID that the open BSS's element names come back
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
run iwc station "$sta" scan
iwd_scan_settled || iwd_fail "iwd's scans did not settle within 20 s"
iwc station "$sta" get-networks | sed 's/^/    /'
run iwc station "$sta" connect OPEN-OWE
for ((i = 0; i < 150; i++)); do
	iwd_connected && break
	sleep 0.2
done
iwd_connected || iwd_fail "iwd did not connect (State: $(iwd_field State))"
ip netns exec sta iw dev "$sta" link | tee "$T_DIR/link" | sed 's/^/    /'
grep -qi "^Connected to $owe_bssid" "$T_DIR/link" ||
	iwd_fail "iwd is not associated to the OWE BSS $owe_bssid"
grep -qP '^\tfreq: 5180' "$T_DIR/link" || iwd_fail "iwd is not on 5180 MHz"
run ping_ok sta 192.0.2.129 || iwd_fail "the iwd client cannot ping the AP"
pass
