# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# tshark capture helpers for scripts/tests/*.sh, sourced after lib/common.sh
# inside the guest. hwsim0 is mac80211_hwsim's monitor of every frame any
# simulated radio transmits, with a radiotap header. Captures go to
# $T_DIR/NAME.pcapng; queries use tshark's dissector fields, never hex.
# scripts/capture.sh, the operator's tool, sources this file for the
# recorder itself (cap_rec_start, cap_rec_stop).
#
#   cap_rec_start IFACE FILE LOG
#                         start recording IFACE into FILE; PID in CAP_REC_PID
#   cap_rec_stop PID      stop that recorder once the last frames are in
#   cap_start NAME        start capturing into $T_DIR/NAME.pcapng
#   cap_stop NAME         stop it and flush the file
#   cap_fields NAME FILTER FIELD...
#                         one line per matching frame, fields separated by
#                         a space, empty fields shown as '-'
#   cap_count NAME FILTER number of matching frames

declare -A CAP_PID
CAP_REC_PID=

# cap_rec_start IFACE FILE LOG: record every frame on IFACE (which is up)
# into FILE in the background, the recorder's messages into LOG. Returns
# once the capture runs, with the recorder's PID in CAP_REC_PID; returns 1
# after showing LOG on stderr when it does not start within 20 s.
cap_rec_start() {
	local ifc=$1 file=$2 logf=$3 i

	# dumpcap records without dissecting (tshark would start every dissector)
	if command -v dumpcap >/dev/null; then
		dumpcap -i "$ifc" -q -w "$file" > "$logf" 2>&1 &
	else
		tshark -i "$ifc" -n -q -w "$file" > "$logf" 2>&1 &
	fi
	CAP_REC_PID=$!
	# both say "Capturing on 'IFACE'" once the capture runs
	for ((i = 0; i < 200; i++)); do
		grep -q "^Capturing on" "$logf" && return 0
		kill -0 "$CAP_REC_PID" 2>/dev/null || break
		sleep 0.1
	done
	sed 's/^/    /' "$logf" >&2
	kill "$CAP_REC_PID" 2>/dev/null
	return 1
}

# cap_rec_stop PID: stop the recorder PID, started by this shell or by
# another one; its file is complete when this returns
cap_rec_stop() {
	local pid=$1 i

	# let the last frames reach the file
	sleep 0.5
	kill -INT "$pid" 2>/dev/null
	# reaps a child of this shell; any other PID returns at once
	wait "$pid" 2>/dev/null
	for ((i = 0; i < 100; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null
}

# cap_start NAME: capture everything on hwsim0 into $T_DIR/NAME.pcapng
cap_start() {
	local name=$1

	command -v tshark >/dev/null || { log "SKIP: tshark is not installed"; exit 77; }
	ip link set hwsim0 up || fail "cannot bring hwsim0 up"
	cap_rec_start hwsim0 "$T_DIR/$name.pcapng" "$T_DIR/$name.tshark.log" ||
		fail "tshark did not start capturing on hwsim0"
	CAP_PID[$name]=$CAP_REC_PID
	track "$CAP_REC_PID"
}

# cap_stop NAME: stop the capture NAME; the file is complete afterwards
cap_stop() {
	local name=$1 pid=${CAP_PID[$1]:-}

	[ -n "$pid" ] || fail "no capture named $name"
	cap_rec_stop "$pid"
	unset "CAP_PID[$name]"
	[ -s "$T_DIR/$name.pcapng" ] || fail "capture $name is empty"
}

# cap_fields NAME FILTER FIELD...: the FIELDs of each frame matching FILTER
cap_fields() {
	local name=$1 filter=$2 f args=()

	shift 2
	for f; do
		args+=(-e "$f")
	done
	tshark -r "$T_DIR/$name.pcapng" -n -Y "$filter" -T fields \
		-E occurrence=a -E aggregator=, "${args[@]}" \
		2>>"$T_DIR/$name.tshark.log" | awk -F '\t' -v OFS=' ' '{
			for (i = 1; i <= NF; i++) if ($i == "") $i = "-"
			$1 = $1; print }'
}

# cap_count NAME FILTER: how many frames of capture NAME match FILTER
cap_count() {
	tshark -r "$T_DIR/$1.pcapng" -n -Y "$2" 2>>"$T_DIR/$1.tshark.log" |
		wc -l
}

# cap_show NAME FILTER: log a one-line summary of each matching frame
cap_show() {
	log "capture $1: $2"
	tshark -r "$T_DIR/$1.pcapng" -n -Y "$2" 2>/dev/null | sed 's/^/    /'
}

# cap_num VALUE: a field value tshark printed in hex (0x002b) as a decimal
# number; anything else unchanged
cap_num() {
	if [[ "$1" =~ ^(0x[0-9a-fA-F]+|[0-9]+)$ ]]; then
		echo $(($1))
	else
		echo "$1"
	fi
}
