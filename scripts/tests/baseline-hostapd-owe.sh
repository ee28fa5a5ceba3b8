#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Baseline that proves the test bed: hostapd (Debian 2.10) as an OWE AP with
# PMF required on radio 0, an unmodified wpa_supplicant with key_mgmt=OWE on
# radio 1 in its own network namespace, and pings both ways across the air.
# hostapd stays in this project only as this baseline and as the reference
# for benchmarks.
#
#   wlan0 (AP, hostapd)  ~~ hwsim ~~  wlan1 (STA, netns "sta")
#   192.0.2.1/24                      192.0.2.2/24
#
# owe-test: radios=2
. "$(dirname "$0")/lib/common.sh"

command -v hostapd >/dev/null || fail "hostapd is not installed"

step "hostapd: OWE AP on wlan0 (wpa_key_mgmt=OWE, ieee80211w=2)"
cat > "$T_DIR/hostapd.conf" <<CONF
interface=wlan0
driver=nl80211
ctrl_interface=$T_DIR/hostapd
ssid=owe-baseline
hw_mode=g
channel=1
wpa=2
wpa_key_mgmt=OWE
rsn_pairwise=CCMP
ieee80211w=2
CONF
hostapd -dd -t -f "$T_DIR/hostapd.log" "$T_DIR/hostapd.conf" &
track $!
wait_for 10 "hostapd to enable the BSS" \
	sh -c "hostapd_cli -p '$T_DIR/hostapd' -i wlan0 status | grep -qx state=ENABLED"
run ip addr add 192.0.2.1/24 dev wlan0

step "wpa_supplicant: key_mgmt=OWE, ieee80211w=2 on wlan1 in netns sta"
netns_sta sta wlan1
cat > "$T_DIR/wpas.conf" <<CONF
ctrl_interface=$T_DIR/wpas-wlan1
network={
	ssid="owe-baseline"
	key_mgmt=OWE
	ieee80211w=2
	scan_freq=2412
}
CONF
wpas_start sta wlan1 "$T_DIR/wpas.conf"
wait_for 30 "the station to reach COMPLETED" wpas_completed sta wlan1

status=$(wpas_cli sta wlan1 status)
log "wpa_supplicant status:"
printf '%s\n' "$status" | sed 's/^/    /'
printf '%s\n' "$status" | grep -qx 'key_mgmt=OWE' || fail "key_mgmt is not OWE"
printf '%s\n' "$status" | grep -qx 'pairwise_cipher=CCMP' ||
	fail "pairwise cipher is not CCMP"
printf '%s\n' "$status" | grep -qx 'pmf=2' || fail "PMF is not required on the link"

step "ping both ways"
run ip -n sta addr add 192.0.2.2/24 dev wlan1
run ping_ok sta 192.0.2.1 || fail "station cannot ping the AP"
run ping_ok 192.0.2.2 || fail "AP cannot ping the station"

step "hostapd sees an authorized station"
sta=$(hostapd_cli -p "$T_DIR/hostapd" -i wlan0 all_sta)
printf '%s\n' "$sta" | grep -q '^flags=.*\[AUTHORIZED\]' ||
	fail "hostapd lists no authorized station"
printf '%s\n' "$sta" | sed 's/^/    /'
printf '%s\n' "$sta" | grep -qx 'AKMSuiteSelector=00-0f-ac-18' ||
	fail "hostapd's station does not use AKM 00-0f-ac:18"
pass
