#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Which backend serves a BSS, and what each owes the operator. "auto"
# takes the mac80211 hook when the running mac80211 has it (the normal
# kernel) and nl80211 when it does not (the stock variant,
# OWE_KERNEL_VARIANT=stock, whose mac80211.ko carries none of
# patches/mac80211/); the module parameter and `owectl ap show` say which;
# backend=hook on the stock variant is refused with the reason, a value
# that names no backend is refused when set. With each backend an OWE
# client connects, and `owectl ap stop` deauthenticates it (reason 3,
# from the AP) before the AP stops: with nl80211 the frame goes out after
# the module's ap-stop returns, so owectl waits for the module's
# "detached" announcement, which `owectl event` shows too. Last, the
# namespace of a BSS the nl80211 backend serves is deleted under it.
#
#   wlan0 (AP, owe.ko)  ~~ hwsim ~~  wlan1 (STA, netns "sta")
#
# owe-test: radios=2
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/owe.sh"

param=/sys/module/owe/parameters/backend
if [ "${OWE_KERNEL_VARIANT:-normal}" = stock ]; then
	auto=nl80211
	grep -qw ieee80211_ap_auth_register /proc/kallsyms &&
		fail "the stock variant's mac80211 has the hook"
else
	auto=hook
fi

# serve NAME SHOWN: start the OWE BSS with backend NAME (auto, hook,
# nl80211), check `ap show` names SHOWN, connect the client, stop the BSS
# and check the client was told
serve() {
	local name=$1 shown=$2 n

	step "backend=$name: '$shown' serves the BSS"
	echo "$name" > "$param" || fail "cannot set backend=$name"
	run owectl dev wlan0 ap start ssid "$OWE_SSID" freq 2412 security owe ||
		fail "owectl could not start the BSS"
	run owectl dev wlan0 ap show | tee "$T_DIR/show"
	grep -qP "^\tbackend:\t$shown\$" "$T_DIR/show" ||
		fail "ap show does not name backend '$shown'"

	step "backend=$name: a client connects"
	n=$(grep -c "CTRL-EVENT-CONNECTED" "$T_DIR/wpas-wlan1.log")
	wpas_cli sta wlan1 reconnect > /dev/null
	wait_for 30 "the station to reach COMPLETED" wpas_completed sta wlan1
	wait_for 10 "a new connection in the log" \
		sh -c "[ \$(grep -c CTRL-EVENT-CONNECTED '$T_DIR/wpas-wlan1.log') -gt $n ]"
	run ping_ok sta 192.0.2.1 || fail "the client cannot ping the AP"

	step "backend=$name: ap stop deauthenticates it first"
	n=$(grep -c "CTRL-EVENT-DISCONNECTED" "$T_DIR/wpas-wlan1.log")
	: > "$T_DIR/events"
	run owectl dev wlan0 ap stop || fail "owectl could not stop the BSS"
	wait_for 10 "the client to be disconnected" \
		sh -c "[ \$(grep -c CTRL-EVENT-DISCONNECTED '$T_DIR/wpas-wlan1.log') -gt $n ]"
	grep "CTRL-EVENT-DISCONNECTED" "$T_DIR/wpas-wlan1.log" | tail -n 1 |
		tee "$T_DIR/disc" | sed 's/^/    /'
	grep -q "reason=3" "$T_DIR/disc" && ! grep -q "locally_generated=1" "$T_DIR/disc" ||
		fail "the client was not deauthenticated by the AP (reason 3)"
	wait_for 5 "owectl event to show the detach" \
		grep -q "wlan0: BSS detached" "$T_DIR/events"
	wpas_cli sta wlan1 disconnect > /dev/null
}

step "the module parameter"
run cat "$param"
grep -qx "auto ($auto)" "$param" || fail "backend reads '$(cat "$param")', not 'auto ($auto)'"
if echo bogus > "$param" 2>/dev/null; then
	fail "backend=bogus was accepted"
fi
dmesg | grep -q "backend=bogus: not auto, hook or nl80211" ||
	fail "no message for backend=bogus"
grep -qx "auto ($auto)" "$param" || fail "backend=bogus changed the parameter"

run ip addr add 192.0.2.1/24 dev wlan0
sta_up sta wlan1 192.0.2.2 ieee80211w=2
wpas_cli sta wlan1 disconnect > /dev/null
owectl event >> "$T_DIR/events" 2>&1 &
track $!

if [ "$auto" = hook ]; then
	serve auto mac80211-hook
	serve hook mac80211-hook
else
	serve auto nl80211
	step "backend=hook is refused on the stock kernel"
	echo hook > "$param" || fail "cannot set backend=hook"
	refuses "has no AP-authenticator hook" dev wlan0 ap start \
		ssid "$OWE_SSID" freq 2412 security owe
fi
serve nl80211 nl80211

# the nl80211 backend's socket lives in the BSS's namespace and holds no
# reference on it: the namespace going away takes the BSS down cleanly
step "backend=nl80211: the AP's namespace is deleted under a running BSS"
phy=$(phy_of wlan0)
run ip netns add apns
run iw phy "$phy" set netns name apns || fail "cannot move $phy to apns"
run ip netns exec apns owectl dev wlan0 ap start ssid "$OWE_SSID" freq 2412 \
	security owe || fail "owectl could not start the BSS in apns"
run ip netns exec apns owectl dev wlan0 ap show | grep -P '^\tbackend:' |
	grep -q nl80211 || fail "the BSS in apns is not served by nl80211"
run ip netns del apns
wait_for 10 "$phy to come back to the initial namespace" \
	sh -c "iw phy '$phy' info > /dev/null 2>&1"
wait_for 10 "wlan0 to come back" ip link show wlan0
run owectl dev wlan0 ap start ssid "$OWE_SSID" freq 2412 security owe ||
	fail "owectl could not start the BSS again"
run owectl dev wlan0 ap stop || fail "owectl could not stop the BSS"
echo auto > "$param"
pass
