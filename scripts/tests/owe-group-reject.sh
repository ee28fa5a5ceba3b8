#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Issue 5, item 3: an OWE BSS started with `groups 20,21` rejects a client
# forced to owe_group=19 with status 77 (finite cyclic group not supported):
# the capture shows the association response with status 77 and no DH
# element, wpa_supplicant reports ASSOC-REJECT status_code=77 and never
# completes. A client with the default group choice then walks from 19
# (rejected with 77) to 20 and connects; pings go both ways.
#
#   wlan0 (AP under test, groups 20,21)  ~~ hwsim ~~  wlan1 (STA, netns "sta")
#
# OWE_TEST_AP=hostapd runs it against hostapd (lib/owe.sh).
#
# owe-test: radios=2
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/capture.sh"
. "$(dirname "$0")/lib/owe.sh"

need_tools tshark wpa_supplicant wpa_cli iw

sta=$(cat /sys/class/net/wlan1/address)
sta_rejected() { wpas_log_has wlan1 'CTRL-EVENT-ASSOC-REJECT .*status_code=77'; }

step "start the OWE BSS with groups 20,21"
start_ap_owe groups 20,21
if ap_is_owectl; then
	grep -qP '^\tDH groups:\t20[ ,]21$' "$T_DIR/ap-show" ||
		fail "ap show does not list DH groups 20,21"
fi
netns_sta sta wlan1
ip -n sta addr add 192.0.2.2/24 dev wlan1

step "a client forced to owe_group=19 is rejected with status 77"
cap_start forced
wpas_conf_owe "$T_DIR/wpas-19.conf" wlan1 owe_group=19
wpas_start sta wlan1 "$T_DIR/wpas-19.conf"
wait_for 20 "ASSOC-REJECT status_code=77" sta_rejected
grep -m 1 'CTRL-EVENT-ASSOC-REJECT' "$T_DIR/wpas-wlan1.log" | sed 's/^/    /'
# give it time to retry: it must never get further
sleep 3
wpas_log_has wlan1 'CTRL-EVENT-CONNECTED' &&
	fail "the client forced to group 19 connected"
ap_sta_authorized "$sta" && fail "the AP authorized the group 19 client"
wpas_cli sta wlan1 terminate >/dev/null
cap_stop forced

resp=$(cap_fields forced "wlan.fc.type_subtype in {1,3} && wlan.da == $sta" \
	wlan.fixed.status_code wlan.ext_tag.owe_dh_parameter.group wlan.rsn.akms)
log "association responses (status, DH group, AKM):"
printf '%s\n' "$resp" | sed 's/^/    /'
[ -n "$resp" ] || fail "the capture holds no association response"
while read -r s g _; do
	[ "$(cap_num "$s")" = 77 ] ||
		fail "an association response to group 19 has status $s, not 77"
	[ "$g" = - ] || fail "a status 77 response carries a DH element"
done <<< "$resp"
req=$(cap_fields forced "wlan.fc.type_subtype in {0,2} && wlan.sa == $sta" \
	wlan.ext_tag.owe_dh_parameter.group | sort -u)
[ "$req" = 19 ] || fail "the forced client offered groups '$req', not only 19"

step "a client with the default group choice walks to 20 and connects"
mv "$T_DIR/wpas-wlan1.log" "$T_DIR/wpas-wlan1-forced.log"
cap_start walk
wpas_conf_owe "$T_DIR/wpas-default.conf" wlan1
wpas_start sta wlan1 "$T_DIR/wpas-default.conf"
wait_for 30 "the station to reach COMPLETED" wpas_completed sta wlan1
check_sta_link sta wlan1 OWE
ping_both sta 192.0.2.2
ap_sta_authorized "$sta" || fail "the AP has not authorized $sta"
if ap_is_owectl; then
	run owectl dev wlan0 station get "$sta" | tee "$T_DIR/get"
	grep -qP '^\tDH group:\t20$' "$T_DIR/get" ||
		fail "owectl does not show DH group 20"
fi
cap_stop walk

walk=''
while read -r t g s; do
	case "$(cap_num "$t")" in
	0|2) walk+=" req:$g" ;;
	1|3) walk+=" resp:$(cap_num "$s")" ;;
	esac
done <<< "$(cap_fields walk "wlan.fc.type_subtype <= 3 && wlan.addr == $sta" \
	wlan.fc.type_subtype wlan.ext_tag.owe_dh_parameter.group \
	wlan.fixed.status_code)"
log "association exchange:$walk"
[[ "$walk" == *"req:19 resp:77 "*"req:20 resp:0" ]] ||
	fail "the client did not walk from 19 (status 77) to 20 (success)"
check_dh_assoc walk "$sta" 20
check_4way walk "$sta"
pass
