#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# owectl's command line and its nl80211 half, which need no help from
# owe.ko: every bad value is refused with a message quoting it and a
# non-zero exit; "ap start" makes wlan0 an AP and starts a BSS whose
# beacons (seen from wlan1's scans) carry the SSID or a zero-length SSID,
# the capability bits, rates, DS parameters, ERP and WMM elements; when the
# owe step fails, the BSS is stopped again; "ap stop" stops it.
#
# The hidden --no-owe option skips the owe family step, so the nl80211 half
# can be checked on its own.
#
#   wlan0 (AP, owectl)  ~~ hwsim ~~  wlan1 (scans)
#
# owe-test: radios=2
. "$(dirname "$0")/lib/common.sh"

command -v owectl >/dev/null || fail "owectl is not built (make -C tools/owectl)"

# bss_ssid IFACE: the SSID nl80211 reports for IFACE's BSS ("" when none)
bss_ssid() { iw dev "$1" info | sed -n 's/^\tssid //p'; }

# scan_until IFACE FREQ PATTERN: passive scans on FREQ until a result block
# of our BSS matches PATTERN; the block is left in $T_DIR/scan
scan_until() {
	local ifc=$1 freq=$2 pattern=$3 i

	for ((i = 0; i < 20; i++)); do
		iw dev "$ifc" scan flush freq "$freq" passive 2>/dev/null |
			awk -v bss="$ap_mac" '/^BSS /{p = index($0, bss) > 0} p' \
			> "$T_DIR/scan"
		grep -qE -- "$pattern" "$T_DIR/scan" && return 0
	done
	log "last scan result of $ap_mac:"
	sed 's/^/    /' "$T_DIR/scan"
	fail "no beacon of $ap_mac matching '$pattern' on $freq MHz"
}

ap_mac=$(cat /sys/class/net/wlan0/address)
long_ssid=abcdefghijklmnopqrstuvwxyz0123456

step "bad values are refused, quoting the value"
refuses "no such interface 'wlan9'" dev wlan9 ap show
refuses "no such interface 'wlan9'" dev wlan9 ap start ssid t freq 2412
refuses "invalid frequency '1234'" dev wlan0 ap start ssid t freq 1234
refuses "invalid frequency '2413'" dev wlan0 ap start ssid t freq 2413
refuses "SSID '$long_ssid' is longer than 32 bytes" \
	dev wlan0 ap start ssid "$long_ssid" freq 2412
refuses "unknown option 'foo'" dev wlan0 ap start ssid t freq 2412 foo
refuses "option 'dtim-period' needs a value" dev wlan0 ap start ssid t freq 2412 dtim-period
refuses "invalid DTIM period '0'" dev wlan0 ap start ssid t freq 2412 dtim-period 0
refuses "invalid beacon interval '5'" dev wlan0 ap start ssid t freq 2412 beacon-interval 5
refuses "unsupported DH group '22'" dev wlan0 ap start ssid t freq 2412 groups 19,22
refuses "invalid security 'wep'" dev wlan0 ap start ssid t freq 2412 security wep
refuses "invalid PMF policy 'maybe'" dev wlan0 ap start ssid t freq 2412 pmf maybe
refuses "unknown cipher 'tkip'" dev wlan0 ap start ssid t freq 2412 cipher tkip
refuses "unknown AKM 'wpa3'" dev wlan0 ap start ssid t freq 2412 akm owe,wpa3
refuses "invalid ft value 'yes'" dev wlan0 ap start ssid t freq 2412 ft yes
refuses "no such interface 'wlan9'" dev wlan0 ap start ssid t freq 2412 transition wlan9
refuses "'wlan0' cannot be its own transition partner" \
	dev wlan0 ap start ssid t freq 2412 transition wlan0
refuses "invalid MAC address '02:00:00:00:00'" \
	dev wlan0 ap start ssid t freq 2412 transition-bssid 02:00:00:00:00 transition-ssid x
refuses "transition-bssid and transition-ssid go together" \
	dev wlan0 ap start ssid t freq 2412 transition-bssid 02:00:00:00:01:00
refuses "invalid channel '81-1'" dev wlan0 ap start ssid t freq 2412 \
	transition-bssid 02:00:00:00:01:00 transition-ssid x transition-channel 81-1
refuses "needs ssid <SSID> and freq <MHz>" dev wlan0 ap start ssid t
refuses "invalid MAC address 'zz:00:00:00:00:00'" dev wlan0 station get zz:00:00:00:00:00
refuses "invalid reason code '0'" dev wlan0 station del 02:00:00:00:01:00 reason 0
refuses "unknown command 'ap bogus'" dev wlan0 ap bogus
refuses "unknown command 'bogus'" bogus
refuses "unknown option '--bogus'" --bogus
refuses "unknown command 'bogus'" help bogus
[ "$(bss_ssid wlan0)" = "" ] || fail "a refused command left a BSS on wlan0"

step "help lists every command; --version"
help=$(owectl help) || fail "owectl help failed"
for c in "ap start" "ap stop" "ap show" "ap rekey" "station dump" "station get" \
	 "station del" "pmksa show" "pmksa flush" "owectl event"; do
	printf '%s\n' "$help" | grep -qF "$c" || fail "owectl help does not list '$c'"
done
owectl --version | grep -qE '^owectl version ' || fail "owectl --version"

step "ap start rolls back when the owe step fails"
# Without the owe family the step fails; with it, owe.ko must refuse OWE
# with FT. Either way no BSS may be left behind.
run ip link set wlan1 up
out=$(owectl dev wlan0 ap start ssid owectl-rollback freq 2412 security owe ft on 2>&1)
rc=$?
printf '%s\n' "$out" | sed 's/^/    /'
[ "$rc" != 0 ] || fail "ap start with OWE and FT succeeded"
if genl ctrl get name owe >/dev/null 2>&1; then
	printf '%s\n' "$out" | grep -q '^kernel reports: ' ||
		fail "owe.ko refused the BSS without an extack message"
else
	printf '%s\n' "$out" | grep -qF "no 'owe' generic netlink family" ||
		fail "the missing owe family was not reported"
fi
printf '%s\n' "$out" | grep -qF "the BSS on 'wlan0' was stopped again" ||
	fail "owectl did not report stopping the BSS"
iw dev wlan0 info | grep -q $'^\ttype AP$' || fail "wlan0 was not made an AP"
[ "$(bss_ssid wlan0)" = "" ] || fail "the BSS on wlan0 was left running"

step "nl80211 half: an open BSS on 2412 MHz beacons as configured"
run owectl --no-owe dev wlan0 ap start ssid owectl-open freq 2412 dtim-period 3 ||
	fail "ap start (nl80211 only) failed"
[ "$(bss_ssid wlan0)" = owectl-open ] || fail "nl80211 reports no BSS 'owectl-open'"
iw dev wlan0 info | grep -q $'^\tchannel 1 (2412 MHz), width: 20 MHz (no HT)' ||
	fail "wlan0 is not on channel 1, 20 MHz no HT"
scan_until wlan1 2412 '^[[:space:]]*SSID: owectl-open$'
sed 's/^/    /' "$T_DIR/scan"
grep -qF 'capability: ESS (0x0001)' "$T_DIR/scan" ||
	fail "the open BSS does not beacon capability ESS only"
grep -qF 'Supported rates: 1.0* 2.0* 5.5* 11.0* 6.0 9.0 12.0 18.0' "$T_DIR/scan" ||
	fail "supported rates"
grep -qF 'Extended supported rates: 24.0 36.0 48.0 54.0' "$T_DIR/scan" ||
	fail "extended supported rates"
grep -qF 'DS Parameter set: channel 1' "$T_DIR/scan" || fail "DS parameter set"
grep -qF 'ERP: <no flags>' "$T_DIR/scan" || fail "ERP element"
grep -qF 'DTIM Period 3' "$T_DIR/scan" || fail "DTIM period 3 in the TIM element"
grep -q 'WMM:.*Parameter version 1' "$T_DIR/scan" || fail "WMM parameter element"
grep -qE 'VO: CW 3-7, AIFSN 2, TXOP 1504 usec' "$T_DIR/scan" || fail "WMM AC_VO parameters"
grep -q 'RSN:' "$T_DIR/scan" && fail "owectl put an RSNE in the beacon (owe.ko's job)"

step "a second ap start is refused while the BSS runs"
refuses "'wlan0' already runs a BSS" --no-owe dev wlan0 ap start ssid again freq 2412

step "ap stop stops the BSS; a second ap stop says there is none"
run owectl --no-owe dev wlan0 ap stop || fail "ap stop failed"
[ "$(bss_ssid wlan0)" = "" ] || fail "the BSS still runs after ap stop"
refuses "no BSS runs on 'wlan0'" --no-owe dev wlan0 ap stop

step "nl80211 half: a hidden OWE BSS on 2437 MHz beacons a zero-length SSID and Privacy"
run owectl --no-owe dev wlan0 ap start ssid owectl-hidden freq 2437 hidden security owe ||
	fail "ap start (hidden, owe) failed"
[ "$(bss_ssid wlan0)" = owectl-hidden ] || fail "nl80211 reports no BSS 'owectl-hidden'"
scan_until wlan1 2437 'capability: '
sed 's/^/    /' "$T_DIR/scan"
grep -qE '^[[:space:]]*SSID: *$' "$T_DIR/scan" ||
	fail "the hidden BSS does not beacon a zero-length SSID"
grep -qF 'owectl-hidden' "$T_DIR/scan" && fail "the hidden BSS beacons its SSID"
grep -qF 'capability: ESS Privacy (0x0011)' "$T_DIR/scan" ||
	fail "the OWE BSS does not beacon capability ESS + Privacy"
grep -qF 'DS Parameter set: channel 6' "$T_DIR/scan" || fail "DS parameter set"
run owectl --no-owe dev wlan0 ap stop || fail "ap stop failed"
pass
