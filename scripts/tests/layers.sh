#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# owe.ko's layers (scripts/check-layers.sh): the module's own tree passes,
# and trees with an include pointing up a layer, sideways between backend/
# and crypto/, the hook header outside backend/, or a header named without
# its folder, each fail with a line naming the file and the include.
#
# owe-test: host
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
check=$top/scripts/check-layers.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

say() { echo "[layers] $*"; }

say "the module's tree"
if "$check" "$top/owe"; then
	say "ok: owe/ passes"
else
	say "FAIL: owe/ has include violations"
	failures=$((failures + 1))
fi

# tree NAME: a minimal well-formed tree in $tmp/NAME
tree() {
	local d=$tmp/$1

	mkdir -p "$d/wire" "$d/crypto" "$d/backend" "$d/core" "$d/netlink"
	echo '#include "wire/a.h"' > "$d/crypto/b.c"
	echo '#include "crypto/b.h"' > "$d/core/c.c"
	echo '#include <net/mac80211_ap_auth.h>' > "$d/backend/m.c"
	echo '#include "core/c.h"' > "$d/netlink/n.c"
	echo '#include "netlink/n.h"' > "$d/main.c"
	echo "$d"
}

# refused NAME FILE LINE WANT: a tree with LINE added to FILE fails and
# says WANT
refused() {
	local d out

	d=$(tree "$1")
	echo "$3" >> "$d/$2"
	out=$("$check" "$d")
	if [ $? = 0 ]; then
		say "FAIL: $1: the check passed"
		failures=$((failures + 1))
	elif ! printf '%s\n' "$out" | grep -qF "$4"; then
		say "FAIL: $1: the check did not say '$4':"
		printf '%s\n' "$out" | sed 's/^/    /'
		failures=$((failures + 1))
	else
		say "ok: $1 refused: $(printf '%s\n' "$out" | head -n 1)"
	fi
}

d=$(tree good)
if "$check" "$d" > /dev/null; then
	say "ok: a well-formed tree passes"
else
	say "FAIL: a well-formed tree is refused"
	failures=$((failures + 1))
fi
refused up-core wire/a.c '#include "core/sta.h"' \
	'wire/a.c:1: "core/sta.h": wire/ (level 1) may not include core/'
refused up-netlink core/c.c '#include "netlink/n.h"' \
	'core/c.c:2: "netlink/n.h": core/ (level 3) may not include netlink/'
refused sideways backend/m.c '#include "crypto/b.h"' \
	'backend/m.c:2: "crypto/b.h": backend/ (level 2) may not include crypto/'
refused hook-header core/c.c '#include <net/mac80211_ap_auth.h>' \
	"core/c.c:2: #include <net/mac80211_ap_auth.h>: only backend/"
refused mac80211-header crypto/b.c '#include <net/mac80211.h>' \
	"crypto/b.c:2: #include <net/mac80211.h>: only backend/"
refused bare-name core/c.c '#include "sta.h"' \
	'core/c.c:2: "sta.h" names no layer folder'
refused no-layer core/c.c '#include "misc/x.h"' \
	'core/c.c:2: "misc/x.h" is in no layer folder'

[ "$failures" = 0 ] && say "PASS" && exit 0
say "FAIL: $failures"
exit 1
