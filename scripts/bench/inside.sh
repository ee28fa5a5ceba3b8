#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of `make bench` (scripts/bench/bench.sh boots it with
# scripts/vm/run.sh --realtime): owe.ko and hostapd (Debian 2.10) serve the
# same BSS on wlan0 in turns, in one boot, and the same wpa_supplicant
# clients measure them. Each round runs both implementations, the order
# swapped every round; owe.ko through its nl80211 backend (the module
# parameter backend=nl80211: what an unpatched kernel gets; the patched
# mac80211 of this kernel behaves as a stock one while no hook is
# registered) joins the OWE and open rounds as a third, "nl80211", unless
# --no-nl80211. Figures go to $OWE_RUNDIR/bench/samples.tsv, one
# sample a line; scripts/bench/results.py turns them into bench/results.md.
# A benchmark, not a test: it prints figures and asserts nothing (a failed
# connection is counted, not fatal).
#
#   scripts/bench/inside.sh [--cpu MODEL] [--runs N] [--cap-runs N]
#                           [--cap N,N,...] [--iperf-secs S]
#                           [--derive-runs N] [--flood-runs N]
#                           [--flood-pairs N] [--flood-only] [--no-nl80211]
#
#   wlan0 (AP: owe.ko or hostapd)  ~~ hwsim ~~  wlan1 .. wlanN (netns staI)
#   192.0.2.1/24                                192.0.2.11 (wlan1 only)
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/scripts/tests/lib/common.sh"
# the AP is started as the tests start it (start_ap); OWE_TEST_AP picks
# the implementation of each turn
. "$top/scripts/tests/lib/owe.sh"
. "$top/scripts/tests/lib/capture.sh"
inject=$top/scripts/tests/inject/owe-inject.py
rtnl_probe=$top/scripts/tests/lib/rtnl-probe.py

cpu=unknown
runs=5
cap_runs=5
cap_sizes=8,32,64
iperf_secs=5
derive_runs=5
flood_runs=3
flood_pairs=500
flood_rate=100
flood_only=0
nl80211=1
while [ $# -gt 0 ]; do
	case "$1" in
	--cpu) cpu=$2; shift ;;
	--runs) runs=$2; shift ;;
	--cap-runs) cap_runs=$2; shift ;;
	--cap) cap_sizes=$2; shift ;;
	--iperf-secs) iperf_secs=$2; shift ;;
	--derive-runs) derive_runs=$2; shift ;;
	--flood-runs) flood_runs=$2; shift ;;
	--flood-pairs) flood_pairs=$2; shift ;;
	# figure 8 alone, --runs rounds of it (no other figure)
	--flood-only) flood_only=1 ;;
	--no-nl80211) nl80211=0 ;;
	*) fail "unknown option '$1'" ;;
	esac
	shift
done

# work in the guest's /tmp: run.sh prunes old run directories while other
# guests start, so the run directory only gets a copy at the end
out=$T_DIR/bench
mkdir -p "$out"
samples=$out/samples.tsv
: > "$samples"
SSID_OWE=bench-owe
SSID_OPEN=bench-open
IFS=, read -r -a caps <<< "$cap_sizes"
nsta=1
for n in "${caps[@]}"; do
	[ "$n" -gt "$nsta" ] && nsta=$n
done
[ -e "/sys/class/net/wlan$nsta" ] ||
	fail "needs $((nsta + 1)) radios (run.sh -r $((nsta + 1)))"
# association requests injected per group for the softirq figure
hook_n=200
air_pid=

# sample KEY IMPL VALUE: one figure of one run
sample() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$samples"; }

# now: seconds since the epoch, as wpa_supplicant's and hostapd's -t print
now() { date +%s.%N; }

# wcli I ARGS...: wpa_cli of station wlanI (its control socket is a path,
# reachable from any netns, so no `ip netns exec` process per call)
wcli() {
	local i=$1

	shift
	wpa_cli -p "$T_DIR/wpas-wlan$i" -i "wlan$i" "$@"
}

ap_sta_count() { iw dev wlan0 station dump | grep -c '^Station'; }

# wait_none SECS: until the AP lists no station (0), or 1 after SECS
wait_none() {
	local k

	for ((k = 0; k < $1 * 5; k++)); do
		[ "$(ap_sta_count)" = 0 ] && return 0
		sleep 0.2
	done
	return 1
}

hapd_pid=

# ap_start IMPL SECURITY: owe.ko (IMPL ours: the hook; nl80211: the
# nl80211 backend) or hostapd serves an OWE (groups 19, 20, 21) or open
# BSS on wlan0, 2412 MHz, PMF optional for both
ap_start() {
	local impl=$1 sec=$2 ssid=$SSID_OPEN

	[ "$sec" = owe ] && ssid=$SSID_OWE
	OWE_TEST_AP=owectl
	[ "$impl" = hostapd ] && OWE_TEST_AP=hostapd
	echo auto > /sys/module/owe/parameters/backend
	[ "$impl" = nl80211 ] && echo nl80211 > /sys/module/owe/parameters/backend
	if [ "$sec" = owe ]; then
		start_ap quiet ssid "$ssid" security owe groups 19,20,21
	else
		start_ap quiet ssid "$ssid" security open
	fi
	hapd_pid=$OWE_HAPD_PID
}

ap_stop() {
	local ns

	if [ "$1" = ours ]; then
		# softirq hook time of this BSS's association requests (owe.ko's
		# debugfs keeps the last 256), in microseconds
		while read -r ns; do
			sample hook ours "$(awk -v n="$ns" 'BEGIN { printf "%.3f", n / 1000 }')"
		done < /sys/kernel/debug/owe/wlan0/assoc_rx_ns
		owectl dev wlan0 ap stop >/dev/null
	elif [ "$1" = nl80211 ]; then
		owectl dev wlan0 ap stop >/dev/null
		echo auto > /sys/module/owe/parameters/backend
	else
		kill "$hapd_pid"
		wait "$hapd_pid" 2>/dev/null
		hapd_pid=
	fi
	wait_none 10
}

# log_mark I: the number of lines in station I's log so far
log_mark() { wc -l < "$T_DIR/wpas-wlan$1.log"; }

# log_since I MARK: station I's log after MARK
log_since() { tail -n +"$(($2 + 1))" "$T_DIR/wpas-wlan$1.log"; }

# sta_connect I NET: select network NET on station I; 0 once
# CTRL-EVENT-CONNECTED shows (30 s at most); the setup time in ms
# ("Trying to associate" to CTRL-EVENT-CONNECTED) in $setup_ms
sta_connect() {
	local i=$1 net=$2 mark k

	setup_ms=
	mark=$(log_mark "$i")
	wcli "$i" select_network "$net" >/dev/null
	for ((k = 0; k < 150; k++)); do
		log_since "$i" "$mark" | grep -q CTRL-EVENT-CONNECTED && break
		sleep 0.2
	done
	setup_ms=$(log_since "$i" "$mark" | awk '
		/Trying to associate/ && t == "" { t = $1 + 0 }
		/CTRL-EVENT-CONNECTED/ && t != "" {
			printf "%.1f\n", ($1 - t) * 1000; exit
		}')
	last_mark=$mark
	[ -n "$setup_ms" ]
}

# sta_leave I: station I disconnects; wait until the AP dropped it
sta_leave() {
	wcli "$1" disconnect >/dev/null
	wait_none 10 || log "the AP still lists a station after wlan$1 left"
}

# ap_setup_ms IMPL MAC: the AP's own setup time of MAC's last connection
# in ms, from the station's authentication to its port being authorized
# (which takes in the association request, the DH derivation and the 4-way
# handshake): owe.ko's state history (AUTH to IP_LEARN, CLOCK_BOOTTIME) or
# hostapd's log ("authenticated" to AP-STA-CONNECTED)
ap_setup_ms() {
	if [ "$1" != hostapd ]; then
		owectl dev wlan0 station get "$2" |
			sed -n 's/^\t\t\[ *\([0-9.]*\)\] \([A-Z_]*\).*/\1 \2/p' |
			awk '$2 == "AUTH" { a = $1; l = "" }
			     $2 == "IP_LEARN" && a != "" && l == "" { l = $1 }
			     END { if (l != "") printf "%.1f\n", (l - a) * 1000 }'
	else
		awk -v m="$2" 'index($0, m) == 0 { next }
			/IEEE 802.11: authenticated/ { a = $1 + 0; c = "" }
			/AP-STA-CONNECTED/ && a != "" { c = $1 + 0 }
			END { if (c != "") printf "%.1f\n", (c - a) * 1000 }' \
			"$T_DIR/hostapd.log"
	fi
}

# one_setup IMPL KEY NET: station 1 connects with network NET, both
# setup times are recorded under KEY; station 1 stays connected
one_setup() {
	local impl=$1 key=$2 net=$3 ap

	if ! sta_connect 1 "$net"; then
		sample "$key.fail" "$impl" 1
		log "$impl $key: no connection within 30 s"
		return 1
	fi
	sample "$key" "$impl" "$setup_ms"
	ap=$(ap_setup_ms "$impl" "$mac1")
	[ -n "$ap" ] && sample "ap.$key" "$impl" "$ap"
	log "$impl $key: $setup_ms ms (AP side: ${ap:-?} ms)"
}

# iperf IMPL: TCP station 1 -> AP for $iperf_secs seconds, in Mbit/s
iperf() {
	local bw

	ip netns exec sta1 iperf3 -c 192.0.2.1 -t "$iperf_secs" -f m \
		> "$T_DIR/iperf3.log" 2>&1
	bw=$(awk '/receiver$/ { print $(NF - 2) }' "$T_DIR/iperf3.log")
	if [ -n "$bw" ]; then
		sample iperf "$1" "$bw"
		log "$1 iperf3: $bw Mbit/s"
	else
		sample iperf.fail "$1" 1
		log "$1 iperf3: no result:"
		sed 's/^/    /' "$T_DIR/iperf3.log"
	fi
}

# kmem: unreclaimable slab in KiB (the AP's and stations' objects; the
# dentry and inode caches the logs stir are reclaimable and left out)
kmem() { awk '/^SUnreclaim:/ { print $2 }' /proc/meminfo; }

# per_sta BEFORE AFTER N: (AFTER - BEFORE) / N, one decimal
per_sta() {
	awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.1f\n", (b - a) / n }'
}

rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# capacity IMPL N: stations 1..N select their OWE network at once; time
# until all are connected, failures, and memory per station
capacity() {
	local impl=$1 n=$2 i k t0 m0 m1 r0=0 r1=0 ok last logs=()

	wcli 1 set_network 0 owe_group 19 >/dev/null
	for ((i = 1; i <= n; i++)); do
		wcli "$i" pmksa_flush >/dev/null &
		logs+=("$T_DIR/wpas-wlan$i.log")
	done
	wait_cli
	# the supplicants append to their logs: emptied here, a log shows
	# this run's connection only
	for ((i = 1; i <= n; i++)); do
		: > "${logs[i - 1]}"
	done
	sleep 1
	m0=$(kmem)
	[ "$impl" = hostapd ] && r0=$(rss "$hapd_pid")
	t0=$(now)
	for ((i = 1; i <= n; i++)); do
		wcli "$i" select_network 0 >/dev/null &
	done
	wait_cli
	for ((k = 0; k < 300; k++)); do
		ok=$(grep -l CTRL-EVENT-CONNECTED "${logs[@]}" | wc -l)
		[ "$ok" = "$n" ] && break
		sleep 0.3
	done
	# the last station's connection (each log's first one)
	last=$(awk 'FNR == 1 { seen = 0 }
		/CTRL-EVENT-CONNECTED/ && !seen { seen = 1; t = $1 + 0
			if (t > m) m = t }
		END { printf "%.6f\n", m }' "${logs[@]}")
	sleep 1
	m1=$(kmem)
	[ "$impl" = hostapd ] && r1=$(rss "$hapd_pid")
	sample "cap.$n.fail" "$impl" $((n - ok))
	if [ "$ok" = "$n" ]; then
		t0=$(awk -v a="$last" -v b="$t0" 'BEGIN { printf "%.2f\n", a - b }')
		sample "cap.$n" "$impl" "$t0"
		sample "mem.$n.slab" "$impl" "$(per_sta "$m0" "$m1" "$n")"
		[ "$impl" = hostapd ] &&
			sample "mem.$n.rss" "$impl" "$(per_sta "$r0" "$r1" "$n")"
		sample "mem.$n.total" "$impl" \
			"$(per_sta $((m0 + r0)) $((m1 + r1)) "$n")"
	fi
	log "$impl capacity $n: $ok connected in ${t0}s;" \
		"SUnreclaim ${m0} -> ${m1} KiB, AP RSS ${r0} -> ${r1} KiB"
	for ((i = 1; i <= n; i++)); do
		wcli "$i" disconnect >/dev/null &
	done
	wait_cli
	wait_none 30 || log "the AP still lists stations after the capacity run"
}

# wait_cli: wait for the backgrounded wpa_cli calls (not the daemons)
wait_cli() {
	local p

	for p in $(jobs -pr); do
		case " ${T_PIDS[*]} " in
		*" $p "*) ;;
		*) wait "$p" 2>/dev/null ;;
		esac
	done
}

# air_start: record hwsim0 (every frame of every radio, radiotap TSF)
air_start() {
	ip link set hwsim0 up
	cap_rec_start hwsim0 "$T_DIR/air.pcapng" "$T_DIR/air.log" ||
		{ log "no hwsim0 capture: no think-time figures"; return 1; }
	air_pid=$CAP_REC_PID
}

# air_stop IMPL: stop the recording; the AP's think time of station 1's
# associations as samples (scripts/bench/airtime.py)
air_stop() {
	[ -n "${air_pid:-}" ] || return 0
	cap_rec_stop "$air_pid"
	air_pid=
	tshark -r "$T_DIR/air.pcapng" -n -T fields -E separator=/t \
		-Y "wlan.addr == $mac1" -e radiotap.mactime \
		-e wlan.fc.type_subtype -e wlan.ta -e wlan.ra \
		-e wlan.ext_tag.owe_dh_parameter.group \
		-e wlan_rsna_eapol.keydes.msgnr -e wlan.rsn.pmkid.count 2>/dev/null |
		python3 "$top/scripts/bench/airtime.py" "$mac1" |
		while IFS=$'\t' read -r key us; do
			sample "$key" "$1" "$us"
		done
	rm -f "$T_DIR/air.pcapng"
}

# softirq_groups R: owe.ko's softirq time per association request for
# each group: $hook_n requests with valid DH elements from the injector,
# read back from the BSS's assoc_rx_ns (the last 256, oldest first)
softirq_groups() {
	local g ns

	[ -n "$mon" ] || return 0
	ap_start ours owe
	for g in 19 20 21; do
		python3 "$inject" "$mon" flood "$(cat /sys/class/net/wlan0/address)" \
			"$SSID_OWE" "$g" valid "$hook_n" pmf > "$T_DIR/inject.log" 2>&1 ||
			log "injector (group $g): $(tail -n 1 "$T_DIR/inject.log")"
		tail -n "$hook_n" /sys/kernel/debug/owe/wlan0/assoc_rx_ns |
			while read -r ns; do
				sample "hook.$g" ours "$(awk -v n="$ns" 'BEGIN { printf "%.3f", n / 1000 }')"
			done
	done
	owectl dev wlan0 ap stop >/dev/null
	wait_none 10
}

# connect_ms: station 1 selects the OWE network (group 19, no PMKSA, no
# scan result kept: each connection scans, as one a second after the last
# would not while one 5 s later would); the milliseconds from
# select_network to CTRL-EVENT-CONNECTED, all steps (scan,
# authentication, association, 4-way) included
connect_ms() {
	local t0

	wcli 1 pmksa_flush >/dev/null
	wcli 1 bss_flush 0 >/dev/null
	t0=$(now)
	sta_connect 1 0 || return 1
	log_since 1 "$last_mark" | awk -v t0="$t0" '
		/CTRL-EVENT-CONNECTED/ { printf "%.1f\n", ($1 - t0) * 1000; exit }'
}

# flood_round IMPL: $flood_pairs Authentication + Association Request
# pairs with valid group 19 DH elements from random addresses, injected
# at $flood_rate a second: station 1's connect time idle and under the
# flood, the RTNL latency during it (a link dump every 50 ms from one
# process, scripts/tests/lib/rtnl-probe.py, and `ip link show` itself
# after the connection: its fork and exec is most of what it costs a UML
# guest), the stations the AP still holds 10 s after, and the peak
# growth of unreclaimable slab. No sampler forks while the connection is
# timed, so the load it meets is the flood's.
flood_round() {
	local impl=$1 idle busy m0 bssid inj rt ipl p99

	[ -n "$mon" ] || return 0
	ap_start "$impl" owe
	bssid=$(cat /sys/class/net/wlan0/address)
	wcli 1 set_network 0 owe_group 19 >/dev/null
	# warm-up, then the idle figures: connect, RTNL, `ip link show`
	connect_ms > /dev/null && sta_leave 1
	idle=$(connect_ms) && sta_leave 1
	: > "$T_DIR/idle-rtnl"
	: > "$T_DIR/idle-ip"
	python3 "$rtnl_probe" 0.05 "$T_DIR/idle-rtnl" &
	rt=$!
	time_every 0.3 "$T_DIR/idle-ip" ip link show &
	ipl=$!
	sleep 3
	kill "$rt" "$ipl" 2>/dev/null
	wait "$rt" "$ipl" 2>/dev/null
	sample flood.rtnl.idle.p50 "$impl" "$(pct "$T_DIR/idle-rtnl" 50)"
	sample flood.rtnl.idle.p99 "$impl" "$(pct "$T_DIR/idle-rtnl" 99)"
	sample flood.ip.idle.p50 "$impl" "$(pct "$T_DIR/idle-ip" 50)"
	: > "$T_DIR/flood-rtnl"
	: > "$T_DIR/flood-ip"
	: > "$T_DIR/flood-kmem"
	m0=$(kmem)
	python3 "$inject" "$mon" assoc-flood "$bssid" "$SSID_OWE" \
		"$flood_pairs" "$flood_rate" 19 pmf > "$T_DIR/flood-inj" 2>&1 &
	inj=$!
	python3 "$rtnl_probe" 0.05 "$T_DIR/flood-rtnl" "$T_DIR/flood-kmem" &
	rt=$!
	sleep 1
	busy=$(connect_ms)
	wcli 1 disconnect >/dev/null
	# the command once the connection is measured: its fork takes the
	# guest's CPU for a tenth of a second
	time_every 0.3 "$T_DIR/flood-ip" ip link show &
	ipl=$!
	wait "$inj" || log "$impl flood: the injector failed: $(tail -n 1 "$T_DIR/flood-inj")"
	kill "$rt" "$ipl" 2>/dev/null
	wait "$rt" "$ipl" 2>/dev/null
	sleep 10
	sample flood.left "$impl" "$(ap_sta_count)"
	sample flood.slab "$impl" "$(sort -n "$T_DIR/flood-kmem" | tail -n 1 |
		awk -v a="$m0" '{ print $1 - a }')"
	p99=$(pct "$T_DIR/flood-rtnl" 99)
	sample flood.rtnl.p50 "$impl" "$(pct "$T_DIR/flood-rtnl" 50)"
	sample flood.rtnl.p99 "$impl" "$p99"
	sample flood.ip.p50 "$impl" "$(pct "$T_DIR/flood-ip" 50)"
	sample flood.ip.p99 "$impl" "$(pct "$T_DIR/flood-ip" 99)"
	if [ -n "$idle" ] && [ -n "$busy" ]; then
		sample flood.idle "$impl" "$idle"
		sample flood.busy "$impl" "$busy"
		sample flood.ratio "$impl" \
			"$(awk -v a="$busy" -v b="$idle" 'BEGIN { printf "%.2f", a / b }')"
	else
		sample flood.fail "$impl" 1
	fi
	log "$impl flood: connect idle ${idle:-?} ms, flooded ${busy:-?} ms;" \
		"RTNL p99 $p99 ms; $(ap_sta_count) stations 10 s after;" \
		"$(tr '\n' ' ' < "$T_DIR/flood-inj")"
	ap_stop "$impl"
}

# round_owe IMPL R: the OWE figures of one implementation in round R
round_owe() {
	local impl=$1 r=$2 g n

	ap_start "$impl" owe
	# warm-up, not recorded: the first connection after a start pays for
	# the supplicant's fresh scan results and the AP's first-use costs
	wcli 1 set_network 0 owe_group 19 >/dev/null
	wcli 1 pmksa_flush >/dev/null
	sta_connect 1 0 && sta_leave 1
	air_start
	for g in 20 21 19; do
		wcli 1 set_network 0 owe_group "$g" >/dev/null
		wcli 1 pmksa_flush >/dev/null
		one_setup "$impl" "setup.$g" 0 && sta_leave 1
	done
	# reconnect to the group 19 PMKSA just made
	if one_setup "$impl" setup.pmksa 0; then
		air_stop "$impl"
		if ! log_since 1 "$last_mark" | grep -q 'PMKSA caching was used'; then
			log "$impl: the reconnection did not use PMKSA caching"
			sample setup.pmksa.nocache "$impl" 1
		fi
		iperf "$impl"
		sta_leave 1
	fi
	air_stop "$impl"
	if [ "$r" -le "$cap_runs" ]; then
		for n in "${caps[@]}"; do
			capacity "$impl" "$n"
		done
	fi
	ap_stop "$impl"
}

round_open() {
	ap_start "$1" open
	sta_connect 1 1 && sta_leave 1
	one_setup "$1" setup.open 1 && sta_leave 1
	ap_stop "$1"
}

log "guest kernel $(uname -r), $runs rounds, capacity ${cap_sizes} x $cap_runs"

step "stations wlan1..wlan$nsta in their own netns, supplicants idle"
mac1=$(cat /sys/class/net/wlan1/address)
for ((i = 1; i <= nsta; i++)); do
	netns_sta "sta$i" "wlan$i" >/dev/null
	{
		echo "ctrl_interface=$T_DIR/wpas-wlan$i"
		echo "network={"
		echo "	ssid=\"$SSID_OWE\""
		echo "	key_mgmt=OWE"
		echo "	ieee80211w=1"
		echo "	owe_group=19"
		echo "	scan_freq=2412"
		echo "	disabled=1"
		echo "}"
		echo "network={"
		echo "	ssid=\"$SSID_OPEN\""
		echo "	key_mgmt=NONE"
		echo "	scan_freq=2412"
		echo "	disabled=1"
		echo "}"
	} > "$T_DIR/wpas-wlan$i.conf"
	dbg=()
	[ "$i" = 1 ] && dbg=(-dd)
	ip netns exec "sta$i" wpa_supplicant -i "wlan$i" -D nl80211 \
		-c "$T_DIR/wpas-wlan$i.conf" "${dbg[@]}" -t \
		-f "$T_DIR/wpas-wlan$i.log" &
	track $!
done
for ((i = 1; i <= nsta; i++)); do
	wait_for 20 "supplicant $i" test -S "$T_DIR/wpas-wlan$i/wlan$i"
done
ip -n sta1 addr add 192.0.2.11/24 dev wlan1
# the radio after the stations' injects association requests
mon=
if [ -e "/sys/class/net/wlan$((nsta + 1))" ]; then
	inject_mon mon$((nsta + 1)) "wlan$((nsta + 1))"
	mon=mon$((nsta + 1))
else
	log "no spare radio (run.sh -r $((nsta + 2))): no softirq figure per group"
fi
iperf3 -s > "$out/iperf3-server.log" 2>&1 &
track $!

step "derivation cost: owe_bench.ko next to openssl speed, $derive_runs runs"
for ((r = 1; r <= derive_runs; r++)); do
	if [ -f "$top/scripts/bench/kmod/owe_bench.ko" ]; then
		mkdir -p "$T_DIR/derive"
		OWE_RUNDIR=$T_DIR/derive bash "$top/scripts/bench/derive.sh" 50 \
			> /dev/null
		cp "$T_DIR/derive/derive.txt" "$out/derive-$r.txt"
		cp "$T_DIR/derive/openssl.txt" "$out/openssl-$r.txt"
	fi
done

for ((r = 1; r <= runs; r++)); do
	order=(ours hostapd)
	[ $((r % 2)) = 0 ] && order=(hostapd ours)
	# the nl80211 backend's turn comes first, between or last in turn
	[ "$nl80211" = 1 ] && [ "$flood_only" = 0 ] &&
		order=("${order[@]:0:$((r % 3))}" nl80211 "${order[@]:$((r % 3))}")
	step "round $r of $runs: ${order[*]}"
	for impl in "${order[@]}"; do
		if [ "$flood_only" = 1 ]; then
			flood_round "$impl"
			continue
		fi
		round_owe "$impl" "$r"
		round_open "$impl"
		[ "$impl" != nl80211 ] && [ "$r" -le "$flood_runs" ] &&
			flood_round "$impl"
	done
	[ "$flood_only" = 1 ] || softirq_groups
done

cp "$T_DIR"/wpas-wlan1.log "$T_DIR"/hostapd.log "$out/" 2>/dev/null
[ -d "${OWE_RUNDIR:-}" ] && cp -r "$out" "$OWE_RUNDIR/"
step "results"
python3 "$top/scripts/bench/results.py" --samples "$samples" \
	--derive-dir "$out" --cpu "$cpu" --kernel "$(uname -r)" \
	--runs "$runs" --cap-runs "$cap_runs" --out "$top/bench/results.md" ||
	fail "results.py failed"
exit 0
