#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Air capture of the simulated radios: mac80211_hwsim's hwsim0 monitor sees
# every frame any hwsim radio transmits, with a radiotap header. The file is
# pcapng; open it in Wireshark. Run it inside a guest (scripts/vm/run.sh).
#
#   scripts/capture.sh start FILE        start recording hwsim0 into FILE
#   scripts/capture.sh stop              stop it; the file is complete then
#   scripts/capture.sh run FILE -- CMD [ARGS...]
#                                        record while CMD runs; CMD's status
#   scripts/capture.sh summary FILE      the OWE transition flow in FILE, one
#                                        line per frame kind and station
#
# start and stop keep their state in $OWE_CAPTURE_STATE (default
# /run/owe-capture). The summary uses tshark's dissector fields only: the
# OWE Transition Mode element (wlan.wfa.ie.owe.*), the SSID, the RSN AKM,
# the DH Parameter element (wlan.ext_tag.owe_dh_parameter.*) and the
# EAPOL-Key information (wlan_rsna_eapol.keydes.*).
set -uo pipefail

# shellcheck source=scripts/tests/lib/capture.sh
. "$(dirname "$0")/tests/lib/capture.sh"

state=${OWE_CAPTURE_STATE:-/run/owe-capture}
mon=${OWE_CAPTURE_IFACE:-hwsim0}

die() {
	echo "capture.sh: $*" >&2
	exit 1
}

usage() {
	sed -n '/^#   scripts/,/^#$/p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

need_tshark() {
	command -v tshark >/dev/null || die "tshark is not installed (apt-get install tshark)"
}

abspath() {
	local dir

	dir=$(cd "$(dirname "$1")" 2>/dev/null && pwd) || die "no directory for $1"
	echo "$dir/$(basename "$1")"
}

do_start() {
	local file=$1

	need_tshark
	[ -e "$state.pid" ] && kill -0 "$(cat "$state.pid")" 2>/dev/null &&
		die "a capture is already running (into $(cat "$state.file")): stop it first"
	[ -e "/sys/class/net/$mon" ] ||
		die "no $mon interface: is mac80211_hwsim loaded (run this in the guest)?"
	file=$(abspath "$file") || exit 1
	mkdir -p "$(dirname "$state")"
	ip link set "$mon" up || die "cannot bring $mon up"
	rm -f "$file"
	cap_rec_start "$mon" "$file" "$state.log" ||
		die "tshark did not start capturing on $mon"
	echo "$CAP_REC_PID" > "$state.pid"
	echo "$file" > "$state.file"
	echo "capture: recording $mon into $file"
}

do_stop() {
	local file

	[ -e "$state.pid" ] || die "no capture is running"
	file=$(cat "$state.file")
	cap_rec_stop "$(cat "$state.pid")"
	rm -f "$state.pid"
	[ -s "$file" ] || die "the capture $file is empty"
	echo "capture: $(stat -c %s "$file") bytes in $file"
}

do_run() {
	local file=$1 rc

	shift
	[ "${1:-}" = -- ] && shift
	[ $# -gt 0 ] || usage
	do_start "$file" || exit 1
	"$@"
	rc=$?
	do_stop || exit 1
	return "$rc"
}

# One line per frame kind and station, in capture order. Beacons and probe
# responses are listed once per BSS, probe requests once per station and
# SSID, authentication, association and EAPOL-Key once per station and
# direction (EAPOL once per message number).
do_summary() {
	local file=$1

	need_tshark
	[ -s "$file" ] || die "no capture file $file"
	echo "capture $file:"
	tshark -r "$file" -n -T fields -E separator=/t -E occurrence=a \
		-E aggregator=, \
		-e frame.time_relative -e wlan.fc.type_subtype -e wlan.sa \
		-e wlan.da -e wlan.bssid -e wlan.ssid -e wlan.tag.number \
		-e wlan.wfa.ie.owe.bssid -e wlan.wfa.ie.owe.ssid \
		-e wlan.wfa.ie.owe.band_info -e wlan.wfa.ie.owe.channel_info \
		-e wlan.rsn.akms.type -e wlan.fixed.auth.alg \
		-e wlan.fixed.auth_seq -e wlan.fixed.status_code \
		-e wlan.ext_tag.owe_dh_parameter.group \
		-e wlan.ext_tag.owe_dh_parameter.public_key \
		-e wlan_rsna_eapol.keydes.msgnr \
		-e wlan_rsna_eapol.keydes.key_info \
		-e wlan_rsna_eapol.keydes.key_info.key_ack \
		-e wlan_rsna_eapol.keydes.key_info.key_mic \
		-e wlan_rsna_eapol.keydes.key_info.install \
		-e wlan_rsna_eapol.keydes.key_info.secure \
		-e wlan_rsna_eapol.keydes.key_info.encrypted_key_data \
		-e wlan_rsna_eapol.keydes.key_info.key_type \
		2>/dev/null | awk -F '\t' "$(summary_awk)"
}

# tshark prints an SSID (FT_BYTES) as hex digits, a zero-length one as
# "<MISSING>": show it as text
summary_awk() {
	cat <<'AWK'
function hex(h,   i, v) {
	v = 0
	h = tolower(h)
	for (i = 1; i <= length(h); i++)
		v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
	return v
}
function ssid(s,   i, o, c) {
	if (s == "" || s == "<MISSING>")
		return "(zero-length)"
	if (s !~ /^[0-9a-fA-F]+$/ || length(s) % 2)
		return "\"" s "\""
	o = ""
	for (i = 1; i < length(s); i += 2) {
		c = hex(substr(s, i, 2))
		o = o (c >= 32 && c < 127 ? sprintf("%c", c) : sprintf("\\x%02x", c))
	}
	return "\"" o "\""
}
function num(v) {
	return v ~ /^0x/ ? hex(substr(v, 3)) : v + 0
}
function trans(   s) {
	if ($8 == "")
		return ""
	s = sprintf("; OWE transition element: BSSID %s SSID \"%s\"", $8, $9)
	if ($10 != "" && $11 != "")
		s = s sprintf(" op-class %d channel %d", num($10), num($11))
	return s
}
function akm(   s) {
	return $12 == "" ? "no RSNE (open)" : "RSN AKM " $12 ($12 == "18" ? " (OWE)" : "")
}
function dh() {
	if ($16 == "")
		return ", no DH element"
	return sprintf(", DH Parameter element: group %s, %d-octet key", $16,
	    length($17) / 2)
}
function once(key) {
	if (key in seen)
		return 0
	seen[key] = 1
	return 1
}
END {
	printf("  %d frames in all\n", NR)
}
function out(what, rest) {
	printf("  %9.6f  %-22s %s\n", $1, what, rest)
}
{
	st = num($2)
	if ($2 == "") {
		next
	} else if ($18 != "") {
		if (!once("eapol " $3 " " $4 " " $18))
			next
		flags = ""
		if ($25 == "1" || $25 == "True") flags = flags " pairwise"
		if ($20 == "1" || $20 == "True") flags = flags " ack"
		if ($21 == "1" || $21 == "True") flags = flags " mic"
		if ($22 == "1" || $22 == "True") flags = flags " install"
		if ($23 == "1" || $23 == "True") flags = flags " secure"
		if ($24 == "1" || $24 == "True") flags = flags " encrypted-data"
		out("EAPOL-Key " $18 "/4", sprintf("%s -> %s key info %s (%s)",
		    $3, $4, $19, substr(flags, 2)))
	} else if (st == 8) {
		if (!once("beacon " $3))
			next
		out("beacon", sprintf("BSSID %s SSID %s, %s%s", $5, ssid($6),
		    akm(), trans()))
	} else if (st == 4) {
		if (!once("probe " $3 " " $6))
			next
		s = ($6 == "" || $6 == "<MISSING>") ? "(wildcard)" : ssid($6)
		out("probe request", sprintf("%s -> %s SSID %s", $3, $4, s))
	} else if (st == 5) {
		if (!once("presp " $3 " " $4))
			next
		out("probe response", sprintf("%s -> %s SSID %s, %s%s", $3, $4,
		    ssid($6), akm(), trans()))
	} else if (st == 11) {
		if (!once("auth " $3 " " $4))
			next
		alg = num($13) == 0 ? "open system" : "algorithm " num($13)
		out("authentication", sprintf("%s -> %s %s seq %d status %d",
		    $3, $4, alg, num($14), num($15)))
	} else if (st == 0 || st == 2) {
		if (!once("assoc " $3 " " $4))
			next
		what = st ? "reassociation request" : "association request"
		out(what, sprintf("%s -> %s SSID %s, %s%s", $3, $4, ssid($6),
		    akm(), dh()))
	} else if (st == 1 || st == 3) {
		if (!once("aresp " $3 " " $4))
			next
		what = st == 1 ? "association response" : "reassociation response"
		out(what, sprintf("%s -> %s status %d%s", $3, $4, num($15), dh()))
	}
}
AWK
}

case "${1:-}" in
start)
	[ $# = 2 ] || usage
	do_start "$2"
	;;
stop)
	[ $# = 1 ] || usage
	do_stop
	;;
run)
	[ $# -ge 3 ] || usage
	shift
	do_run "$@"
	;;
summary)
	[ $# = 2 ] || usage
	do_summary "$2"
	;;
*)
	usage
	;;
esac
