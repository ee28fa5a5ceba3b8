#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The stock variant of the UML test kernel: the normal kernel's `linux`
# (scripts/vm/build-kernel.sh) with a mac80211.ko built from the pristine
# net/mac80211 of Debian's linux-source-6.12, none of patches/mac80211/,
# so that owe.ko can be tested where the hook does not exist. mac80211 is
# a module (scripts/vm/kernel.config) and the series touches nothing
# outside net/mac80211 but a header of its own, so only that module
# differs.
#
#   scripts/vm/build-stock.sh [-v|--verbose] [-q|--quiet]
#
# Layout under $OWE_BUILD_DIR (default .build/ in the repository):
#   stock/mac80211/   net/mac80211 from the tarball, built as an external
#                     module (M=) against um/; build.log beside it
#   um/modroot-stock/ um/modroot with that mac80211.ko in place of the
#                     patched one, depmod'ed: `run.sh --stock` loads its
#                     modules from there
#   um/modroot-stock/.owe-key
#                     "KEY KERNEL-KEY": KEY hashes the tarball's name, size
#                     and date, this script and KERNEL-KEY (um/.owe-key);
#                     when it matches, nothing is done
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${OWE_BUILD_DIR:-$top/.build}
tarball=${OWE_KERNEL_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
jobs=${OWE_JOBS:-$(nproc)}
verbose=0
quiet=0

usage() {
	echo "usage: $0 [-v|--verbose] [-q|--quiet]" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
	-v|--verbose) verbose=1 ;;
	-q|--quiet) quiet=1 ;;
	-h|--help) usage ;;
	*) echo "build-stock: unknown option '$1'" >&2; usage ;;
	esac
	shift
done

# steps only with -v; the one line of the outcome unless -q
step() { [ "$verbose" = 0 ] || echo "build-stock: $*"; }
say() { [ "$quiet" = 1 ] || echo "build-stock: $*"; }
die() { echo "build-stock: $*" >&2; exit 1; }

mkdir -p "$build"
build=$(cd "$build" && pwd)
src=$build/linux
obj=$build/um
stock=$build/stock/mac80211
root=$obj/modroot-stock
# depmod lives in /sbin, which a user's PATH may lack
PATH=$PATH:/usr/sbin:/sbin

if [ ! -x "$obj/linux" ] || [ ! -s "$obj/.owe-key" ] || [ ! -d "$obj/modroot" ]; then
	die "no normal kernel in $obj: run 'make kernel' first"
fi
[ -f "$tarball" ] || die "no $tarball (apt-get install linux-source-6.12)"
grep -qx 'CONFIG_MAC80211=m' "$obj/.config" ||
	die "mac80211 is not a module in $obj/.config (scripts/vm/kernel.config)"

kkey=$(cat "$obj/.owe-key")
tkey=$(stat -L -c '%n %s %Y' "$tarball")
key=$({ echo "$kkey"; echo "$tkey"; cat "$0"; } | sha256sum | cut -c1-16)
if [ "$(cat "$root/.owe-key" 2>/dev/null)" = "$key $kkey" ]; then
	say "up to date ($root, key $key)"
	exit 0
fi
start=$(date +%s)

# 1. the sources, extracted again only for another tarball: the objects
# stay, so a new kernel rebuilds only what its headers and config change
if [ "$(cat "$stock/.owe-tarball" 2>/dev/null)" != "$tkey" ]; then
	step "extracting net/mac80211 from $(basename "$tarball") (about 15 s)"
	rm -rf "$stock.tmp"
	mkdir -p "$stock.tmp"
	# the whole stream is read either way; only the one directory is written
	tar -C "$stock.tmp" --strip-components=3 --wildcards \
		-xJf "$tarball" '*/net/mac80211'
	grep -qF 'obj-$(CONFIG_MAC80211) += mac80211.o' "$stock.tmp/Makefile" 2>/dev/null ||
		die "no net/mac80211 in $tarball"
	echo "$tkey" > "$stock.tmp/.owe-tarball"
	rm -rf "$stock"
	mv "$stock.tmp" "$stock"
fi

# 2. the kernel tree must come from the same tarball: outside the files
# the series patches, its net/mac80211 is the pristine one (a tarball
# upgraded after the tree was extracted shows up here)
step "comparing with $src/net/mac80211"
touched=$(sed -n 's|^+++ b/net/mac80211/||p' "$src"/.owe-patches/*.patch 2>/dev/null | sort -u)
odd=$(diff -rq -x '.owe-*' -x '*.o' -x '*.cmd' -x '*.ko' -x '*.mod*' \
	-x 'modules.order' -x 'Module.symvers' -x '.*.d' \
	"$stock" "$src/net/mac80211" |
	while IFS= read -r line; do
		case "$line" in
		"Files $stock/"*" differ")
			f=${line#"Files $stock/"}
			f=${f%% and *}
			grep -qxF -- "$f" <<< "$touched" || echo "$f"
			;;
		*) echo "$line" ;;
		esac
	done || true)
[ -z "$odd" ] || die "$src is not from $(basename "$tarball"), net/mac80211 differs beyond the patches:
$odd
(remove $src and run 'make kernel')"

# 3. the module, against the normal object tree's config and symbols
step "building mac80211.ko with $jobs jobs (log: $build/stock/build.log)"
log=$build/stock/build.log
make -C "$obj" ARCH=um M="$stock" -j"$jobs" modules > "$log" 2>&1 < /dev/null || {
	tail -n 30 "$log" >&2
	die "mac80211 build failed, see $log"
}
ko=$stock/mac80211.ko
# a patched tree's file in the build would export the hook
if grep -q ieee80211_ap_auth_ "$ko"; then
	die "$ko has the hook's symbols: not the stock mac80211"
fi

# 4. the module root: a copy of the normal one, mac80211.ko swapped
step "assembling $root"
rel=$(cat "$obj/include/config/kernel.release")
dst=lib/modules/$rel/kernel/net/mac80211/mac80211.ko
[ -f "$obj/modroot/$dst" ] || die "no $dst in $obj/modroot"
[ "$(modinfo -F vermagic "$ko")" = "$(modinfo -F vermagic "$obj/modroot/$dst")" ] ||
	die "$ko does not match the kernel's vermagic"
rm -rf "$root.tmp"
cp -a "$obj/modroot" "$root.tmp"
rm -f "$root.tmp/$dst"
cp "$ko" "$root.tmp/$dst"
depmod -b "$root.tmp" "$rel"
echo "$key $kkey" > "$root.tmp/.owe-key"
rm -rf "$root"
mv "$root.tmp" "$root"
say "stock mac80211 in $root, $(( $(date +%s) - start ))s"
