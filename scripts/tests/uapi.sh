#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The uapi says what the code does: every attribute of the owe family's
# spec (Documentation/netlink/specs/owe.yaml) goes through the kernel's own
# YNL client (tools/net/ynl/cli.py of the kernel tree the guest runs),
# which encodes and decodes from the spec alone; each request attribute is
# sent, each reply and notification attribute is read back, and each has
# its effect checked where it is cheaply observable. The list of
# attributes is computed from the spec when the test runs and compared
# with what the test sent, saw and checked, and with the table below: an
# attribute the spec gains fails the test until it is covered here.
#
# BSSes are started through nl80211 first (owectl --no-owe), then attached
# with ap-start over the owe family.
#
#   phase 1: wlan0 "owe-test" (OWE, groups 20+21, pmf required, gtk-rekey 15)
#            wlan1 in netns sta1, wlan2 in netns sta2 (wpa_supplicant, OWE)
#   phase 2: wlan0 "uapi-open" (open, transition-ifindex owe0)
#            owe0 "uapi-hidden" (OWE, hidden, GCMP-256, transition partner
#            given by BSSID, SSID, operating class 81 and channel 1)
#
# Attribute              where it is checked ((e) effect, (p) value/presence)
#   ap.ifindex             every request; ap-get/dump reply names wlan0 (e)
#   ap.ifname              ap-get: "wlan0" (p)
#   ap.security            open BSS has no RSNE, OWE BSS beacons AKM 18 (e)
#   ap.ssid                a mismatch is refused quoting both SSIDs; ap-get (e)
#   ap.bssid               ap-get: wlan0's address (p)
#   ap.hidden              owe0 beacons an empty SSID, answers only a
#                          directed probe, not a wildcard one (e)
#   ap.groups              groups 20,21: a client offering 19 gets status 77
#                          and walks to 20; groups 0 refused (e)
#   ap.pmf                 required: beacon MFPC+MFPR, sta-get pmf; owe0
#                          optional: MFPC only (e)
#   ap.cipher              owe0 GCMP-256: beacon suites type 9; TKIP refused (e)
#   ap.akm                 OWE+PSK, OWE+SAE and open+AKM refused with their
#                          messages; ap-get 0x000fac12, none when open (e)
#   ap.ft                  ft 1 refused (OWE with FT); ap-get ft 0 (e)
#   ap.transition-ifindex  wlan0's beacon element names owe0; self refused (e)
#   ap.transition-bssid    owe0's beacon element names wlan0's BSSID (e)
#   ap.transition-ssid     owe0's beacon element carries "uapi-open" (e)
#   ap.transition-op-class owe0's element band info 81; alone refused (e)
#   ap.transition-channel  owe0's element channel 1 (e)
#   ap.gtk-rekey           15 s: the client sees a group rekey by itself (e)
#   ap.pmksa-lifetime      600: pmksa-get expires-s within it (e)
#   ap.sta-count           2 with two clients (e)
#   ap.counters            nest present with every counter of the spec (p)
#   ap.partner-ifindex     wlan0: owe0's index once both run (e)
#   ap.ptk-workaround      1 read back; refused on an open BSS (e)
#   ap.backend             mac80211-hook, or nl80211 on the stock variant
#                          (OWE_KERNEL_VARIANT=stock: no hook in mac80211) (e)
#   counters.*             every counter present as a number (p); rx-assoc,
#                          tx-assoc-reject, rx-eapol, tx-eapol, pmksa-hit and
#                          tx-deauth by what the clients did (e)
#   history.state          sta-get: auth, assoc, l2-auth, ip-learn, run (e)
#   history.time-ns        non-decreasing through the history (e)
#   history.detail         names the learned address (e)
#   sta.ifindex            sta-get/dump request and reply (e)
#   sta.mac                sta-get request; the two clients' addresses (e)
#   sta.aid                the AID of the capture's association response (e)
#   sta.state              run after the pings; ntf per state (e)
#   sta.akm                0x000fac12 (p)
#   sta.group              20, the group the client walked to (e)
#   sta.cipher             0x000fac04 (p)
#   sta.pmf                set: the client uses PMF (e)
#   sta.pmkid              the PMKID the client caches (e)
#   sta.pmksa-cached       set after a reconnection using the cache (e)
#   sta.ipv4               the client's address after a ping (e)
#   sta.ipv6               an address of the client's interface (e)
#   sta.history            full in sta-get, the newest only in sta-ntf (e)
#   sta.del-reason         sta-del reason 5: the client is told 5, the
#                          sta-ntf of NONE carries 5 (e)
#   sta.connected-ms       grows between two sta-get (e)
#   pmksa.ifindex          pmksa-get/flush request and reply (e)
#   pmksa.mac              pmksa-flush with one client's MAC drops only its
#                          entry (e)
#   pmksa.pmkid            the PMKIDs the clients cache (e)
#   pmksa.group            20 (e)
#   pmksa.expires-s        0 < expires-s <= pmksa-lifetime (e)
# Operations: ap-start, ap-get (do and dump), ap-rekey (the client sees a
# group rekey), ap-stop (ap-get refused, clients deauthenticated,
# ap-detached-ntf on "events" names the interface), sta-get (do, dump),
# sta-del, pmksa-get, pmksa-flush, sta-ntf on "events".
#
# owe-test: radios=3
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/capture.sh"
. "$(dirname "$0")/lib/owe.sh"

need_tools tshark wpa_supplicant wpa_cli iw python3 jq

# the kernel tree of the build: next to the kernel the guest runs
ksrc=${OWE_BUILD_DIR:+$OWE_BUILD_DIR/linux}
[ -n "$ksrc" ] || ksrc=$(dirname "${OWE_KDIR:-$OWE_TOP/.build/um}")/linux
ynl_cli=$ksrc/tools/net/ynl/cli.py
spec=$OWE_TOP/Documentation/netlink/specs/owe.yaml
[ -f "$ynl_cli" ] || fail "no YNL client at $ynl_cli"
python3 -c 'import yaml, jsonschema' 2>/dev/null ||
	fail "the YNL client needs python3-yaml and python3-jsonschema"

NL_LOG=$T_DIR/nl.jsonl
CHECKED=$T_DIR/checked
: > "$NL_LOG"
: > "$CHECKED"

# nl do|dump OP [JSON]: one request through the YNL client; the reply
# (JSON) on stdout, request and answer logged to $NL_LOG for the coverage
nl() {
	local mode=$1 op=$2 req=${3:-'{}'} out rc

	out=$(python3 "$ynl_cli" --spec "$spec" --output-json \
		"--$mode" "$op" --json "$req" 2>&1)
	rc=$?
	jq -cn --arg mode "$mode" --arg op "$op" --argjson req "$req" \
		--argjson rc "$rc" --arg out "$out" \
		'{mode: $mode, op: $op, req: $req, rc: $rc, out: $out}' \
		>> "$NL_LOG" || fail "cannot log the request $op $req"
	printf '%s\n' "$out"
	return "$rc"
}

# nl_ok do|dump OP [JSON]: nl that must succeed; the reply in NL_REPLY
nl_ok() {
	log "+ $1 $2 ${3:-}"
	NL_REPLY=$(nl "$@") || fail "$2 failed: $NL_REPLY"
}
do_ok() { nl_ok "do" "$@"; }
dump_ok() { nl_ok dump "$@"; }

# nl_refused TEXT OP JSON: a do request that must fail with an extack
# message containing TEXT
nl_refused() {
	local want=$1 out

	shift
	out=$(nl "do" "$@") && fail "$1 $2 succeeded"
	log "+ $1 $2 -> $(printf '%s' "$out" | grep -o "'msg': .*" | head -n 1)"
	printf '%s\n' "$out" | grep -qF -- "$want" ||
		fail "$1 $2 did not say \"$want\" but: $out"
}

# checked e|p SET.ATTR...: the test verified these attributes, by effect
# (e) or by value/presence (p)
checked() {
	local how=$1 a

	shift
	for a; do
		echo "$how $a" >> "$CHECKED"
	done
}

# jv JSON FILTER: jq -r on a JSON text
jv() { printf '%s\n' "$1" | jq -r "$2"; }

# expect WHAT GOT WANT
expect() {
	[ "$2" = "$3" ] || fail "$1 is '$2', not '$3'"
	log "    $1 = $2"
}

hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }
nomac() { printf '%s' "$1" | tr -d ':'; }
ifidx() { cat "/sys/class/net/$1/ifindex"; }
sta_mac() { ip netns exec "sta$1" cat "/sys/class/net/wlan$1/address"; }

# rekeys N: group rekeys client N completed
rekeys() { grep -c 'WPA: Group rekeying completed' "$T_DIR/wpas-wlan$1.log"; }
rekeys_above() { [ "$(rekeys "$1")" -gt "$2" ]; }

# listen SECONDS NAME: sta-ntf of "events" for SECONDS into $T_DIR/NAME.ntf
listen() {
	python3 "$ynl_cli" --spec "$spec" --output-json --subscribe events \
		--sleep "$1" > "$T_DIR/$2.ntf" 2> "$T_DIR/$2.ntf.err" &
	LISTEN_PID=$!
	track "$LISTEN_PID"
	# guest time only moves once the client sleeps, subscribed
	sleep 1
}

# listened NAME: wait for the listener; its notifications as JSON lines
listened() {
	wait "$LISTEN_PID" || fail "the sta-ntf listener failed: $(cat "$T_DIR/$1.ntf.err")"
	jq -c '.[]' "$T_DIR/$1.ntf" || fail "the listener's output is not JSON"
}

w0=$(ifidx wlan0)
ap_mac=$(cat /sys/class/net/wlan0/address)
beacon='wlan.fc.type_subtype == 0x0008'

step "the YNL client reads the spec (schema checked) and finds the family"
out=$(python3 "$ynl_cli" --spec "$spec" --list-ops 2>&1) ||
	fail "cli.py cannot load the spec: $out"
printf '%s\n' "$out" | sed 's/^/    /'
for op in ap-start ap-stop ap-get ap-rekey sta-get sta-del pmksa-get pmksa-flush; do
	printf '%s\n' "$out" | grep -q "^$op " || fail "cli.py lists no $op"
done

step "phase 1: the OWE BSS runs through nl80211; bad configurations are refused"
run owectl --no-owe dev wlan0 ap start ssid "$OWE_SSID" freq 2412 security owe ||
	fail "cannot start the BSS through nl80211"
ssid=$(hex "$OWE_SSID")
base="\"ifindex\": $w0, \"security\": \"owe\", \"ssid\": \"$ssid\""
nl_refused "owe: wlan0 runs the SSID '$OWE_SSID', not 'wrong-ssid'" ap-start \
	"{$base, \"ssid\": \"$(hex wrong-ssid)\"}"
nl_refused "OWE cannot be combined with PSK" ap-start \
	"{$base, \"akm\": [$((0x000fac12)), $((0x000fac02))]}"
nl_refused "OWE cannot be combined with SAE" ap-start \
	"{$base, \"akm\": [$((0x000fac08))]}"
nl_refused "OWE cannot be combined with FT (802.11r)" ap-start "{$base, \"ft\": 1}"
nl_refused "an open BSS has no AKM (got 000fac12)" ap-start \
	"{\"ifindex\": $w0, \"security\": \"open\", \"akm\": [$((0x000fac12))]}"
nl_refused "groups, pmf, cipher, gtk-rekey, pmksa-lifetime and ptk-workaround apply to an OWE BSS only" ap-start \
	"{\"ifindex\": $w0, \"security\": \"open\", \"groups\": [\"ecp256\"]}"
nl_refused "groups, pmf, cipher, gtk-rekey, pmksa-lifetime and ptk-workaround apply to an OWE BSS only" ap-start \
	"{\"ifindex\": $w0, \"security\": \"open\", \"pmksa-lifetime\": 600}"
nl_refused "groups, pmf, cipher, gtk-rekey, pmksa-lifetime and ptk-workaround apply to an OWE BSS only" ap-start \
	"{\"ifindex\": $w0, \"security\": \"open\", \"ptk-workaround\": 1}"
nl_refused "an OWE BSS needs at least one group" ap-start "{$base, \"groups\": 0}"
nl_refused "cipher 000fac02 is not supported" ap-start \
	"{$base, \"cipher\": $((0x000fac02))}"
nl_refused "a BSS cannot be its own transition partner" ap-start \
	"{$base, \"hidden\": true, \"transition-ifindex\": $w0}"
nl_refused "transition-bssid and transition-ssid go together" ap-start \
	"{$base, \"hidden\": true, \"transition-bssid\": \"020000000099\"}"
nl_refused "the transition operating class and channel go together" ap-start \
	"{$base, \"transition-op-class\": 81}"
nl_refused "wlan0 is not served by owe" ap-get "{\"ifindex\": $w0}"
checked e ap.ssid ap.akm ap.ft ap.transition-op-class

step "ap-start with every OWE option; ap-get reads them back"
cap_start main
do_ok ap-start "{$base, \"groups\": [\"ecp384\", \"ecp521\"], \
\"pmf\": \"required\", \"cipher\": $((0x000fac04)), \"akm\": [$((0x000fac12))], \
\"ft\": 0, \"gtk-rekey\": 15, \"pmksa-lifetime\": 600, \"ptk-workaround\": 1}"
do_ok ap-get "{\"ifindex\": $w0}"
get=$NL_REPLY
printf '%s\n' "$get" | jq . | sed 's/^/    /'
expect ifindex "$(jv "$get" .ifindex)" "$w0"
expect ifname "$(jv "$get" .ifname)" wlan0
expect security "$(jv "$get" .security)" owe
expect ssid "$(jv "$get" .ssid)" "$ssid"
expect bssid "$(jv "$get" .bssid)" "$ap_mac"
expect hidden "$(jv "$get" '.hidden // false')" false
expect groups "$(jv "$get" '.groups | sort | join(",")')" ecp384,ecp521
expect pmf "$(jv "$get" .pmf)" required
expect cipher "$(jv "$get" .cipher)" 0xfac04
expect akm "$(jv "$get" '[.akm] | flatten | join(",")')" 0xfac12
expect ft "$(jv "$get" .ft)" 0
expect gtk-rekey "$(jv "$get" '."gtk-rekey"')" 15
expect pmksa-lifetime "$(jv "$get" '."pmksa-lifetime"')" 600
expect ptk-workaround "$(jv "$get" '."ptk-workaround"')" 1
checked e ap.ptk-workaround
backend=mac80211-hook
[ "${OWE_KERNEL_VARIANT:-normal}" = stock ] && backend=nl80211
expect backend "$(jv "$get" .backend)" "$backend"
checked e ap.backend
expect sta-count "$(jv "$get" '."sta-count"')" 0
checked p ap.ifname ap.bssid ap.cipher ap.counters
counters=$(python3 -c 'import sys, yaml
s = yaml.safe_load(open(sys.argv[1]))
print(" ".join(a["name"] for c in s["attribute-sets"] if c["name"] == "counters"
	       for a in c["attributes"]))' "$spec") || fail "cannot read the counters"
for c in $counters; do
	[[ "$(jv "$get" ".counters.\"$c\"")" =~ ^[0-9]+$ ]] ||
		fail "ap-get's counters lack $c"
	checked p "counters.$c"
done
dump_ok ap-get
dump=$NL_REPLY
expect "ap-get dump's wlan0 SSID" \
	"$(jv "$dump" ".[] | select(.ifindex == $w0) | .ssid")" "$ssid"

step "two clients: group 19 is refused with status 77, they walk to 20"
listen 40 connect
sta_up sta1 wlan1 192.0.2.11 ieee80211w=2
sta_up sta2 wlan2 192.0.2.12 ieee80211w=2
sta1=$(sta_mac 1)
sta2=$(sta_mac 2)
wait_for 30 "client 1 to connect" wpas_completed sta1 wlan1
wait_for 30 "client 2 to connect" wpas_completed sta2 wlan2
for i in 1 2; do
	wpas_log_has "wlan$i" 'CTRL-EVENT-ASSOC-REJECT .*status_code=77' ||
		fail "client $i was not refused group 19 with status 77"
	wpas_cli "sta$i" "wlan$i" status | grep -qx 'pmf=2' ||
		fail "client $i does not use PMF"
done
run ip addr add 192.0.2.1/24 dev wlan0
run ip addr add 2001:db8::1/64 dev wlan0 nodad
run ip -n sta1 addr add 2001:db8::11/64 dev wlan1 nodad
ping_both sta1 192.0.2.11
ping_both sta2 192.0.2.12
run ip netns exec sta1 ping -6 -c 2 -i 0.2 -W 2 2001:db8::1 ||
	fail "client 1 cannot ping the AP over IPv6"
cap_stop main
checked e ap.groups

step "the beacon's RSNE says OWE, CCMP, PMF required"
line=$(cap_fields main "$beacon && wlan.bssid == $ap_mac && wlan.rsn.akms.type" \
	wlan.rsn.akms.type wlan.rsn.pcs.type wlan.rsn.capabilities.mfpc \
	wlan.rsn.capabilities.mfpr | tail -n 1)
log "    beacon RSNE (AKM, pairwise, MFPC, MFPR): $line"
read -r akm pcs mfpc mfpr <<< "$line"
expect "beacon AKM" "$akm" 18
expect "beacon pairwise cipher" "$pcs" 4
expect "beacon MFPC" "$(cap_num "$mfpc")" 1
expect "beacon MFPR" "$(cap_num "$mfpr")" 1
checked e ap.pmf ap.security

step "sta-get: client 1 in RUN with its addresses, group, PMKID and history"
wait_for 10 "client 1 to reach RUN" sh -c "python3 '$ynl_cli' --spec '$spec' \
	--output-json --do sta-get --json '{\"ifindex\": $w0, \"mac\": \"$(nomac "$sta1")\"}' |
	jq -e '.state == \"run\" and .ipv4 and .ipv6'"
do_ok sta-get "{\"ifindex\": $w0, \"mac\": \"$(nomac "$sta1")\"}"
s=$NL_REPLY
printf '%s\n' "$s" | jq . | sed 's/^/    /'
expect "sta ifindex" "$(jv "$s" .ifindex)" "$w0"
expect "sta mac" "$(jv "$s" .mac)" "$sta1"
expect "sta state" "$(jv "$s" .state)" run
expect "sta akm" "$(jv "$s" .akm)" 0xfac12
expect "sta group" "$(jv "$s" .group)" 20
expect "sta cipher" "$(jv "$s" .cipher)" 0xfac04
expect "sta pmf" "$(jv "$s" '.pmf // false')" true
expect "sta pmksa-cached" "$(jv "$s" '."pmksa-cached" // false')" false
expect "sta ipv4" "$(jv "$s" .ipv4)" 192.0.2.11
v6=$(jv "$s" .ipv6)
ip -n sta1 -6 addr show dev wlan1 | grep -qw "inet6 $v6/[0-9]*" ||
	fail "the learned IPv6 address $v6 is not client 1's"
log "    sta ipv6 = $v6 (an address of client 1)"
pmkid1=$(wpas_cli sta1 wlan1 pmksa | awk 'NR > 1 && NF >= 3 { print $3 }')
expect "sta pmkid" "$(jv "$s" '.pmkid | gsub(" "; "")')" "$pmkid1"
aid=$(cap_fields main "wlan.fc.type_subtype in {1,3} && wlan.da == $sta1 && \
	wlan.fixed.status_code == 0" wlan.fixed.aid | tail -n 1)
expect "sta aid" "$(jv "$s" .aid)" "$(( $(cap_num "$aid") & 0x3fff ))"
# a state may be entered again (the 4-way handshake's steps, a second address)
hist=$(jv "$s" '.history[].state' | uniq | tr '\n' ' ')
log "    history: $hist"
[[ " $hist" == *" auth assoc l2-auth ip-learn run "* ]] ||
	fail "the history is not auth, assoc, l2-auth, ip-learn, run"
jv "$s" '[.history[]."time-ns"] | . == sort' | grep -qx true ||
	fail "the history's times go backwards"
jv "$s" '.history[].detail' | grep -qF '192.0.2.11' ||
	fail "no history detail names the learned address"
ms1=$(jv "$s" '."connected-ms"')
sleep 1
do_ok sta-get "{\"ifindex\": $w0, \"mac\": \"$(nomac "$sta1")\"}"
ms2=$(jv "$NL_REPLY" '."connected-ms"')
log "    connected-ms: $ms1, then $ms2"
[ "$ms2" -ge $((ms1 + 1000)) ] || fail "connected-ms did not grow by a second"
checked e sta.ifindex sta.mac sta.aid sta.state sta.group sta.pmf sta.pmkid \
	sta.ipv4 sta.ipv6 sta.history sta.connected-ms history.state \
	history.time-ns history.detail
checked p sta.akm sta.cipher

step "sta-ntf: one notification per state, each with the newest history entry"
listened connect > "$T_DIR/connect.lines"
jq -r "select(.name == \"sta-ntf\" and .msg.mac == \"$sta1\") |
	[.msg.state, (.msg.history | if type == \"array\" then length else 1 end),
	 ([.msg.history] | flatten | .[0].state)] | join(\" \")" \
	"$T_DIR/connect.lines" > "$T_DIR/connect.states"
sed 's/^/    /' "$T_DIR/connect.states"
awk '{ print $1 }' "$T_DIR/connect.states" | uniq | tr '\n' ' ' |
	grep -q 'auth assoc l2-auth ip-learn run ' ||
	fail "the notifications do not walk auth, assoc, l2-auth, ip-learn, run"
awk '$2 != 1 || $1 != $3 { exit 1 }' "$T_DIR/connect.states" ||
	fail "a notification carries more than the newest history entry"

step "sta-get dump and ap-get: two stations"
dump_ok sta-get "{\"ifindex\": $w0}"
d=$NL_REPLY
expect "sta-get dump" "$(jv "$d" '[.[].mac] | sort | join(" ")')" \
	"$(printf '%s\n' "$sta1" "$sta2" | sort | tr '\n' ' ' | sed 's/ $//')"
do_ok ap-get "{\"ifindex\": $w0}"
get=$NL_REPLY
expect sta-count "$(jv "$get" '."sta-count"')" 2
checked e ap.sta-count

step "PMKSA caching: client 1 reconnects with its PMKID"
wpas_cli sta1 wlan1 disconnect > /dev/null
wait_for 10 "the AP to drop client 1" sh -c "! iw dev wlan0 station dump | grep -q '$sta1'"
wpas_cli sta1 wlan1 reconnect > /dev/null
wait_for 30 "client 1 to reconnect" wpas_completed sta1 wlan1
do_ok sta-get "{\"ifindex\": $w0, \"mac\": \"$(nomac "$sta1")\"}"
s=$NL_REPLY
expect "sta pmksa-cached" "$(jv "$s" '."pmksa-cached" // false')" true
expect "sta pmkid (cached)" "$(jv "$s" '.pmkid | gsub(" "; "")')" "$pmkid1"
checked e sta.pmksa-cached

step "pmksa-get: both entries; pmksa-flush with client 1's MAC drops only its own"
dump_ok pmksa-get "{\"ifindex\": $w0}"
p=$NL_REPLY
printf '%s\n' "$p" | jq -c '.[]' | sed 's/^/    /'
pmkid2=$(wpas_cli sta2 wlan2 pmksa | awk 'NR > 1 && NF >= 3 { print $3 }')
expect "pmksa entries" "$(jv "$p" 'length')" 2
expect "pmksa ifindex" "$(jv "$p" '[.[].ifindex] | unique | join(",")')" "$w0"
expect "pmksa of client 1" \
	"$(jv "$p" ".[] | select(.mac == \"$sta1\") | .pmkid | gsub(\" \"; \"\")")" "$pmkid1"
expect "pmksa of client 2" \
	"$(jv "$p" ".[] | select(.mac == \"$sta2\") | .pmkid | gsub(\" \"; \"\")")" "$pmkid2"
expect "pmksa groups" "$(jv "$p" '[.[].group] | unique | join(",")')" 20
jv "$p" '.[]."expires-s"' | awk '$1 <= 0 || $1 > 600 { exit 1 }' ||
	fail "an expires-s is not within the pmksa-lifetime of 600 s"
do_ok pmksa-flush "{\"ifindex\": $w0, \"mac\": \"$(nomac "$sta1")\"}"
dump_ok pmksa-get "{\"ifindex\": $w0}"
p=$NL_REPLY
expect "pmksa after flushing client 1" "$(jv "$p" '[.[].mac] | join(" ")')" "$sta2"
do_ok pmksa-flush "{\"ifindex\": $w0}"
dump_ok pmksa-get "{\"ifindex\": $w0}"
expect "pmksa after a whole flush" "$(jv "$NL_REPLY" length)" 0
checked e ap.pmksa-lifetime pmksa.ifindex pmksa.mac pmksa.pmkid pmksa.group \
	pmksa.expires-s

step "gtk-rekey 15: the client sees a rekey by itself; ap-rekey starts one now"
n=$(rekeys 1)
wait_for 20 "the periodic group rekey" rekeys_above 1 "$n"
n=$(rekeys 1)
do_ok ap-rekey "{\"ifindex\": $w0}"
wait_for 5 "the group rekey ap-rekey started" rekeys_above 1 "$n"
checked e ap.gtk-rekey

step "sta-del with del-reason 5: the client is told 5, sta-ntf of NONE carries it"
listen 8 del
do_ok sta-del "{\"ifindex\": $w0, \"mac\": \"$(nomac "$sta2")\", \"del-reason\": 5}"
wait_for 5 "client 2 to be disconnected with reason 5" \
	wpas_log_has wlan2 "CTRL-EVENT-DISCONNECTED bssid=$ap_mac reason=5"
listened del > "$T_DIR/del.lines"
ntf=$(jq -c "select(.msg.mac == \"$sta2\" and .msg.state == \"none\") | .msg" \
	"$T_DIR/del.lines" | head -n 1)
[ -n "$ntf" ] || fail "no sta-ntf of client 2 in NONE"
log "    $ntf"
expect "sta-ntf del-reason" "$(jv "$ntf" '."del-reason"')" 5
checked e sta.del-reason

step "counters follow what the clients did"
do_ok ap-get "{\"ifindex\": $w0}"
get=$NL_REPLY
printf '%s\n' "$get" | jq -c .counters | sed 's/^/    /'
for c in rx-assoc tx-assoc-reject rx-eapol tx-eapol pmksa-hit tx-deauth; do
	[ "$(jv "$get" ".counters.\"$c\"")" -ge 1 ] || fail "counter $c is 0"
	checked e "counters.$c"
done
expect "pmksa-hit" "$(jv "$get" '.counters."pmksa-hit"')" 1

step "ap-stop: the BSS is no longer served, its clients are deauthenticated"
n=$(grep -c "CTRL-EVENT-DISCONNECTED bssid=$ap_mac" "$T_DIR/wpas-wlan1.log")
listen 3 stop
do_ok ap-stop "{\"ifindex\": $w0}"
nl_refused "wlan0 is not served by owe" ap-get "{\"ifindex\": $w0}"
wait_for 5 "client 1 to be deauthenticated" sh -c "[ \$(grep -c \
	'CTRL-EVENT-DISCONNECTED bssid=$ap_mac' '$T_DIR/wpas-wlan1.log') -gt $n ]"
listened stop > "$T_DIR/stop.json"
jq -e "select(.name == \"ap-detached-ntf\" and .msg.ifindex == $w0)" \
	"$T_DIR/stop.json" > /dev/null || fail "no ap-detached-ntf for wlan0"
log "    $(jq -c 'select(.name == "ap-detached-ntf")' "$T_DIR/stop.json")"
for i in 1 2; do
	wpas_cli "sta$i" "wlan$i" terminate > /dev/null
done
run owectl --no-owe dev wlan0 ap stop || fail "cannot stop the BSS"

step "phase 2: a transition pair; owe0 names its partner by BSSID and SSID"
owe_mac=02:00:00:00:00:10
run iw phy "$(phy_of wlan0)" interface add owe0 type __ap || fail "cannot add owe0"
run ip link set owe0 address "$owe_mac"
o0=$(ifidx owe0)
cap_start trans
run owectl --no-owe dev owe0 ap start ssid uapi-hidden freq 2412 security owe \
	hidden cipher gcmp-256 || fail "cannot start owe0 through nl80211"
do_ok ap-start "{\"ifindex\": $o0, \"security\": \"owe\", \
\"ssid\": \"$(hex uapi-hidden)\", \"hidden\": true, \"cipher\": $((0x000fac09)), \"pmf\": \"optional\", \
\"transition-bssid\": \"$(nomac "$ap_mac")\", \"transition-ssid\": \"$(hex uapi-open)\", \
\"transition-op-class\": 81, \"transition-channel\": 1}"
run owectl --no-owe dev wlan0 ap start ssid uapi-open freq 2412 ||
	fail "cannot start wlan0 through nl80211"
do_ok ap-start "{\"ifindex\": $w0, \"security\": \"open\", \
\"ssid\": \"$(hex uapi-open)\", \"transition-ifindex\": $o0}"
do_ok ap-get "{\"ifindex\": $w0}"
g0=$NL_REPLY
do_ok ap-get "{\"ifindex\": $o0}"
go=$NL_REPLY
printf '%s\n' "$g0" "$go" | jq -c 'del(.counters)' | sed 's/^/    /'
expect "wlan0 security" "$(jv "$g0" .security)" open
expect "wlan0 akm" "$(jv "$g0" '.akm // "none"')" none
expect "wlan0 transition-ifindex" "$(jv "$g0" '."transition-ifindex"')" "$o0"
expect "wlan0 partner-ifindex" "$(jv "$g0" '."partner-ifindex"')" "$o0"
expect "owe0 hidden" "$(jv "$go" .hidden)" true
expect "owe0 cipher" "$(jv "$go" .cipher)" 0xfac09
expect "owe0 pmf" "$(jv "$go" .pmf)" optional
expect "owe0 groups" "$(jv "$go" '.groups | sort | join(",")')" ecp256,ecp384,ecp521
expect "owe0 transition-bssid" "$(jv "$go" '."transition-bssid"')" "$ap_mac"
expect "owe0 transition-ssid" "$(jv "$go" '."transition-ssid"')" "$(hex uapi-open)"
expect "owe0 transition-op-class" "$(jv "$go" '."transition-op-class"')" 81
expect "owe0 transition-channel" "$(jv "$go" '."transition-channel"')" 1
checked e ap.partner-ifindex

step "hidden: owe0 answers a directed probe only"
run ip -n sta2 link set wlan2 up
sleep 1
run ip netns exec sta2 iw dev wlan2 scan freq 2412 > /dev/null ||
	fail "the wildcard scan failed"
cap_stop trans
cap_start directed
run ip netns exec sta2 iw dev wlan2 scan freq 2412 ssid uapi-hidden > /dev/null ||
	fail "the directed scan failed"
cap_stop directed
resp='wlan.fc.type_subtype == 0x0005'
[ "$(cap_count trans "$resp && wlan.sa == $ap_mac")" -gt 0 ] ||
	fail "wlan0 did not answer the wildcard probe (did it reach the radio?)"
[ "$(cap_count trans "$resp && wlan.sa == $owe_mac")" = 0 ] ||
	fail "the hidden owe0 answered a wildcard probe"
[ "$(cap_count directed "$resp && wlan.sa == $owe_mac")" -gt 0 ] ||
	fail "the hidden owe0 did not answer a probe naming it"

step "the beacons: each names the other; owe0 hides its SSID, GCMP-256, PMF optional"
cap_fields trans "$beacon && wlan.bssid == $ap_mac" wlan.wfa.ie.owe.bssid \
	wlan.wfa.ie.owe.ssid wlan.rsn.akms.type | sort -u > "$T_DIR/open-beacons"
cap_fields trans "$beacon && wlan.bssid == $owe_mac" wlan.wfa.ie.owe.bssid \
	wlan.wfa.ie.owe.ssid wlan.wfa.ie.owe.band_info wlan.wfa.ie.owe.channel_info \
	wlan.rsn.akms.type wlan.rsn.pcs.type wlan.rsn.gcs.type \
	wlan.rsn.capabilities.mfpc wlan.rsn.capabilities.mfpr |
	sort -u > "$T_DIR/owe-beacons"
log "wlan0 beacons (element BSSID, SSID, AKM):"
sed 's/^/    /' "$T_DIR/open-beacons"
log "owe0 beacons (element BSSID, SSID, op class, channel, AKM, pairwise, group, MFPC, MFPR):"
sed 's/^/    /' "$T_DIR/owe-beacons"
grep -qiE "^$owe_mac (uapi-hidden|$(hex uapi-hidden)) -$" "$T_DIR/open-beacons" ||
	fail "wlan0's beacons do not name owe0 (or carry an RSNE)"
read -r eb es eo ec ak pc gc mc mr <<< "$(grep -iE "^$ap_mac " "$T_DIR/owe-beacons" | tail -n 1)"
expect "owe0 element BSSID" "${eb,,}" "$ap_mac"
[[ "$es" =~ ^(uapi-open|$(hex uapi-open))$ ]] || fail "owe0 element SSID is '$es'"
# tshark 4.0 decodes the element only up to the SSID: the operating class
# and channel are its last two octets (raw bytes of the frame's JSON)
raw=$(tshark -r "$T_DIR/trans.pcapng" -Y "$beacon && wlan.bssid == $owe_mac && \
	wlan.wfa.ie.owe.bssid" -T json -x 2>/dev/null |
	grep -o '"dd[0-9a-f]\{2\}506f9a1c[0-9a-f]*"' | tr -d '"' | tail -n 1)
log "    owe0's transition element: $raw"
[ "${#raw}" = $((2 * (2 + 4 + 6 + 1 + 9 + 2))) ] ||
	fail "owe0's transition element is not BSSID, SSID, op class, channel"
[[ "$eo" =~ ^(-|81|0x0*51)$ ]] || fail "tshark decodes owe0's op class as '$eo'"
[[ "$ec" =~ ^(-|1|0x0*1)$ ]] || fail "tshark decodes owe0's channel as '$ec'"
expect "owe0 element op class" "$((16#${raw: -4:2}))" 81
expect "owe0 element channel" "$((16#${raw: -2}))" 1
expect "owe0 beacon AKM" "$ak" 18
expect "owe0 beacon pairwise" "$pc" 9
expect "owe0 beacon group" "$gc" 9
expect "owe0 beacon MFPC" "$(cap_num "$mc")" 1
expect "owe0 beacon MFPR" "$(cap_num "$mr")" 0
[ "$(cap_count trans "$beacon && wlan.bssid == $owe_mac && wlan.tag.number == 0 && wlan.tag.length == 0")" -gt 0 ] ||
	fail "owe0's beacons carry its SSID"
checked e ap.hidden ap.cipher ap.transition-ifindex ap.transition-bssid \
	ap.transition-ssid ap.transition-op-class ap.transition-channel ap.ifindex

step "coverage: every spec attribute sent or seen, and checked"
python3 - "$spec" "$NL_LOG" "$CHECKED" "$0" "$T_DIR"/*.ntf <<'PY' ||
import json, re, sys, yaml

spec_path, nl_log, checked_path, me, *ntf_files = sys.argv[1:]
spec = yaml.safe_load(open(spec_path))
sets = {s['name']: {a['name']: a for a in s['attributes']}
	for s in spec['attribute-sets']}
ops = {o['name']: o for o in spec['operations']['list']}

def op_set(o):
    return o.get('attribute-set') or op_set(ops[o['notify']])

request, reply = set(), set()
def reply_add(s, names):
    for n in names:
        reply.add((s, n))
        a = sets[s][n]
        if a['type'] == 'nest':
            reply_add(a['nested-attributes'], sets[a['nested-attributes']])
for o in ops.values():
    s = op_set(o)
    src = ops[o['notify']] if 'notify' in o else o
    for mode in ('do', 'dump'):
        m = src.get(mode) or {}
        if 'notify' not in o:
            request.update((s, n) for n in
                           (m.get('request') or {}).get('attributes', []))
        reply_add(s, (m.get('reply') or {}).get('attributes', []))

sent, seen = set(), set()
def walk(s, v):
    if isinstance(v, list):
        for x in v:
            walk(s, x)
        return
    if not isinstance(v, dict):
        return
    for k, x in v.items():
        seen.add((s, k))
        a = sets[s].get(k)
        if a and a['type'] == 'nest':
            walk(a['nested-attributes'], x)
for line in open(nl_log):
    r = json.loads(line)
    s = op_set(ops[r['op']])
    sent.update((s, k) for k in r['req'])
    if r['rc'] == 0 and r['out'].strip():
        walk(s, json.loads(r['out'].strip().splitlines()[-1]))
for f in ntf_files:
    for m in json.load(open(f)):
        walk(op_set(ops[m['name']]), m['msg'])

checked = {}
for line in open(checked_path):
    how, a = line.split()
    s, n = a.split('.', 1)
    checked.setdefault((s, n), set()).add(how)
table = set()
for line in open(me):
    m = re.match(r'#   ([a-z0-9-]+)\.([a-z0-9*-]+)\s', line)
    if m:
        table.add(m.groups())

bad = []
for s in sets:
    for n in sets[s]:
        name = f'{s}.{n}'
        if (s, n) not in table and (s, '*') not in table:
            bad.append(f'{name} is not in the table of the test')
        if (s, n) not in request | reply:
            bad.append(f'{name} is in no request, reply or notification')
        if (s, n) in request and (s, n) not in sent:
            bad.append(f'{name} was never sent')
        if (s, n) in reply and (s, n) not in seen:
            bad.append(f'{name} never appeared in a reply or notification')
        if (s, n) not in checked:
            bad.append(f'{name} was never checked')
total = sum(len(a) for a in sets.values())
eff = sum(1 for k, v in checked.items() if 'e' in v and k[1] in sets[k[0]])
print(f'{total} attributes in {len(sets)} sets: {len(request)} in requests, '
      f'{len(reply)} in replies/notifications; {eff} checked by effect, '
      f'{total - eff} by value or presence')
for b in bad:
    print('MISSING: ' + b)
sys.exit(1 if bad else 0)
PY
	fail "the test does not cover the spec"
pass
