#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Issue 5, item 4: PMKSA caching. A client connects (full DH), disconnects
# and reconnects: the second association request carries the PMKID of the
# first connection, the AP answers with that PMKID in its RSNE and no DH
# element, and EAPOL-Key message 1 carries the PMKID KDE. After the AP's
# `pmksa flush` the next connection does a full DH again (response with a DH
# element, no PMKID) and yields a new PMKID. Each connection is checked with
# pings both ways; owectl's pmksa show follows the cache.
#
#   wlan0 (AP under test)  ~~ hwsim ~~  wlan1 (STA, netns "sta")
#
# OWE_TEST_AP=hostapd runs it against hostapd (lib/owe.sh).
#
# owe-test: radios=2
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/capture.sh"
. "$(dirname "$0")/lib/owe.sh"

need_tools tshark wpa_supplicant wpa_cli iw

sta=$(cat /sys/class/net/wlan1/address)

# sta_pmkid: the PMKID wpa_supplicant caches for the AP (one entry)
sta_pmkid() {
	wpas_cli sta wlan1 pmksa | awk 'NR > 1 && NF >= 3 { print $3 }'
}

# ap_pmksa_has PMKID: owectl's pmksa show lists PMKID for the station
ap_pmksa_has() {
	owectl dev wlan0 pmksa show | tee "$T_DIR/pmksa" | sed 's/^/    /'
	grep -q "^PMKSA $sta " "$T_DIR/pmksa" && grep -qP "^\tPMKID:\t$1\$" "$T_DIR/pmksa"
}

# last_req_pmkid CAP: the PMKIDs offered in the last association request;
# last_resp CAP: status, DH group and PMKIDs of the last association response
last_req_pmkid() {
	cap_fields "$1" "wlan.fc.type_subtype in {0,2} && wlan.sa == $sta" \
		wlan.pmkid.akms | tail -n 1
}
last_resp() {
	cap_fields "$1" "wlan.fc.type_subtype in {1,3} && wlan.da == $sta" \
		wlan.fixed.status_code wlan.ext_tag.owe_dh_parameter.group \
		wlan.pmkid.akms | tail -n 1
}

# connect CAP: (re)connect with a capture CAP around it, ping both ways
connect() {
	cap_start "$1"
	wpas_cli sta wlan1 reconnect >/dev/null
	wait_for 30 "the station to reach COMPLETED" wpas_completed sta wlan1
	check_sta_link sta wlan1 OWE
	ping_both sta 192.0.2.2
}

# leave CAP: disconnect, wait until the AP dropped the station, stop CAP
leave() {
	wpas_cli sta wlan1 disconnect >/dev/null
	wait_for 10 "the AP to drop $sta" \
		sh -c "! iw dev wlan0 station dump | grep -q '$sta'"
	cap_stop "$1"
}

step "start the OWE BSS; a client connects with a full DH exchange"
start_ap_owe
netns_sta sta wlan1
ip -n sta addr add 192.0.2.2/24 dev wlan1
wpas_conf_owe "$T_DIR/wpas.conf" wlan1 owe_group=19
cap_start first
wpas_start sta wlan1 "$T_DIR/wpas.conf"
wait_for 30 "the station to reach COMPLETED" wpas_completed sta wlan1
check_sta_link sta wlan1 OWE
ping_both sta 192.0.2.2
pmkid1=$(sta_pmkid)
log "PMKID of the first connection: $pmkid1"
[ ${#pmkid1} = 32 ] || fail "wpa_supplicant caches no PMKSA for the AP"
if ap_is_owectl; then
	ap_pmksa_has "$pmkid1" || fail "the AP's PMKSA cache lacks $pmkid1"
	run owectl dev wlan0 station get "$sta" | tee "$T_DIR/get1"
	grep -qP "^\tPMKID:\t$pmkid1\$" "$T_DIR/get1" ||
		fail "station get does not show PMKID $pmkid1"
fi
leave first
check_dh_assoc first "$sta" 19
read -r s g p <<< "$(last_resp first)"
[ "$p" = - ] || fail "the first association response carries a PMKID ($p)"
check_4way first "$sta"

step "reconnect: PMKSA caching (same PMKID, no DH element in the response)"
connect cached
[ "$(sta_pmkid)" = "$pmkid1" ] || fail "the PMKID changed on PMKSA caching"
if ap_is_owectl; then
	run owectl dev wlan0 station get "$sta" | tee "$T_DIR/get2"
	grep -qP '^\tPMKSA cached:\tyes$' "$T_DIR/get2" ||
		fail "station get does not show the PMKSA as cached"
	[ "$(ap_counter 'PMKSA cache hits')" = 1 ] ||
		fail "the PMKSA cache hit counter is not 1"
fi
leave cached
req=$(last_req_pmkid cached)
log "association request offers PMKID $req"
[ "$req" = "$pmkid1" ] || fail "the reconnection does not offer PMKID $pmkid1"
read -r s g p <<< "$(last_resp cached)"
log "association response: status $(cap_num "$s"), DH group $g, PMKID $p"
[ "$(cap_num "$s")" = 0 ] || fail "the cached association was refused ($s)"
[ "$g" = - ] || fail "the PMKSA-caching response carries a DH element"
[ "$p" = "$pmkid1" ] || fail "the response does not echo PMKID $pmkid1"
kde=$(cap_fields cached "eapol && wlan.sa == $(cat /sys/class/net/wlan0/address) &&
	wlan_rsna_eapol.keydes.msgnr == 1" wlan.rsn.ie.pmkid | tail -n 1)
log "message 1 PMKID KDE: $kde"
[ "$kde" = "$pmkid1" ] || fail "message 1 lacks the PMKID KDE $pmkid1"
check_4way cached "$sta"

step "pmksa flush on the AP: the next connection does a full DH"
ap_pmksa_flush
if ap_is_owectl; then
	ap_pmksa_has "$pmkid1" && fail "pmksa show still lists $pmkid1"
fi
connect flushed
pmkid2=$(sta_pmkid)
log "PMKID after the flush: $pmkid2"
[ ${#pmkid2} = 32 ] || fail "wpa_supplicant caches no PMKSA after the flush"
[ "$pmkid2" != "$pmkid1" ] || fail "the PMKID did not change after the flush"
leave flushed
check_dh_assoc flushed "$sta" 19
read -r s g p <<< "$(last_resp flushed)"
[ "$p" = - ] || fail "the response after the flush carries a PMKID ($p)"
check_4way flushed "$sta"
pass
