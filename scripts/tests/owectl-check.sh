#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Issue 6, item 4: `owectl check` and `owectl dev <if> ap check` run the
# troubleshooting list against the live configuration.
#
#   1. A correct transition pair on radio 0 (open wlan0 <-> hidden OWE owe0,
#      a second interface with its own MAC): every item ok or WARN, exit 0.
#   2. A broken pair: the OWE BSS points at wlan0, but the open BSS points
#      at wlan1, an interface owe.ko does not serve (the kernel accepts
#      that). check exits 1, names both problems and prints a fix; running
#      the fix it prints for wlan0 repairs the pair (check exits 0 again).
#   3. An OWE BSS without group 19 fails the DH groups item; one with
#      the default (required) passes the PMF item, `pmf optional` warns.
#      A pair across two radios on different channels (transition by
#      interface): owe.ko names each partner's operating class and channel
#      in the element, and the channel item says so.
#   4. A legacy client that never sends IP traffic (IPv6 off, no address)
#      is reported stuck in IP_LEARN, with its MAC and how long.
#   5. ap check on an interface owe.ko does not serve fails.
#
#   radio 0: wlan0 (open, OPEN-OWE), owe0 (OWE, OWE-Transition, hidden)
#   radio 1: wlan1 (unserved target of the broken pair, later a lone OWE
#            BSS, then the OWE half of a pair across radios on 2437 MHz)
#   radio 2: wlan2 (legacy client, netns "sta")
#
# owe-test: radios=3
. "$(dirname "$0")/lib/common.sh"

command -v owectl >/dev/null || fail "owectl is not built"

# check_run FILE [ARGS...]: run owectl check (or, with ARGS, owectl ARGS),
# keep its output in FILE, show it, and return its exit status
check_run() {
	local file=$1 rc

	shift
	[ $# -gt 0 ] || set -- check
	log "+ owectl $*"
	owectl "$@" > "$file" 2>&1
	rc=$?
	sed 's/^/    /' "$file"
	log "exit status $rc"
	return "$rc"
}

# has FILE ERE: FILE has a line matching ERE
has() { grep -qE -- "$2" "$1"; }

# item FILE IFACE ITEM: the verdict of ITEM in the block of IFACE's BSS
item() {
	awk -v ifc="$2" -v it="$3" '
		/^BSS / { inbss = index($0, "(on " ifc ",") > 0 }
		inbss && index($0, "\t" it ":\t") == 1 {
			sub("^\t" it ":\t", ""); print; exit }' "$1"
}

step "correct pair: open wlan0 <-> hidden OWE owe0 on radio 0"
run iw phy "$(phy_of wlan0)" interface add owe0 type __ap ||
	fail "cannot add owe0 on radio 0"
run ip link set owe0 address 02:00:00:00:00:10 || fail "cannot set owe0's MAC"
run owectl dev wlan0 ap start ssid OPEN-OWE freq 2412 security open transition owe0 ||
	fail "cannot start the open BSS"
run owectl dev owe0 ap start ssid OWE-Transition freq 2412 security owe hidden \
	pmf optional transition wlan0 || fail "cannot start the OWE BSS"
check_run "$T_DIR/good" || fail "owectl check fails on a correct pair"
has "$T_DIR/good" '^BSS 02:00:00:00:00:00 \(on wlan0, ' || fail "no block for wlan0"
has "$T_DIR/good" '^BSS 02:00:00:00:00:10 \(on owe0, ' || fail "no block for owe0"
has "$T_DIR/good" 'FAIL' && fail "a correct pair has a FAIL item"
for ifc in wlan0 owe0; do
	for it in security hidden "transition partner" "partner SSIDs" channel stations counters; do
		v=$(item "$T_DIR/good" "$ifc" "$it")
		[[ "$v" == ok* ]] || fail "$ifc: item '$it' is '$v', not ok"
	done
done
[[ "$(item "$T_DIR/good" owe0 "DH groups")" == ok* ]] || fail "owe0: DH groups not ok"
# pmf optional: a warning that recommends required
[[ "$(item "$T_DIR/good" owe0 PMF)" == "WARN: "*"pmf required"* ]] ||
	fail "owe0: PMF optional is not a warning recommending pmf required"
has "$T_DIR/good" '^2 BSSes checked: 0 failed, 1 warning$' || fail "wrong tally"
check_run "$T_DIR/good-dev" dev wlan0 ap check || fail "ap check fails on wlan0"
has "$T_DIR/good-dev" '\(on owe0,' && fail "ap check wlan0 also lists owe0"
has "$T_DIR/good-dev" '^1 BSS checked: 0 failed, 0 warnings$' || fail "wrong tally for ap check"

step "broken pair: owe0 points at wlan0, wlan0 points at wlan1 (not served)"
run owectl dev wlan0 ap stop || fail "cannot stop wlan0"
run owectl dev owe0 ap stop || fail "cannot stop owe0"
run owectl dev owe0 ap start ssid OWE-Transition freq 2412 security owe hidden transition wlan0 ||
	fail "cannot start the OWE BSS alone"
run owectl dev wlan0 ap start ssid OPEN-OWE freq 2412 security open transition wlan1 ||
	fail "the kernel refused an open BSS pointing at an unserved interface"
check_run "$T_DIR/bad" && fail "owectl check exits 0 on a broken pair"
v=$(item "$T_DIR/bad" wlan0 "transition partner")
log "wlan0: $v"
[[ "$v" == "FAIL: wlan1 is not served by owe.ko"*"; fix: "* ]] ||
	fail "check does not say that wlan0's partner wlan1 is not served"
v=$(item "$T_DIR/bad" owe0 "transition partner")
log "owe0: $v"
[[ "$v" == "FAIL: wlan0 does not point back at owe0 (it points at wlan1); fix: "* ]] ||
	fail "check does not say that wlan0 does not point back at owe0"
fix=${v#*; fix: }
[[ "$fix" == "owectl dev wlan0 ap stop; owectl dev wlan0 ap start ssid 'OPEN-OWE' freq 2412 security open transition owe0" ]] ||
	fail "the fix for owe0 is '$fix'"
check_run "$T_DIR/bad-dev" dev owe0 ap check && fail "ap check owe0 exits 0"
has "$T_DIR/bad-dev" 'does not point back' || fail "ap check owe0 does not name the problem"

step "run the fix check printed; check passes again"
log "+ $fix"
eval "$fix" || fail "the fix check printed does not run"
check_run "$T_DIR/fixed" || fail "owectl check still fails after the fix"

step "OWE BSS without group 19 fails; the default (pmf required) passes the PMF item"
run owectl dev wlan1 ap start ssid lone-owe freq 2437 security owe groups 20 ||
	fail "cannot start the lone OWE BSS"
check_run "$T_DIR/groups" dev wlan1 ap check && fail "ap check passes without group 19"
v=$(item "$T_DIR/groups" wlan1 "DH groups")
[[ "$v" == "FAIL: group 19 "*"; fix: restart wlan1 with groups 19,20" ]] ||
	fail "DH groups item is '$v'"
[[ "$(item "$T_DIR/groups" wlan1 PMF)" == "ok (required)" ]] || fail "the default pmf required is not ok"
[[ "$(item "$T_DIR/groups" wlan1 "transition partner")" == "ok (none: a standalone OWE BSS)" ]] ||
	fail "a standalone BSS is not reported as such"
run owectl dev wlan1 ap stop || fail "cannot stop wlan1"

step "a pair across radios on different channels: the elements name the channels"
run owectl dev owe0 ap stop || fail "cannot stop owe0"
run owectl dev wlan0 ap stop || fail "cannot stop wlan0"
run owectl dev wlan0 ap start ssid OPEN-OWE freq 2412 security open transition wlan1 ||
	fail "cannot start the open BSS"
run owectl dev wlan1 ap start ssid OWE-Transition freq 2437 security owe hidden transition wlan0 ||
	fail "cannot start the OWE BSS on radio 1"
check_run "$T_DIR/chan" || fail "a pair on two channels fails the check"
v=$(item "$T_DIR/chan" wlan0 channel)
[[ "$v" == "ok (the transition element names 81/6)" ]] ||
	fail "wlan0's channel item is '$v'"
v=$(item "$T_DIR/chan" wlan1 channel)
[[ "$v" == "ok (the transition element names 81/1)" ]] ||
	fail "wlan1's channel item is '$v'"
[[ "$(item "$T_DIR/chan" wlan1 "transition partner")" == "ok (wlan0, open, points back)" ]] ||
	fail "the pair across radios is not reported as a pair"
run owectl dev wlan1 ap stop || fail "cannot stop wlan1"
run owectl dev wlan0 ap stop || fail "cannot stop wlan0"
run owectl dev wlan0 ap start ssid OPEN-OWE freq 2412 security open transition owe0 ||
	fail "cannot start the open BSS"
run owectl dev owe0 ap start ssid OWE-Transition freq 2412 security owe hidden transition wlan0 ||
	fail "cannot start the OWE BSS"

step "a legacy client with no IP traffic is stuck in IP_LEARN"
run ip netns add sta || fail "cannot create netns sta"
# no IPv6 either: its neighbour discovery would teach the AP an address
ip netns exec sta sysctl -qw net.ipv6.conf.all.disable_ipv6=1
ip netns exec sta sysctl -qw net.ipv6.conf.default.disable_ipv6=1
run iw phy "$(phy_of wlan2)" set netns name sta || fail "cannot move radio 2"
sta_mac=$(ip netns exec sta cat /sys/class/net/wlan2/address)
cat > "$T_DIR/wpas.conf" <<CONF
ctrl_interface=$T_DIR/wpas-wlan2
network={
	ssid="OPEN-OWE"
	key_mgmt=NONE
	scan_freq=2412
}
CONF
wpas_start sta wlan2 "$T_DIR/wpas.conf"
wait_for 30 "the legacy client to connect" wpas_completed sta wlan2
check_run "$T_DIR/fresh" || fail "a client that just joined fails the check"
# the check's limit is 30 s (guest time: free under time travel)
sleep 32
owectl dev wlan0 station get "$sta_mac" | grep -qP '^\tstate:\tIP_LEARN$' ||
	fail "the client is not in IP_LEARN"
check_run "$T_DIR/stuck" && fail "owectl check passes with a client stuck in IP_LEARN"
v=$(item "$T_DIR/stuck" wlan0 stations)
[[ "$v" =~ ^FAIL:\ $sta_mac\ stuck\ in\ IP_LEARN\ for\ (3[2-9]|[4-9][0-9])\ s.*\;\ fix:\  ]] ||
	fail "stations item is '$v'"

step "ap check on an interface owe.ko does not serve"
check_run "$T_DIR/none" dev wlan1 ap check && fail "ap check passes on an unserved interface"
has "$T_DIR/none" 'FAIL: owe.ko serves no BSS on wlan1; fix: owectl dev wlan1 ap start' ||
	fail "ap check does not say that wlan1 is not served"
pass
