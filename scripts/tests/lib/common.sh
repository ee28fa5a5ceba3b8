# SPDX-License-Identifier: GPL-2.0
# Helpers for scripts/tests/*.sh, sourced inside the guest. Every test runs
# in a fresh guest (scripts/vm/run.sh), so state never leaks between tests;
# the cleanup trap still stops what a test started, so that the module's
# teardown runs with no daemon holding an interface.
#
# Addresses come from TEST-NET-1 (192.0.2.0/24, RFC 5737) and live only on
# the guest's simulated radios.

set -u

T_NAME=$(basename "$0" .sh)
T_DIR=$(mktemp -d "/tmp/$T_NAME.XXXX")
T_PIDS=()
T_STEP=0

log() { printf '[%s] %s\n' "$T_NAME" "$*"; }

# step DESCRIPTION: announce a step of the test
step() {
	T_STEP=$((T_STEP + 1))
	log "step $T_STEP: $*"
}

fail() {
	log "FAIL: $*"
	exit 1
}

pass() {
	log "PASS"
	exit 0
}

# run CMD...: echo a command, then run it
run() {
	log "+ $*"
	"$@"
}

# refuses EXPECTED-TEXT ARGS...: owectl ARGS must exit non-zero and say
# EXPECTED-TEXT (on stdout or stderr)
refuses() {
	local want=$1 out rc

	shift
	out=$(owectl "$@" 2>&1)
	rc=$?
	log "+ owectl $* -> exit $rc: $(printf '%s' "$out" | head -n 1)"
	[ "$rc" != 0 ] || fail "owectl $* succeeded"
	printf '%s\n' "$out" | grep -qF -- "$want" ||
		fail "owectl $* did not say \"$want\" but: $out"
}

t_cleanup() {
	local pid

	for pid in "${T_PIDS[@]}"; do
		kill "$pid" 2>/dev/null
	done
	for pid in "${T_PIDS[@]}"; do
		wait "$pid" 2>/dev/null
	done
}
trap t_cleanup EXIT

# track PID: stop it when the test ends
track() { T_PIDS+=("$1"); }

# wait_for SECONDS DESCRIPTION CMD...: poll CMD every 0.2 s (guest time)
wait_for() {
	local secs=$1 what=$2 i

	shift 2
	for ((i = 0; i < secs * 5; i++)); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.2
	done
	fail "timed out after ${secs}s waiting for $what"
}

# phy_of IFACE: the wiphy name (phyN) behind a netdev
phy_of() { basename "$(readlink "/sys/class/net/$1/phy80211")"; }

# netns_sta NS IFACE: make a network namespace and move IFACE's radio there
netns_sta() {
	local ns=$1 ifc=$2 phy

	phy=$(phy_of "$ifc")
	run ip netns add "$ns" || fail "cannot create netns $ns"
	run iw phy "$phy" set netns name "$ns" || fail "cannot move $phy to $ns"
	ip -n "$ns" link set lo up
}

# wpas_start NS IFACE CONF: start wpa_supplicant in NS; control socket
# in $T_DIR/wpas-IFACE, log in $T_DIR/wpas-IFACE.log
wpas_start() {
	local ns=$1 ifc=$2 conf=$3

	ip netns exec "$ns" wpa_supplicant -i "$ifc" -c "$conf" -D nl80211 \
		-dd -t -f "$T_DIR/wpas-$ifc.log" &
	track $!
	wait_for 10 "wpa_supplicant control socket" \
		test -S "$T_DIR/wpas-$ifc/$ifc"
}

# wpas_cli NS IFACE ARGS...: wpa_cli against wpa_supplicant in NS
wpas_cli() {
	local ns=$1 ifc=$2

	shift 2
	ip netns exec "$ns" wpa_cli -p "$T_DIR/wpas-$ifc" -i "$ifc" "$@"
}

# wpas_state NS IFACE: the supplicant's wpa_state
wpas_state() {
	wpas_cli "$1" "$2" status | sed -n 's/^wpa_state=//p'
}

wpas_completed() { [ "$(wpas_state "$1" "$2")" = COMPLETED ]; }

# ping_ok [NS] ADDR: three pings must all come back
ping_ok() {
	if [ $# = 2 ]; then
		ip netns exec "$1" ping -c 3 -i 0.2 -W 2 "$2"
	else
		ping -c 3 -i 0.2 -W 2 "$1"
	fi
}

# quick SECONDS CMD...: CMD must finish, successfully, within SECONDS (a
# command stuck in the kernel is caught by the guest's timeout instead)
quick() {
	local secs=$1 rc

	shift
	log "+ $* (at most ${secs}s)"
	timeout -k 2 "$secs" "$@"
	rc=$?
	[ "$rc" = 124 ] || [ "$rc" = 137 ] &&
		fail "'$*' did not return within ${secs}s"
	return "$rc"
}

# rtnl_alive: an RTNL user still answers
rtnl_alive() {
	quick 5 ip link show > /dev/null || fail "ip link show failed"
}

# time_every SECS FILE CMD...: CMD's latency in ms, one a line in FILE,
# every SECS seconds until killed (latency figures under load)
time_every() {
	local secs=$1 file=$2 t0

	shift 2
	while :; do
		t0=$(date +%s%N)
		"$@" > /dev/null 2>&1
		echo $((($(date +%s%N) - t0) / 1000000)) >> "$file"
		sleep "$secs"
	done
}

# pct FILE P: the P-th percentile of FILE's figures
pct() {
	sort -n "$1" | awk -v p="$2" '{ v[NR] = $1 }
		END { i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; print v[i] }'
}
