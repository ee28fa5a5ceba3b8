#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Issue 14, item 2: on 6 GHz an open BSS is refused, and OWE only runs
# with PMF required, each with its own message that owectl prints (and
# then stops the BSS it started through nl80211 again). OWE with PMF
# required (the default) starts on 6 GHz and beacons there with MFPC and
# MFPR set. (A client does not join it here: a 6 GHz client needs HE
# elements in the beacon, which owectl's 20 MHz non-HT beacon lacks.)
#
# The radio is added through mac80211_hwsim's generic netlink family
# with hwsim's own regulatory domain 2, which enables 5955-7115 MHz; the
# world domain of a guest without a regulatory database has no 6 GHz.
#
#   phy6ap (AP under test, 5975 MHz)  ~~ hwsim0 (capture)
#
#
# owe-test: radios=1
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/capture.sh"

command -v owectl >/dev/null || fail "owectl is not built"
hwsim=$(dirname "$0")/inject/hwsim-radio.py
freq=5975

# new_radio PHY VAR: add a hwsim radio named PHY with hwsim's regulatory
# domain 2; its interface in VAR
new_radio() {
	local ifc

	run python3 "$hwsim" new "$1" 2 || fail "cannot add the radio $1"
	wait_for 5 "$1's interface" sh -c "ls /sys/class/ieee80211/$1/device/net/ | grep -q ."
	ifc=$(ls "/sys/class/ieee80211/$1/device/net/" | head -n 1)
	printf -v "$2" '%s' "$ifc"
}

step "a radio with 6 GHz channels"
new_radio phy6ap ap
log "AP interface $ap"
iw phy phy6ap channels 2>/dev/null | grep -A1 "\[$freq MHz\]\|$freq MHz" | sed 's/^/    /'
iw phy phy6ap info | grep -q " $freq\(\.0\)\? MHz \[5\]" ||
	fail "the radio has no 6 GHz channel 5 ($freq MHz)"
iw phy phy6ap info | grep " $freq\(\.0\)\? MHz \[5\]" | grep -q disabled &&
	fail "6 GHz channel 1 is disabled on the radio"

step "an open BSS on 6 GHz is refused"
refuses "an open BSS is not allowed on 6 GHz" dev "$ap" ap start ssid open6 freq $freq
iw dev "$ap" info | grep -q 'ssid open6' && fail "the refused open BSS still runs"

step "OWE with pmf optional or off on 6 GHz is refused"
refuses "OWE on 6 GHz requires pmf required, not pmf optional" \
	dev "$ap" ap start ssid owe6 freq $freq security owe pmf optional
refuses "OWE on 6 GHz requires pmf required, not pmf off" \
	dev "$ap" ap start ssid owe6 freq $freq security owe pmf off
iw dev "$ap" info | grep -q 'ssid owe6' && fail "a refused OWE BSS still runs"

step "OWE with PMF required (the default) starts on 6 GHz"
run owectl dev "$ap" ap start ssid owe6 freq $freq security owe ||
	fail "OWE with PMF required does not start on 6 GHz"
owectl dev "$ap" ap show | tee "$T_DIR/ap-show"
grep -qP '^\tPMF:\trequired$' "$T_DIR/ap-show" || fail "ap show does not say PMF required"
iw dev "$ap" info | sed 's/^/    /'
iw dev "$ap" info | grep -q "channel 5 ($freq MHz)" || fail "the BSS is not on $freq MHz"

step "the BSS beacons on $freq MHz with PMF required"
cap_start six
sleep 2
cap_stop six
apmac=$(cat "/sys/class/net/$ap/address")
f=$(cap_fields six "wlan.fc.type_subtype == 8 && wlan.sa == $apmac" \
	radiotap.channel.freq wlan.rsn.akms.type wlan.rsn.capabilities.mfpc \
	wlan.rsn.capabilities.mfpr | sort -u)
log "beacons of $apmac (frequency, AKM, MFPC, MFPR): $f"
[ "$(printf '%s\n' "$f" | grep -c .)" = 1 ] || fail "no beacons, or beacons that differ"
read -r bf akm c r <<< "$f"
[ "$bf" = "$freq" ] || fail "the beacons are on $bf MHz"
[ "$(cap_num "$akm")" = 18 ] || fail "the beacons' AKM is '$akm', not OWE"
[[ "$c $r" =~ ^(1|True)\ (1|True)$ ]] || fail "the beacons say MFPC $c, MFPR $r"
pass
