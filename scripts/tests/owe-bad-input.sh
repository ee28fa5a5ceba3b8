#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Issue 5, item 7: bad input from a forged station. From an active monitor
# on a spare radio, inject/owe-inject.py authenticates and sends association
# requests whose DH element is truncated (runs past the end of the frame),
# carries an x that is on no curve point, a key one octet short or long, or
# an unsupported group (22); and, after a valid association, EAPOL-Key
# message 2 with a corrupted MIC. The AP answers each request with the
# right status (seen by the injector and in the capture), drops the bad
# message 2 silently (no message 3; message 1 is retransmitted and the
# station is deauthenticated with reason 15), logs rate-limited messages,
# and meanwhile a legitimate wpa_supplicant client connects and pings both
# ways. Positive controls prove the injector right: a valid DH element is
# accepted and a correct MIC yields message 3. Afterwards only the
# legitimate station is left. With owe.ko the counters move: rx malformed,
# association rejections, EAPOL MIC failures, handshake timeouts. Run it
# under `scripts/vm/run.sh --debug` too (leaks: kmemleak).
#
#   wlan0 (AP under test)  ~~ hwsim ~~  wlan1 (STA, netns "sta")
#                                       mon2 (injector on radio 2)
#
# OWE_TEST_AP=hostapd runs it against hostapd (lib/owe.sh), to show how the
# reference AP reacts.
#
# owe-test: radios=3
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/capture.sh"
. "$(dirname "$0")/lib/owe.sh"

need_tools tshark wpa_supplicant wpa_cli iw python3
python3 -c 'import cryptography' 2>/dev/null ||
	skip_test "python3-cryptography is not installed"

inject=$(dirname "$0")/inject/owe-inject.py
sta=$(cat /sys/class/net/wlan1/address)
ap=$(cat /sys/class/net/wlan0/address)
FLOOD=40

# expected VARIANT: the association statuses the AP under test may answer
expected() {
	case "$OWE_TEST_AP:$1" in
	*:valid) echo 0 ;;
	owectl:truncated) echo 1 40 ;;
	hostapd:truncated) echo 1 ;;
	*:offcurve) echo 1 ;;
	owectl:shortkey|owectl:longkey) echo 1 ;;
	# hostapd 2.10 leaves the length to OpenSSL, which pads a short x and
	# may strip a leading zero: it can accept both
	hostapd:shortkey|hostapd:longkey) echo 0 1 ;;
	*:badgroup) echo 77 ;;
	esac
}

# injected CMD ARGS...: run the injector on mon2; its output in $T_DIR/inj
injected() {
	log "+ owe-inject.py mon2 $*"
	python3 "$inject" mon2 "$@" > "$T_DIR/inj" 2>&1
	local rc=$?
	sed 's/^/    /' "$T_DIR/inj"
	return $rc
}

# inj_val KEY: the value the injector printed for KEY
inj_val() { sed -n "s/^$1 //p" "$T_DIR/inj" | tail -n 1; }

# count NAME: an owe.ko counter (0 for hostapd)
count() { if ap_is_owectl; then ap_counter "$1"; else echo 0; fi; }

klog_lines() { dmesg | grep -c "$inj_mac"; }

step "start the OWE BSS, the injector's monitor and a capture"
# pmf optional: the injector's station has no PMF (the PMF policy is
# pmf-default's and owe-pmf's subject, not this test's)
start_ap_owe pmf optional
inject_mon mon2 wlan2
inj_mac=$(cat /sys/class/net/mon2/address)
if ap_is_owectl; then
	# owe.ko reports bad frames with rate-limited netdev_dbg()
	echo 'module owe +p' > /sys/kernel/debug/dynamic_debug/control ||
		fail "cannot enable owe.ko's debug messages"
fi
malformed0=$(count 'rx malformed')
rejects0=$(count 'tx association rejections')
micfail0=$(count 'EAPOL MIC failures')
timeouts0=$(count 'handshake timeouts')
cap_start bad

step "a legitimate client starts connecting meanwhile"
sta_up sta wlan1 192.0.2.2

step "association requests with bad DH elements get the right status"
statuses=()
wrong=()
for v in valid truncated offcurve shortkey longkey badgroup; do
	injected assoc "$ap" "$OWE_SSID" 19 "$v" || fail "injection ($v) got no answer"
	s=$(inj_val status)
	want=$(expected "$v")
	log "$v: status $s (expected: $want)"
	statuses+=("$s")
	if [[ " $want " != *" $s "* ]]; then
		wrong+=("$v: status $s, not one of: $want")
	elif [ "$s" = 0 ]; then
		[ "$(inj_val dh)" = 19 ] || wrong+=("$v: the response lacks the AP's DH element")
	else
		[ "$(inj_val dh)" = none ] || wrong+=("$v: a rejection carries a DH element")
	fi
done
# reported at the end, so that one run shows every other check too
[ ${#wrong[@]} = 0 ] || log "WRONG: $(printf '[%s] ' "${wrong[@]}")"

step "EAPOL-Key message 2: a correct MIC gets message 3, a bad MIC is dropped"
injected eapol "$ap" "$OWE_SSID" 19 good || fail "the good-MIC exchange did not run"
[ "$(inj_val m3)" = yes ] || fail "a correct message 2 got no message 3"
injected eapol "$ap" "$OWE_SSID" 19 bad || fail "the bad-MIC exchange did not run"
[ "$(inj_val m3)" = no ] || fail "the AP answered a bad MIC with message 3"
[ "$(inj_val m1)" -ge 2 ] || fail "the AP did not retransmit message 1"
[ "$(inj_val deauth)" = 15 ] ||
	fail "the AP ended the handshake with deauth '$(inj_val deauth)', not reason 15"

step "a flood of $FLOOD bad requests: answered, and logged rate-limited"
klog0=$(klog_lines)
injected flood "$ap" "$OWE_SSID" 19 offcurve "$FLOOD" || fail "the flood did not run"
klog1=$(klog_lines)
log "kernel log lines naming $inj_mac: $klog0 before the flood, $klog1 after"
if ap_is_owectl; then
	[ "$klog0" -ge 1 ] || fail "the AP logged nothing about the bad requests"
	[ $((klog1 - klog0)) -lt $((FLOOD / 2)) ] ||
		fail "the AP logged $((klog1 - klog0)) lines for $FLOOD bad requests"
fi

step "the legitimate client is connected and pings both ways"
wait_for 30 "the legitimate station to reach COMPLETED" wpas_completed sta wlan1
check_sta_link sta wlan1 OWE
ping_both sta 192.0.2.2
only_legit() { [ "$(ap_sta_macs)" = "$sta" ]; }
wait_for 10 "the AP to forget the injector" only_legit
if ap_is_owectl; then
	owectl dev wlan0 station dump | grep -q "$inj_mac" &&
		fail "owectl still lists the injector"
fi
cap_stop bad

step "the capture agrees with the injector"
got=$(cap_fields bad "wlan.fc.type_subtype in {1,3} && wlan.da == $inj_mac" \
	wlan.fixed.status_code | while read -r s; do cap_num "$s"; done |
	tr '\n' ' ')
log "association statuses to $inj_mac on the air: $got"
for s in "${statuses[@]}"; do
	[[ " $got " == *" $s "* ]] || fail "status $s is not in the capture"
done
m3=$(cap_count bad "eapol && wlan.sa == $ap && wlan.da == $inj_mac && wlan_rsna_eapol.keydes.msgnr == 3")
log "messages 3 to the injector: $m3"
[ "$m3" -ge 1 ] || fail "the capture lacks the message 3 of the good-MIC run"
reasons=$(cap_fields bad "wlan.fc.type_subtype == 12 && wlan.sa == $ap && wlan.da == $inj_mac" \
	wlan.fixed.reason_code | while read -r r; do cap_num "$r"; done | tr '\n' ' ')
log "deauthentications to the injector: $reasons"
[[ " $reasons " == *" 15 "* ]] || fail "the capture lacks the deauth with reason 15"

if ap_is_owectl; then
	step "owe.ko's counters moved"
	run owectl dev wlan0 ap show
	[ "$(count 'rx malformed')" -gt "$malformed0" ] ||
		fail "rx malformed did not move for the truncated element"
	[ "$(count 'tx association rejections')" -ge $((rejects0 + 5 + FLOOD)) ] ||
		fail "the association rejections were not all counted"
	[ "$(count 'EAPOL MIC failures')" -gt "$micfail0" ] ||
		fail "the bad MIC was not counted"
	[ "$(count 'handshake timeouts')" -gt "$timeouts0" ] ||
		fail "the abandoned handshake was not counted"
fi
[ ${#wrong[@]} = 0 ] || fail "wrong answers: $(printf '[%s] ' "${wrong[@]}")"
pass
