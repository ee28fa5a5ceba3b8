# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# Helpers for the bridged tests (scripts/tests/bridge*.sh), sourced after
# lib/common.sh inside the guest: a transition pair on radio 0 (wlan0
# "OPEN-OWE" open, owe0 "OWE-Transition" OWE and hidden), both ports of
# br0, an OWE client (wlan1, netns sta1) and a legacy client (wlan2, netns
# sta2) that take their addresses from dnsmasq by DHCP.
#
# The AP is owe.ko driven by owectl; OWE_TEST_AP=hostapd runs the same
# test against hostapd with bridge=br0, the reference. Only the checks of
# owe.ko's own state (station traces) are skipped for hostapd.

OWE_TEST_AP=${OWE_TEST_AP:-owectl}
BR_OPEN_BSSID=
BR_OWE_BSSID=02:00:00:00:00:10
BR_LEASE=3600

case "$OWE_TEST_AP" in
owectl|hostapd) ;;
*) fail "OWE_TEST_AP must be owectl or hostapd, not '$OWE_TEST_AP'" ;;
esac
log "AP under test: $OWE_TEST_AP"

br_need() {
	local c

	for c; do
		command -v "$c" >/dev/null || { log "SKIP: $c is not installed"; exit 77; }
	done
}

br_need dnsmasq udhcpc bridge
if [ "$OWE_TEST_AP" = owectl ]; then
	br_need owectl
else
	br_need hostapd hostapd_cli
fi

br_is_owectl() { [ "$OWE_TEST_AP" = owectl ]; }

# br_start_pair: the transition pair on radio 0, both BSSes ports of br0
# (which must exist)
br_start_pair() {
	BR_OPEN_BSSID=$(cat /sys/class/net/wlan0/address)
	if br_is_owectl; then
		run iw phy "$(phy_of wlan0)" interface add owe0 type __ap ||
			fail "cannot add owe0"
		run ip link set owe0 address "$BR_OWE_BSSID"
		run owectl dev owe0 ap start ssid OWE-Transition freq 2412 \
			security owe hidden transition wlan0 ||
			fail "cannot start the OWE BSS"
		run owectl dev wlan0 ap start ssid OPEN-OWE freq 2412 \
			transition owe0 || fail "cannot start the open BSS"
		# as a user would: the running BSSes become bridge ports
		run ip link set wlan0 master br0 || fail "wlan0 cannot join br0"
		run ip link set owe0 master br0 || fail "owe0 cannot join br0"
		return
	fi
	cat > "$T_DIR/hostapd.conf" <<-CONF
	interface=wlan0
	bridge=br0
	driver=nl80211
	ctrl_interface=$T_DIR/hostapd
	ssid=OPEN-OWE
	hw_mode=g
	channel=1
	owe_transition_ifname=owe0

	bss=owe0
	bssid=$BR_OWE_BSSID
	bridge=br0
	ctrl_interface=$T_DIR/hostapd
	ssid=OWE-Transition
	ignore_broadcast_ssid=1
	wpa=2
	wpa_key_mgmt=OWE
	rsn_pairwise=CCMP
	ieee80211w=2
	owe_transition_ifname=wlan0
	CONF
	log "hostapd.conf:"
	sed 's/^/    /' "$T_DIR/hostapd.conf"
	hostapd -dd -t -f "$T_DIR/hostapd.log" "$T_DIR/hostapd.conf" &
	track $!
	wait_for 10 "hostapd to enable both BSSes" sh -c \
		"hostapd_cli -p '$T_DIR/hostapd' -i owe0 status | grep -qx state=ENABLED"
}

# br_check_ports: both BSSes are ports of br0
br_check_ports() {
	local i

	for i in wlan0 owe0; do
		[ "$(basename "$(readlink "/sys/class/net/$i/master")")" = br0 ] ||
			fail "$i is not a port of br0"
	done
}

# br_dnsmasq NS IFACE FIRST LAST: dnsmasq serving DHCP on IFACE (in netns
# NS, "" for the guest's own), leases of $BR_LEASE seconds from FIRST to
# LAST in 192.0.2.0/24; no DNS
br_dnsmasq() {
	local ns=$1 ifc=$2 pre=()

	[ -n "$ns" ] && pre=(ip netns exec "$ns")
	"${pre[@]}" dnsmasq --keep-in-foreground --conf-file=/dev/null \
		--port=0 --user=root --group=root --interface="$ifc" \
		--bind-interfaces --dhcp-authoritative \
		--dhcp-range="$3,$4,255.255.255.0,$BR_LEASE" \
		--dhcp-leasefile="$T_DIR/dnsmasq.leases" --pid-file= \
		--log-dhcp --log-facility="$T_DIR/dnsmasq.log" &
	track $!
}

# br_clients: an OWE client (PMF capable, as the OWE BSS requires PMF by
# default) and a legacy client, both asking for OPEN-OWE; each ends on its
# own BSS of the pair
br_clients() {
	local i

	for i in 1 2; do
		netns_sta "sta$i" "wlan$i"
		ip netns exec "sta$i" sysctl -q net.ipv6.conf.all.disable_ipv6=1
	done
	cat > "$T_DIR/wpas1.conf" <<-CONF
	ctrl_interface=$T_DIR/wpas-wlan1
	network={
		ssid="OPEN-OWE"
		key_mgmt=OWE
		ieee80211w=1
		scan_freq=2412
	}
	CONF
	cat > "$T_DIR/wpas2.conf" <<-CONF
	ctrl_interface=$T_DIR/wpas-wlan2
	network={
		ssid="OPEN-OWE"
		key_mgmt=NONE
		scan_freq=2412
	}
	CONF
	wpas_start sta1 wlan1 "$T_DIR/wpas1.conf"
	wpas_start sta2 wlan2 "$T_DIR/wpas2.conf"
	wait_for 40 "the OWE client to connect" wpas_completed sta1 wlan1
	wait_for 40 "the legacy client to connect" wpas_completed sta2 wlan2
	wpas_cli sta1 wlan1 status | tee "$T_DIR/s1"
	grep -qx "bssid=$BR_OWE_BSSID" "$T_DIR/s1" ||
		fail "the OWE client is not on the OWE BSS"
	grep -qx 'key_mgmt=OWE' "$T_DIR/s1" ||
		fail "the OWE client does not use OWE"
	wpas_cli sta2 wlan2 status | tee "$T_DIR/s2"
	grep -qx "bssid=$BR_OPEN_BSSID" "$T_DIR/s2" ||
		fail "the legacy client is not on the open BSS"
}

# br_dhcp NS IFACE: a DHCP lease for IFACE; prints the address
br_dhcp() {
	local ns=$1 ifc=$2

	cat > "$T_DIR/udhcpc.sh" <<-'SCRIPT'
	#!/bin/sh
	case "$1" in
	bound|renew)
		ip addr flush dev "$interface"
		ip addr add "$ip/${mask:-24}" dev "$interface"
		echo "$ip $lease" > "$LEASE_FILE"
		;;
	esac
	SCRIPT
	chmod +x "$T_DIR/udhcpc.sh"
	rm -f "$T_DIR/lease-$ifc"
	LEASE_FILE=$T_DIR/lease-$ifc ip netns exec "$ns" udhcpc -f -q -n \
		-t 10 -T 2 -i "$ifc" -s "$T_DIR/udhcpc.sh" \
		> "$T_DIR/udhcpc-$ifc.log" 2>&1 ||
		{ cat "$T_DIR/udhcpc-$ifc.log"; return 1; }
	[ -s "$T_DIR/lease-$ifc" ] || return 1
	cut -d' ' -f1 "$T_DIR/lease-$ifc"
}

# br_leases_and_pings LAN-ADDR...: both clients take a lease through their
# BSS and ping every LAN-ADDR and each other
br_leases_and_pings() {
	local a

	step "each client takes a DHCP lease through its BSS"
	BR_IP1=$(br_dhcp sta1 wlan1) || fail "the OWE client got no lease"
	log "OWE client: $BR_IP1"
	BR_IP2=$(br_dhcp sta2 wlan2) || fail "the legacy client got no lease"
	log "legacy client: $BR_IP2"
	log "dnsmasq's leases:"
	sed 's/^/    /' "$T_DIR/dnsmasq.leases"
	grep -q " $BR_IP1 " "$T_DIR/dnsmasq.leases" ||
		fail "dnsmasq did not record the OWE client's lease"

	step "both clients ping the LAN and each other"
	for a; do
		run ping_ok sta1 "$a" || fail "the OWE client cannot ping $a"
		run ping_ok sta2 "$a" || fail "the legacy client cannot ping $a"
	done
	run ping_ok sta1 "$BR_IP2" || fail "the OWE client cannot ping the legacy client"
	run ping_ok sta2 "$BR_IP1" || fail "the legacy client cannot ping the OWE client"
}

# br_check_traces: each client's trace shows IP_LEARN, then RUN with its
# leased address learned from the DHCP server's answer (owe.ko only)
br_check_traces() {
	local sta1 sta2 ipl runl

	step "the traces: IP_LEARN, then RUN with the leased address"
	if ! br_is_owectl; then
		hostapd_cli -p "$T_DIR/hostapd" -i owe0 all_sta | tee "$T_DIR/hapd-sta"
		grep -q '^flags=.*\[AUTHORIZED\]' "$T_DIR/hapd-sta" ||
			fail "hostapd lists no authorized station on owe0"
		return
	fi
	sta1=$(ip netns exec sta1 cat /sys/class/net/wlan1/address)
	sta2=$(ip netns exec sta2 cat /sys/class/net/wlan2/address)
	wait_for 5 "the OWE client to reach RUN" \
		sh -c "owectl dev owe0 station get $sta1 | grep -qP '^\tstate:\tRUN'"
	wait_for 5 "the legacy client to reach RUN" \
		sh -c "owectl dev wlan0 station get $sta2 | grep -qP '^\tstate:\tRUN'"
	owectl dev owe0 station get "$sta1" | tee "$T_DIR/t1"
	owectl dev wlan0 station get "$sta2" | tee "$T_DIR/t2"
	ipl=$(grep -n ' IP_LEARN ' "$T_DIR/t1" | head -n 1 | cut -d: -f1)
	runl=$(grep -n " RUN .*IP $BR_IP1 by DHCP, lease $BR_LEASE s" "$T_DIR/t1" |
		head -n 1 | cut -d: -f1)
	[ -n "$ipl" ] || fail "the OWE client's trace lacks IP_LEARN"
	[ -n "$runl" ] ||
		fail "the OWE client's trace lacks RUN with its lease of $BR_IP1"
	[ "$ipl" -lt "$runl" ] || fail "the OWE client reached RUN before IP_LEARN"
	grep -q " RUN .*IP $BR_IP2 by DHCP, lease $BR_LEASE s" "$T_DIR/t2" ||
		fail "the legacy client's trace lacks RUN with its lease of $BR_IP2"
}
