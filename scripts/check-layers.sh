#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The layers of owe.ko, held against its #include lines:
#
#   main.c     module init and exit: may include any layer
#   netlink/   4  the generic netlink family
#   core/      3  BSS, stations, MLME, handshakes
#   backend/   2  the driver side      crypto/  2  curves, KDFs, MIC
#   wire/      1  pure codecs
#
# A file includes headers of its own folder and of folders on a lower
# level only: never one above it, never a sibling on its own level
# (backend/ and crypto/ know nothing of each other). Only backend/ includes
# mac80211's headers (the hook header <net/mac80211_ap_auth.h> and
# <net/mac80211.h>). Every quoted include names its folder ("wire/rsne.h"),
# except a generated file's include of its own header.
#
#   scripts/check-layers.sh [DIR]
#
# DIR is the module's source folder (default owe/ of this repository).
# Prints one line per violation and exits 1 when there is any.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$top/owe}
[ -d "$dir" ] || { echo "check-layers: no folder $dir" >&2; exit 2; }

level() {
	case "$1" in
	wire) echo 1 ;;
	crypto|backend) echo 2 ;;
	core) echo 3 ;;
	netlink) echo 4 ;;
	.) echo 5 ;;
	*) echo 0 ;;
	esac
}

bad=0
files=0
violation() {
	echo "check-layers: $1"
	bad=$((bad + 1))
}

while IFS= read -r f; do
	rel=${f#"$dir"/}
	from=$(dirname "$rel")
	from_level=$(level "$from")
	files=$((files + 1))
	if [ "$from_level" = 0 ]; then
		violation "$rel: folder '$from' is no layer (wire, crypto, backend, core, netlink)"
		continue
	fi
	while IFS=: read -r line text; do
		if [[ "$text" =~ ^#include\ *\<net/mac80211(_ap_auth)?\.h\> ]]; then
			[ "$from" = backend ] ||
				violation "$rel:$line: $text: only backend/ includes mac80211's headers"
			continue
		fi
		[[ "$text" =~ ^#include\ *\"([^\"]+)\" ]] || continue
		inc=${BASH_REMATCH[1]}
		if [[ "$inc" != */* ]]; then
			[ -f "$(dirname "$f")/$inc" ] && [[ "$rel" == *-gen.[ch] ]] ||
				violation "$rel:$line: \"$inc\" names no layer folder"
			continue
		fi
		to=${inc%%/*}
		to_level=$(level "$to")
		if [ "$to_level" = 0 ]; then
			violation "$rel:$line: \"$inc\" is in no layer folder"
		elif [ "$to" = "$from" ]; then
			continue
		elif [ "$to_level" -ge "$from_level" ]; then
			violation "$rel:$line: \"$inc\": $from/ (level $from_level) may not include $to/ (level $to_level)"
		fi
	done < <(grep -n '^#include' "$f")
done < <(find "$dir" -name '*.[ch]' ! -name '*.mod.c' | sort)

if [ "$bad" = 0 ]; then
	echo "check-layers: $files files, every include points down"
	exit 0
fi
echo "check-layers: $bad violation(s) in $files files"
exit 1
