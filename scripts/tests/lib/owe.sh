# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# Helpers for the OWE end-to-end tests (scripts/tests/owe-*.sh), sourced after
# lib/common.sh inside the guest.
#
# The AP under test is owe.ko driven by owectl. OWE_TEST_AP=hostapd runs the
# same test against hostapd (Debian 2.10) instead: the frames on the air are
# the same protocol, so every capture query, supplicant event and ping of a
# test is first shown to work against the reference AP. Only the checks that
# read owe.ko's own state (owectl station/pmksa/ap show, counters) are
# skipped for hostapd, through ap_is_owectl.
#
# The AP is always wlan0 (192.0.2.1/24), SSID $OWE_SSID on 2412 MHz.

OWE_TEST_AP=${OWE_TEST_AP:-owectl}
OWE_SSID=owe-test
OWE_HAPD_CTRL=$T_DIR/hostapd

case "$OWE_TEST_AP" in
owectl|hostapd) ;;
*) fail "OWE_TEST_AP must be owectl or hostapd, not '$OWE_TEST_AP'" ;;
esac

# skip_test WHY: exit 77 (a tool the test needs is missing)
skip_test() {
	log "SKIP: $*"
	exit 77
}

# need_tools CMD...: skip unless every command exists
need_tools() {
	local c

	for c; do
		command -v "$c" >/dev/null || skip_test "$c is not installed"
	done
}

ap_is_owectl() { [ "$OWE_TEST_AP" = owectl ]; }

log "AP under test: $OWE_TEST_AP"
if ap_is_owectl; then
	need_tools owectl
	pgrep -x hostapd >/dev/null && fail "hostapd is running"
else
	need_tools hostapd hostapd_cli
fi

# hapd_cli ARGS...: hostapd_cli against the test's hostapd
hapd_cli() { hostapd_cli -p "$OWE_HAPD_CTRL" -i wlan0 "$@"; }

hapd_enabled() { hapd_cli status | grep -qx state=ENABLED; }

# start_ap [ssid S] [security owe|open] [groups G,G..]
#          [pmf off|optional|required] [ptk-workaround on|off] [quiet]:
# start a BSS on wlan0 with the AP under test ($OWE_TEST_AP; PMF required
# unless given, for hostapd too (ieee80211w=2), as owe.ko's default) and
# give the AP 192.0.2.1/24. An OWE BSS named $OWE_SSID unless told
# otherwise. quiet: no debug output from hostapd (for benchmarks) and no ap
# show. OWE_HAPD_PID is hostapd's process.
start_ap() {
	local groups='' pmf='' ssid=$OWE_SSID sec=owe quiet=0 ptkw=''

	while [ $# -gt 0 ]; do
		case "$1" in
		groups) groups=$2; shift 2 ;;
		pmf) pmf=$2; shift 2 ;;
		ptk-workaround) ptkw=$2; shift 2 ;;
		ssid) ssid=$2; shift 2 ;;
		security) sec=$2; shift 2 ;;
		quiet) quiet=1; shift ;;
		*) fail "start_ap: unknown option '$1'" ;;
		esac
	done
	case "$sec" in
	owe|open) ;;
	*) fail "start_ap: security is owe or open, not '$sec'" ;;
	esac

	OWE_HAPD_PID=
	if ap_is_owectl; then
		local args=(ssid "$ssid" freq 2412 security "$sec")

		[ -n "$groups" ] && args+=(groups "$groups")
		[ -n "$pmf" ] && args+=(pmf "$pmf")
		[ -n "$ptkw" ] && args+=(ptk-workaround "$ptkw")
		run owectl dev wlan0 ap start "${args[@]}" ||
			fail "owectl could not start the $sec BSS"
		if [ "$quiet" = 0 ]; then
			run owectl dev wlan0 ap show | tee "$T_DIR/ap-show"
			grep -q "$ssid" "$T_DIR/ap-show" ||
				fail "ap show does not name the SSID"
		fi
	else
		local w=2 dbg=(-dd)

		# owe.ko's default is pmf required
		case "$pmf" in
		off) w=0 ;;
		optional) w=1 ;;
		esac
		# debug logging would slow hostapd down; -t stamps its lines
		[ "$quiet" = 1 ] && dbg=()
		cat > "$T_DIR/hostapd.conf" <<-CONF
		interface=wlan0
		driver=nl80211
		ctrl_interface=$OWE_HAPD_CTRL
		ssid=$ssid
		hw_mode=g
		channel=1
		CONF
		if [ "$sec" = owe ]; then
			cat >> "$T_DIR/hostapd.conf" <<-CONF
			wpa=2
			wpa_key_mgmt=OWE
			rsn_pairwise=CCMP
			ieee80211w=$w
			CONF
			[ -n "$groups" ] &&
				echo "owe_groups=${groups//,/ }" >> "$T_DIR/hostapd.conf"
			[ "$ptkw" = on ] &&
				echo "owe_ptk_workaround=1" >> "$T_DIR/hostapd.conf"
		fi
		if [ "$quiet" = 0 ]; then
			log "hostapd.conf:"
			sed 's/^/    /' "$T_DIR/hostapd.conf"
		fi
		: > "$T_DIR/hostapd.log"
		hostapd "${dbg[@]}" -t -f "$T_DIR/hostapd.log" "$T_DIR/hostapd.conf" &
		OWE_HAPD_PID=$!
		track "$OWE_HAPD_PID"
		wait_for 10 "hostapd to enable the BSS" hapd_enabled
	fi
	run ip addr replace 192.0.2.1/24 dev wlan0
}

# start_ap_owe [groups G,G..] [pmf off|optional|required]: start_ap for
# the OWE BSS of the tests
start_ap_owe() {
	start_ap security owe "$@"
}

# ap_sta_macs: the MAC addresses of the stations mac80211 lists on wlan0
ap_sta_macs() {
	iw dev wlan0 station dump | sed -n 's/^Station \([0-9a-f:]*\) .*/\1/p'
}

# ap_sta_authorized MAC: mac80211 has MAC authorized on wlan0
ap_sta_authorized() {
	iw dev wlan0 station get "$1" 2>/dev/null | grep -qP '^\tauthorized:\tyes'
}

# ap_pmksa_flush: flush the AP's PMKSA cache
ap_pmksa_flush() {
	if ap_is_owectl; then
		run owectl dev wlan0 pmksa flush
	else
		run hapd_cli pmksa_flush
	fi
}

# ap_deauth_broadcast: the AP deauthenticates every station with one
# broadcast Deauthentication frame (reason 3)
ap_deauth_broadcast() {
	if ap_is_owectl; then
		run owectl dev wlan0 station del ff:ff:ff:ff:ff:ff reason 3
	else
		run hapd_cli deauthenticate ff:ff:ff:ff:ff:ff reason=3
	fi
}

# ap_counter NAME: one counter of `owectl dev wlan0 ap show` ("rx malformed")
ap_counter() {
	owectl dev wlan0 ap show | sed -n "s/^\t\t$1:\t\([0-9]*\)$/\1/p"
}

# wpas_conf_owe FILE IFACE [LINE...]: a wpa_supplicant configuration for an
# OWE network of SSID $OWE_SSID with extra network lines (owe_group=20, ...).
# The client is PMF capable (ieee80211w=1), as Enhanced Open clients are,
# unless a line sets ieee80211w: wpa_supplicant's own default is PMF off,
# and it skips a BSS that requires PMF, as the AP's default does.
wpas_conf_owe() {
	local file=$1 ifc=$2 line pmf="ieee80211w=1"

	shift 2
	for line; do
		[[ "$line" == ieee80211w=* ]] && pmf=
	done
	{
		echo "ctrl_interface=$T_DIR/wpas-$ifc"
		echo "network={"
		echo "	ssid=\"$OWE_SSID\""
		echo "	key_mgmt=OWE"
		echo "	scan_freq=2412"
		[ -n "$pmf" ] && echo "	$pmf"
		for line; do
			echo "	$line"
		done
		echo "}"
	} > "$file"
}

# sta_up NS IFACE ADDR [LINE...]: move IFACE's radio to netns NS, start
# wpa_supplicant there with an OWE network (extra lines as for
# wpas_conf_owe) and give IFACE ADDR/24; does not wait for the connection
sta_up() {
	local ns=$1 ifc=$2 addr=$3

	shift 3
	netns_sta "$ns" "$ifc"
	wpas_conf_owe "$T_DIR/wpas-$ifc.conf" "$ifc" "$@"
	wpas_start "$ns" "$ifc" "$T_DIR/wpas-$ifc.conf"
	ip -n "$ns" addr add "$addr/24" dev "$ifc"
}

# wpas_log_has IFACE ERE: wpa_supplicant's log of IFACE matches ERE
wpas_log_has() { grep -qE "$2" "$T_DIR/wpas-$1.log"; }

# check_sta_link NS IFACE KEY_MGMT: wpa_cli status shows COMPLETED with
# KEY_MGMT, and nl80211 shows the link on the station side
check_sta_link() {
	local ns=$1 ifc=$2 akm=$3 status

	status=$(wpas_cli "$ns" "$ifc" status)
	printf '%s\n' "$status" | sed 's/^/    /'
	printf '%s\n' "$status" | grep -qx "key_mgmt=$akm" ||
		fail "$ifc: key_mgmt is not $akm"
	printf '%s\n' "$status" | grep -qx 'wpa_state=COMPLETED' ||
		fail "$ifc: not COMPLETED"
	ip netns exec "$ns" iw dev "$ifc" link | tee "$T_DIR/link-$ifc" |
		sed 's/^/    /'
	grep -q "^Connected to $(cat /sys/class/net/wlan0/address)" \
		"$T_DIR/link-$ifc" || fail "$ifc: iw link shows no link to the AP"
	grep -q "SSID: $OWE_SSID" "$T_DIR/link-$ifc" ||
		fail "$ifc: iw link shows the wrong SSID"
}

# ping_both NS ADDR: the station at ADDR in NS and the AP ping each other
ping_both() {
	run ping_ok "$1" 192.0.2.1 || fail "$2 cannot ping the AP"
	run ping_ok "$2" || fail "the AP cannot ping $2"
}

# prime_len GROUP: octets of a public key (x only) of DH group GROUP
prime_len() {
	case "$1" in
	19) echo 32 ;;
	20) echo 48 ;;
	21) echo 66 ;;
	*) fail "prime_len: no curve for group $1" ;;
	esac
}

# check_dh_assoc CAP STA GROUP: in capture CAP, the last association
# request of STA carries a DH element of GROUP with a key of the curve's
# length, and the AP's last association response to STA succeeds with a DH
# element of the same group (and a key of that length)
check_dh_assoc() {
	local cap=$1 sta=$2 group=$3 len line s g k

	len=$(prime_len "$group")
	line=$(cap_fields "$cap" \
		"wlan.fc.type_subtype in {0,2} && wlan.sa == $sta" \
		wlan.ext_tag.owe_dh_parameter.group \
		wlan.ext_tag.owe_dh_parameter.public_key | tail -n 1)
	read -r g k <<< "$line"
	log "association request: DH group $g, key of $((${#k} / 2)) octets"
	[ "$g" = "$group" ] ||
		fail "the association request carries DH group '$g', not $group"
	[ "${#k}" = $((2 * len)) ] ||
		fail "the client's DH key is not $len octets"
	line=$(cap_fields "$cap" \
		"wlan.fc.type_subtype in {1,3} && wlan.da == $sta" \
		wlan.fixed.status_code wlan.ext_tag.owe_dh_parameter.group \
		wlan.ext_tag.owe_dh_parameter.public_key | tail -n 1)
	read -r s g k <<< "$line"
	s=$(cap_num "$s")
	log "association response: status $s, DH group $g, key of $((${#k} / 2)) octets"
	[ "$s" = 0 ] || fail "the association response has status '$s'"
	[ "$g" = "$group" ] ||
		fail "the association response carries DH group '$g', not $group"
	[ "${#k}" = $((2 * len)) ] || fail "the AP's DH key is not $len octets"
}

# check_4way CAP STA: capture CAP holds EAPOL-Key messages 1 to 4 between
# the AP and STA, in order, each from the right side (retransmissions of a
# message are allowed; the handshake must end with 1, 2, 3, 4)
check_4way() {
	local cap=$1 sta=$2 ap seq

	ap=$(cat /sys/class/net/wlan0/address)
	seq=$(cap_fields "$cap" "eapol && wlan.addr == $sta" \
		wlan.sa wlan_rsna_eapol.keydes.msgnr |
		awk -v ap="$ap" -v sta="$sta" '
			$1 == ap && ($2 == 1 || $2 == 3) { m = $2 }
			$1 == sta && ($2 == 2 || $2 == 4) { m = $2 }
			m != "" && m != last { s = s " " m; last = m }
			{ m = "" }
			END { print s }')
	log "EAPOL-Key messages:$seq"
	[[ "$seq" == *" 1 2 3 4" ]] ||
		fail "the capture lacks the 4-way handshake 1, 2, 3, 4"
}

# Keep the test's files (captures, logs) next to the kernel log of the run
# when the test fails: $OWE_RUNDIR/T_NAME/ (run.sh's run directory).
owe_exit() {
	local rc=$?

	t_cleanup
	if [ "$rc" != 0 ] && [ "$rc" != 77 ] && [ -d "${OWE_RUNDIR:-}" ]; then
		cp -r "$T_DIR" "$OWE_RUNDIR/$T_NAME" 2>/dev/null &&
			log "files kept in $OWE_RUNDIR/$T_NAME"
	fi
	exit "$rc"
}
trap owe_exit EXIT

# inject_mon MON IFACE: an active monitor MON on IFACE's radio, on 2412 MHz,
# for scripts/tests/inject/owe-inject.py (IFACE stays down). An active
# monitor acknowledges frames sent to its own address, as a station would.
inject_mon() {
	local mon=$1 phy

	phy=$(phy_of "$2")
	run ip link set "$2" down
	run iw phy "$phy" interface add "$mon" type monitor flags active ||
		fail "cannot add an active monitor on $phy"
	run ip link set "$mon" up || fail "cannot bring $mon up"
	run iw dev "$mon" set freq 2412 || fail "cannot tune $mon to 2412 MHz"
	log "$mon injects as $(cat "/sys/class/net/$mon/address")"
}
