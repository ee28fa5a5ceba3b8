#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Hostile air: a seeded pass of scripts/fuzz/owe-fuzz.py (every management
# subtype with mutated fields and elements, action frames and SA Query,
# data frames, PS-Poll, mutated EAPOL-Key frames, from random, group, zero,
# own and the clients' addresses) against an OWE BSS (PMF required) and an
# open BSS on the same radio, while an OWE client (ieee80211w=2) and a
# legacy client stay associated. Asserts:
#
# - the clients never disconnect (no CTRL-EVENT-DISCONNECTED, both still
#   COMPLETED) and both still ping their AP;
# - once unfinished stations expired, the AP lists only the two clients
#   (owe.ko's station dump and mac80211's);
# - owe.ko's counters grew at least by what must have reached it: the
#   fuzzer counts, per counter, the clean frames (no flags, not truncated)
#   to the OWE BSSID (probe requests: or broadcast) from addresses of no
#   session of its own; a frame deferred to process context may instead be
#   counted as "rx dropped: busy". Unprotected deauthentications and
#   disassociations from the PMF client's address are dropped by mac80211
#   (802.11w) and expected nowhere; EAPOL-Key frames count only from the
#   associated OWE client (from anyone else mac80211 drops them as class-3
#   frames of no station);
# - the sessions' EAPOL-Key messages 2 (right replay counter and MIC
#   length, random MIC) reached owe.ko's MIC check: its MIC failure counter
#   grew;
# - the frame sequence is the seed's: a dry run gives the same digest;
# - and, through scripts/vm/run.sh, no WARNING, BUG, KASAN, lockdep, UBSAN
#   or (with --debug) kmemleak report in the kernel log.
#
#   scripts/tests/fuzz.sh [COUNT [SEED]]   (defaults: 1500 frames, 600 on
#                                          the debug kernel; seed 1)
#
#   radio 0: wlan0 "owe-test" (OWE, pmf required) 192.0.2.1/24
#            open0 "fuzz-open" (open)             198.51.100.1/24
#   radio 1: wlan1 in netns sta1, OWE, ieee80211w=2   192.0.2.2/24
#   radio 2: wlan2 in netns sta2, key_mgmt=NONE       198.51.100.2/24
#   radio 3: mon3, the fuzzer's active monitor
#
# owe-test: radios=4
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/owe.sh"

# the debug kernel's pass is the short one: each frame costs it several
# times more (KASAN, kmemleak); 600 frames still carry dozens of sessions
if [ "${OWE_DEBUG:-0}" = 1 ]; then
	COUNT=${1:-600}
else
	COUNT=${1:-1500}
fi
SEED=${2:-1}
PY=/usr/bin/python3
need_tools wpa_supplicant wpa_cli iw "$PY"
"$PY" -c 'import scapy, cryptography' 2>/dev/null ||
	skip_test "python3-scapy or python3-cryptography is not installed"
ap_is_owectl || skip_test "the fuzz test reads owe.ko's counters"

fuzz=$(dirname "$0")/../fuzz/owe-fuzz.py
ap=$(cat /sys/class/net/wlan0/address)
open_bssid=02:00:00:00:00:10
sta1=$(cat /sys/class/net/wlan1/address)
sta2=$(cat /sys/class/net/wlan2/address)

step "the OWE BSS (pmf required) on wlan0, an open BSS on open0, the fuzzer's monitor"
inject_mon mon3 wlan3
run iw phy "$(phy_of wlan0)" interface add open0 type __ap || fail "cannot add open0"
run ip link set open0 address "$open_bssid"
start_ap_owe pmf required
run owectl dev open0 ap start ssid fuzz-open freq 2412 ||
	fail "cannot start the open BSS"
run ip addr add 198.51.100.1/24 dev open0

step "the OWE client (ieee80211w=2) and the legacy client connect"
sta_up sta1 wlan1 192.0.2.2 ieee80211w=2
netns_sta sta2 wlan2
cat > "$T_DIR/wpas-wlan2.conf" <<CONF
ctrl_interface=$T_DIR/wpas-wlan2
network={
	ssid="fuzz-open"
	key_mgmt=NONE
	scan_freq=2412
}
CONF
wpas_start sta2 wlan2 "$T_DIR/wpas-wlan2.conf"
ip -n sta2 addr add 198.51.100.2/24 dev wlan2
wait_for 30 "the OWE client to connect" wpas_completed sta1 wlan1
wait_for 30 "the legacy client to connect" wpas_completed sta2 wlan2
check_sta_link sta1 wlan1 OWE
ping_both sta1 192.0.2.2
run ping_ok sta2 198.51.100.1 || fail "the legacy client cannot ping the AP"
run ping_ok 198.51.100.2 || fail "the AP cannot ping the legacy client"
owectl dev wlan0 ap show > "$T_DIR/counters.0"

step "the fuzzer: $COUNT frames, seed $SEED"
fargs=(--bssid "$ap" --ssid "$OWE_SSID" --open-bssid "$open_bssid"
	--open-ssid fuzz-open --pmf-client "$sta1" --open-client "$sta2"
	--seed "$SEED" --count "$COUNT")
t0=$(date +%s.%N)
"$PY" "$fuzz" --iface mon3 "${fargs[@]}" --log "$T_DIR/frames.log" \
	> "$T_DIR/fuzz.out" 2>&1 || { cat "$T_DIR/fuzz.out"; fail "the fuzzer failed"; }
t1=$(date +%s.%N)
grep -v '^progress' "$T_DIR/fuzz.out" | sed 's/^/    /'
log "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "fuzz-seconds %.1f (guest clock)", b - a }')"
[ "$(sed -n 's/^total //p' "$T_DIR/fuzz.out")" = "$COUNT" ] ||
	fail "the fuzzer did not send $COUNT frames"

step "the sequence is the seed's: a dry run gives the same digest"
"$PY" "$fuzz" --dry-run --mon-addr "$(cat /sys/class/net/mon3/address)" \
	"${fargs[@]}" > "$T_DIR/dry.out" 2>&1 || { cat "$T_DIR/dry.out"; fail "the dry run failed"; }
d1=$(sed -n 's/^digest //p' "$T_DIR/fuzz.out")
d2=$(sed -n 's/^digest //p' "$T_DIR/dry.out")
log "digest $d1"
[ -n "$d1" ] && [ "$d1" = "$d2" ] || fail "the dry run's digest differs: $d2"

step "neither client was disconnected; both still ping their AP"
sleep 2
for c in "sta1 wlan1" "sta2 wlan2"; do
	set -- $c
	if wpas_log_has "$2" 'CTRL-EVENT-DISCONNECTED'; then
		grep -E 'CTRL-EVENT-DISCONNECTED' "$T_DIR/wpas-$2.log" | head -n 3
		fail "$2 was disconnected during the fuzz run"
	fi
	wpas_completed "$1" "$2" || fail "$2 is no longer COMPLETED"
done
ping_both sta1 192.0.2.2
run ping_ok sta2 198.51.100.1 || fail "the legacy client cannot ping the AP"
run ping_ok 198.51.100.2 || fail "the AP cannot ping the legacy client"

step "once unfinished stations expired, only the two clients remain"
# owe.ko ends unassociated stations after 5 s and unfinished handshakes
# after their retries; the fuzzer's own sessions end with a leave
only_clients() {
	[ "$(ap_sta_macs)" = "$sta1" ] &&
	[ "$(iw dev open0 station dump | sed -n 's/^Station \([0-9a-f:]*\) .*/\1/p')" = "$sta2" ] &&
	[ "$(owectl dev wlan0 station dump | grep -c '^Station')" = 1 ] &&
	[ "$(owectl dev open0 station dump | grep -c '^Station')" = 1 ]
}
settled=0
for ((i = 0; i < 150; i++)); do
	only_clients && { settled=1; break; }
	sleep 0.2
done
if [ "$settled" = 0 ]; then
	run iw dev wlan0 station dump | grep '^Station'
	run iw dev open0 station dump | grep '^Station'
	run owectl dev wlan0 station dump
	run owectl dev open0 station dump
	fail "the AP keeps stations other than the clients"
fi
log "stations: wlan0 $(ap_sta_macs | tr '\n' ' '), open0 $sta2"

step "owe.ko's counters grew at least by what reached it"
owectl dev wlan0 ap show > "$T_DIR/counters.1"
cnt() { sed -n "s/^\t\t$1:\t\([0-9]*\)$/\1/p" "$2"; }
delta() { echo $(( $(cnt "$1" "$T_DIR/counters.1") - $(cnt "$1" "$T_DIR/counters.0") )); }
busy=$(delta 'rx dropped: busy')
bad=0
while IFS= read -r line; do
	name=${line#expect }
	want=${name##*: }
	name=${name%: *}
	got=$(delta "$name")
	case "$name" in
	'rx dropped: '*|'rx EAPOL-Key') have=$got ;;
	*) have=$((got + busy)) ;;
	esac
	log "$(printf '%-28s sent %5d, counted %5d (busy %d)' "$name" "$want" "$got" "$busy")"
	[ "$have" -ge "$want" ] || { log "  too few"; bad=1; }
done < <(grep '^expect ' "$T_DIR/fuzz.out")
sed 's/^/    /' "$T_DIR/counters.1"
[ "$bad" = 0 ] || fail "owe.ko counted fewer frames than reached it"

step "the sessions' messages 2 reached the MIC check"
m2=$(sed -n 's/^sent eapol-m2 //p' "$T_DIR/fuzz.out")
mic=$(delta 'EAPOL MIC failures')
log "messages 2 sent ${m2:-0}, MIC failures counted $mic"
[ "${m2:-0}" -gt 0 ] || fail "the fuzzer sent no message 2 in $COUNT frames"
[ "$mic" -gt 0 ] || fail "no message 2 of a session reached owe.ko's MIC check"
pass
