#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# owectl apply: broken files are refused with their line and change
# nothing; the example file Documentation/examples/owe-transition.conf
# builds the pair that the demo's commands build (ap show of both alike),
# and an OWE and a legacy client connect; an apply of the same file changes
# nothing; a changed key of the OWE BSS restarts that BSS only, while the
# legacy client of the open BSS stays connected; ieee80211w and
# rsn_pairwise reach ap show as PMF and cipher (and owe_ptk_workaround as
# ptk-workaround, where ap start has that option); a BSS removed from the
# file is stopped and the interface apply added deleted; bridge= makes the
# interface a port of an existing bridge.
#
#   radio 0: wlan0 open "OPEN-OWE" + wlan1 OWE "OWE-Transition" (hidden,
#            02:00:00:00:00:10), added by apply
#   radio 1: sta1 in netns owe-client, key_mgmt=OWE
#   radio 2: sta2 in netns legacy-client, key_mgmt=NONE
#
# owe-test: radios=3
. "$(dirname "$0")/lib/common.sh"

command -v owectl >/dev/null || fail "owectl is not built"
example=Documentation/examples/owe-transition.conf
state=/run/owe-ap/apply.state
owe_bssid=02:00:00:00:00:10

# show_bss IFACE: ap show without what changes over time
show_bss() {
	owectl dev "$1" ap show |
		sed -e '/^\tcounters:/,$d' -e '/^\tstations:/d' \
		    -e 's/ (ifindex [0-9]*)//'
}

# nothing_runs: no BSS, no added interface, no state
nothing_runs() {
	[ -z "$(iw dev wlan0 info | sed -n 's/^\tssid //p')" ] ||
		fail "a BSS runs on wlan0"
	[ ! -e /sys/class/net/wlan1 ] || fail "wlan1 was added"
	[ ! -e "$state" ] || fail "$state was written"
}

# broken FILE WANT: apply FILE fails, says WANT, and changes nothing
broken() {
	local out

	out=$(owectl apply "$1" 2>&1)
	[ $? != 0 ] || fail "apply of a broken file succeeded: $out"
	log "refused: $(printf '%s\n' "$out" | head -n 1)"
	printf '%s\n' "$out" | grep -qF -- "$2" ||
		fail "apply did not say \"$2\" but: $out"
	printf '%s\n' "$out" | grep -qF "nothing was changed" ||
		fail "apply did not say that nothing was changed: $out"
	nothing_runs
}

# apply_says FILE LINE...: apply FILE succeeds and prints exactly LINEs
apply_says() {
	local file=$1 want

	shift
	log "+ owectl apply $file"
	owectl apply "$file" > "$T_DIR/apply.out" 2>&1
	local rc=$?
	sed 's/^/    /' "$T_DIR/apply.out"
	[ "$rc" = 0 ] || fail "owectl apply $file failed"
	want=$(printf '%s\n' "$@")
	[ "$(cat "$T_DIR/apply.out")" = "$want" ] ||
		fail "apply printed something else than: $want"
}

# client NS IFACE KEY_MGMT [LINE]: wpa_supplicant for OPEN-OWE in its own
# netns
client() {
	ip link set "$2" down
	netns_sta "$1" "$2"
	cat > "$T_DIR/wpas-$2.conf" <<-CONF
	ctrl_interface=$T_DIR/wpas-$2
	network={
		ssid="OPEN-OWE"
		key_mgmt=$3
		${4:-}
		scan_freq=2412
	}
	CONF
	wpas_start "$1" "$2" "$T_DIR/wpas-$2.conf"
}

wpas_field() { wpas_cli "$1" "$2" status | sed -n "s/^$3=//p"; }

# connections NS IFACE: how often the client has connected
connections() { grep -c 'CTRL-EVENT-CONNECTED' "$T_DIR/wpas-$2.log"; }

on_bss() { [ "$(wpas_field "$1" "$2" bssid)" = "$3" ] && wpas_completed "$1" "$2"; }

step "the clients' radios become sta1 and sta2, so that the AP has wlan0 and wlan1"
run ip link set wlan1 name sta1 || fail "cannot rename wlan1"
run ip link set wlan2 name sta2 || fail "cannot rename wlan2"
open_bssid=$(cat /sys/class/net/wlan0/address)

step "the demo's pair by hand, as scripts/demo.sh builds it"
run iw phy "$(phy_of wlan0)" interface add wlan1 type __ap || fail "cannot add wlan1"
run ip link set wlan1 address "$owe_bssid" || fail "cannot set wlan1's MAC"
run owectl dev wlan0 ap start ssid OPEN-OWE freq 2412 security open transition wlan1 ||
	fail "cannot start the open BSS"
run owectl dev wlan1 ap start ssid OWE-Transition freq 2412 security owe hidden transition wlan0 ||
	fail "cannot start the OWE BSS"
show_bss wlan0 > "$T_DIR/demo.wlan0" || fail "ap show wlan0"
show_bss wlan1 > "$T_DIR/demo.wlan1" || fail "ap show wlan1"
sed 's/^/    /' "$T_DIR/demo.wlan0" "$T_DIR/demo.wlan1"
run owectl dev wlan1 ap stop && run owectl dev wlan0 ap stop || fail "ap stop"
run iw dev wlan1 del || fail "cannot delete wlan1"
run iw dev wlan0 set type managed

step "broken files are refused with their line, and nothing is started"
sed 's/^ssid=OWE-Transition$/&\nwpa_passphrase=secret12/' "$example" > "$T_DIR/unknown.conf"
n=$(grep -n '^wpa_passphrase' "$T_DIR/unknown.conf" | cut -d: -f1)
broken "$T_DIR/unknown.conf" "unknown.conf:$n: unknown key 'wpa_passphrase'"
sed 's/^owe_transition_ifname=wlan0$/&\nowe_transition_bssid=02:00:00:00:00:01/' \
	"$example" > "$T_DIR/conflict.conf"
n=$(grep -n '^owe_transition_bssid' "$T_DIR/conflict.conf" | cut -d: -f1)
broken "$T_DIR/conflict.conf" "conflict.conf:$n: owe_transition_bssid conflicts with owe_transition_ifname"
sed 's/^channel=1$/channel=14/' "$example" > "$T_DIR/channel.conf"
n=$(grep -n '^channel=' "$T_DIR/channel.conf" | cut -d: -f1)
broken "$T_DIR/channel.conf" "channel.conf:$n: channel=14: not a channel of hw_mode=g"
sed 's/^wpa_key_mgmt=OWE$/wpa_key_mgmt=SAE/' "$example" > "$T_DIR/sae.conf"
n=$(grep -n '^wpa_key_mgmt' "$T_DIR/sae.conf" | cut -d: -f1)
broken "$T_DIR/sae.conf" "sae.conf:$n: wpa_key_mgmt=SAE: owe-ap serves only OWE or open BSSes"
sed 's/^ignore_broadcast_ssid=1$/ignore_broadcast_ssid=0/' "$example" > "$T_DIR/visible.conf"
broken "$T_DIR/visible.conf" "must be hidden"
sed 's/^owe_transition_ifname=wlan1$/&\nbridge=br0/' "$example" > "$T_DIR/nobridge.conf"
n=$(grep -n '^bridge=' "$T_DIR/nobridge.conf" | cut -d: -f1)
broken "$T_DIR/nobridge.conf" "nobridge.conf:$n: bridge=br0: no such bridge"
# owe_ptk_workaround=1 is "ap start ... ptk-workaround on" where ap start
# has that option, and refused where it has not
has_ptk=0
owectl help ap start | grep -q ptk-workaround && has_ptk=1
if [ "$has_ptk" = 0 ]; then
	sed 's/^wpa_key_mgmt=OWE$/&\nowe_ptk_workaround=1/' "$example" > "$T_DIR/ptk.conf"
	n=$(grep -n '^owe_ptk_workaround' "$T_DIR/ptk.conf" | cut -d: -f1)
	broken "$T_DIR/ptk.conf" "ptk.conf:$n: owe_ptk_workaround=1: this owectl has no ptk-workaround option"
fi
sed 's/^ssid=OPEN-OWE$/&\nowe_groups=20/' "$example" > "$T_DIR/opengroups.conf"
n=$(grep -n '^owe_groups' "$T_DIR/opengroups.conf" | cut -d: -f1)
broken "$T_DIR/opengroups.conf" "opengroups.conf:$n: owe_groups=20: only an OWE BSS takes it"
printf 'interface=wlan0\nchannel=1\nssid=A\nbss=sta1\nssid=B\n' > "$T_DIR/radios.conf"
broken "$T_DIR/radios.conf" "radios.conf:4: bss=sta1: on another radio"
# one run reports every error of the file
out=$(printf 'interface=wlan0\nchannel=1\nssid=A\nfoo=1\ndtim_period=0\n' > "$T_DIR/two.conf"
      owectl apply "$T_DIR/two.conf" 2>&1)
printf '%s\n' "$out" | grep -qF "two.conf:4: unknown key 'foo'" &&
	printf '%s\n' "$out" | grep -qF "two.conf:5: invalid DTIM period '0'" ||
	fail "apply did not report both errors: $out"
nothing_runs

out=$(owectl apply "$example" check 2>&1) || fail "apply check of the example failed: $out"
[ "$out" = "$example: 2 BSSes, no errors" ] || fail "apply check said: $out"
nothing_runs
log "apply check: $out"

step "apply of the example file builds the demo's pair"
# the operator's copy, edited in place below: apply remembers per file
conf=$T_DIR/owe-ap.conf
cp "$example" "$conf"
apply_says "$conf" "wlan0: started" "wlan1: started"
show_bss wlan0 > "$T_DIR/apply.wlan0" || fail "ap show wlan0"
show_bss wlan1 > "$T_DIR/apply.wlan1" || fail "ap show wlan1"
diff -u "$T_DIR/demo.wlan0" "$T_DIR/apply.wlan0" || fail "wlan0 differs from the demo's"
diff -u "$T_DIR/demo.wlan1" "$T_DIR/apply.wlan1" || fail "wlan1 differs from the demo's"
[ "$(cat /sys/class/net/wlan1/address)" = "$owe_bssid" ] || fail "wlan1 has another address"
log "ap show of both BSSes as the demo's"
sed 's/^/    /' "$state"

step "an OWE client and a legacy client connect"
# PMF optional on the client: it joins whether the AP offers or requires it
client owe-client sta1 OWE ieee80211w=1
client legacy-client sta2 NONE
wait_for 30 "the OWE client on the OWE BSS" on_bss owe-client sta1 "$owe_bssid"
wait_for 30 "the legacy client on the open BSS" on_bss legacy-client sta2 "$open_bssid"
[ "$(wpas_field owe-client sta1 key_mgmt)" = OWE ] || fail "the OWE client is not on OWE"
legacy_sta=$(ip netns exec legacy-client cat /sys/class/net/sta2/address)
owe_sta=$(ip netns exec owe-client cat /sys/class/net/sta1/address)
owectl dev wlan0 station get "$legacy_sta" > /dev/null || fail "wlan0 does not know the legacy client"
owectl dev wlan1 station get "$owe_sta" > /dev/null || fail "wlan1 does not know the OWE client"
ip addr add 192.0.2.1/25 dev wlan0
ip -n legacy-client addr add 192.0.2.10/25 dev sta2
run ping_ok legacy-client 192.0.2.1 > /dev/null || fail "the legacy client cannot ping the AP"

step "the same file again: nothing changes"
apply_says "$conf" "wlan0: unchanged" "wlan1: unchanged"
sleep 2
[ "$(connections owe-client sta1)" = 1 ] || fail "the OWE client connected again"
[ "$(connections legacy-client sta2)" = 1 ] || fail "the legacy client connected again"

step "owe_groups of the OWE BSS changed: only wlan1 restarts"
sed -i 's/^wpa_key_mgmt=OWE$/&\nowe_groups=19 20/' "$conf"
apply_says "$conf" "wlan0: unchanged" "wlan1: restarted"
owectl dev wlan1 ap show | grep -qP '^\tDH groups:\t19 20$' || {
	owectl dev wlan1 ap show
	fail "wlan1 does not accept groups 19 and 20"
}
wait_for 30 "the OWE client back on the OWE BSS" on_bss owe-client sta1 "$owe_bssid"
[ "$(connections owe-client sta1)" -ge 2 ] || fail "the OWE client did not reconnect"
sleep 2
[ "$(connections legacy-client sta2)" = 1 ] ||
	fail "the legacy client of the unchanged BSS was disconnected"
wpas_completed legacy-client sta2 || fail "the legacy client is no longer connected"
owectl dev wlan0 station get "$legacy_sta" > /dev/null ||
	fail "wlan0 lost the legacy client"
run ping_ok legacy-client 192.0.2.1 > /dev/null ||
	fail "the legacy client cannot ping the AP any more"
log "the legacy client stayed connected and pings"

step "ieee80211w=2 and rsn_pairwise=GCMP-256, then ieee80211w=0: wlan1 restarts with PMF required and GCMP-256, then PMF off"
sed -i -e 's/^#ieee80211w=2$/ieee80211w=2/' -e 's/^rsn_pairwise=CCMP$/rsn_pairwise=GCMP-256/' "$conf"
apply_says "$conf" "wlan0: unchanged" "wlan1: restarted"
owectl dev wlan1 ap show > "$T_DIR/show" || fail "ap show wlan1"
grep -qP '^\tPMF:\trequired$' "$T_DIR/show" || fail "wlan1's PMF is not required"
grep -qP '^\tcipher:\tGCMP-256' "$T_DIR/show" || fail "wlan1's cipher is not GCMP-256"
sed -i 's/^ieee80211w=2$/ieee80211w=0/' "$conf"
apply_says "$conf" "wlan0: unchanged" "wlan1: restarted"
owectl dev wlan1 ap show | grep -qP '^\tPMF:\toff$' || fail "wlan1's PMF is not off"
if [ "$has_ptk" = 1 ]; then
	sed -i 's/^wpa_key_mgmt=OWE$/&\nowe_ptk_workaround=1/' "$conf"
	apply_says "$conf" "wlan0: unchanged" "wlan1: restarted"
	grep -q 'ptk-workaround on' "$state" ||
		fail "the state does not record ptk-workaround on"
	owectl dev wlan1 ap show | grep -qP '^\tPTK workaround:\ton$' ||
		fail "wlan1 does not show the PTK workaround on"
fi

step "wlan1 removed from the file, wlan0 into bridge br0: wlan1 stops and goes"
run ip link add br0 type bridge || fail "cannot add br0"
# first wlan1 removed while wlan0 still names it: refused, nothing changes
sed -i '/^bss=/,$d' "$conf"
n=$(grep -n '^owe_transition_ifname=wlan1' "$conf" | cut -d: -f1)
out=$(owectl apply "$conf" 2>&1) && fail "apply of a file whose BSS names a BSS it would stop succeeded"
printf '%s\n' "$out" | grep -qF "owe-ap.conf:$n: owe_transition_ifname=wlan1: the BSS on 'wlan1' is no longer in the file" ||
	fail "apply did not name the line of the stale partner: $out"
log "refused: $(printf '%s\n' "$out" | head -n 1)"
show_bss wlan1 > /dev/null || fail "wlan1 no longer runs after a refused apply"
sed -n '/^bss=/q;p' "$example" |
	sed -e '/^owe_transition_ifname/d' -e '$a bridge=br0' > "$conf"
owectl apply "$conf" > "$T_DIR/apply.out" 2>&1 ||
	{ cat "$T_DIR/apply.out"; fail "apply of the shortened file failed"; }
sed 's/^/    /' "$T_DIR/apply.out"
grep -qx "wlan1: stopped (not in $conf)" "$T_DIR/apply.out" ||
	fail "wlan1 was not stopped"
grep -qx "wlan0: restarted" "$T_DIR/apply.out" || fail "wlan0 was not restarted"
[ ! -e /sys/class/net/wlan1 ] || fail "wlan1, which apply added, still exists"
[ "$(basename "$(readlink /sys/class/net/wlan0/master)")" = br0 ] ||
	fail "wlan0 is not a port of br0"
show_bss wlan0 | grep -q transition && fail "wlan0 still has a transition partner"
grep -q '^wlan1 ' "$state" && fail "the state still lists wlan1"

step "wlan0 taken out of br0 by hand: the same file puts it back, the BSS unchanged"
run ip link set wlan0 nomaster || fail "cannot take wlan0 out of br0"
apply_says "$conf" "wlan0: unchanged"
[ "$(basename "$(readlink /sys/class/net/wlan0/master)")" = br0 ] ||
	fail "wlan0 is not a port of br0 again"
pass
