#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the UML test kernel (ARCH=um) for owe-ap from Debian's
# linux-source-6.12, with patches/mac80211/*.patch (and the test bed's own
# UML fixes, scripts/vm/patches/*.patch) applied and the config
# fragments in scripts/vm/ merged on top of the UML defconfig.
#
#   scripts/vm/build-kernel.sh [--debug] [--quiet]
#
# Layout under $OWE_BUILD_DIR (default .build/ in the repository):
#   linux/          the source tree, patched (one tree serves both builds)
#   um/, um-debug/  object trees (O=), each with the `linux` binary
#   <obj>/modroot/  modules_install tree, for modprobe -d in the guest
#   <obj>/.owe-key  hash of the patches and fragments the object tree was
#                   last built from: when it matches, nothing is rebuilt;
#                   when it does not, make rebuilds only what changed.
#
# OWE_PATCHES names another patch directory (default patches/mac80211), for
# trying a patch series in a separate OWE_BUILD_DIR.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${OWE_BUILD_DIR:-$top/.build}
tarball=${OWE_KERNEL_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
jobs=${OWE_JOBS:-$(nproc)}
debug=0
quiet=0

usage() {
	echo "usage: $0 [--debug] [--quiet]" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case "$1" in
	--debug) debug=1 ;;
	--quiet) quiet=1 ;;
	-h|--help) usage ;;
	*) echo "build-kernel: unknown option '$1'" >&2; usage ;;
	esac
	shift
done

say() { [ "$quiet" = 1 ] || echo "build-kernel: $*"; }

mkdir -p "$build"
build=$(cd "$build" && pwd)
src=$build/linux
if [ "$debug" = 1 ]; then obj=$build/um-debug; else obj=$build/um; fi

fragments=("$top/scripts/vm/kernel.config")
[ "$debug" = 1 ] && fragments+=("$top/scripts/vm/debug.config")
shopt -s nullglob
patches=("${OWE_PATCHES:-$top/patches/mac80211}"/*.patch)
# fixes the test bed needs in UML itself, not part of the series
patches+=("$top/scripts/vm/patches"/*.patch)
shopt -u nullglob

# The key covers everything that decides the kernel's content.
key=$(cat "$0" "${fragments[@]}" ${patches[@]+"${patches[@]}"} | sha256sum | cut -c1-16)
if [ -x "$obj/linux" ] && [ "$(cat "$obj/.owe-key" 2>/dev/null)" = "$key" ]; then
	say "kernel up to date ($obj/linux, key $key)"
	exit 0
fi

# 1. source tree
if [ ! -f "$src/Makefile" ]; then
	if [ ! -f "$tarball" ]; then
		say "installing linux-source-6.12 (apt-get)"
		apt-get install -y linux-source-6.12 >/dev/null
	fi
	say "extracting $(basename "$tarball") into $src (about 20 s)"
	rm -rf "$src.tmp"
	mkdir -p "$src.tmp"
	tar -C "$src.tmp" --strip-components=1 -xf "$tarball"
	mv "$src.tmp" "$src"
fi

# 2. patches: the tree remembers which series it carries (.owe-patches/);
# a different series is swapped in by reversing the old one first, so make
# sees only the files the patches touch as changed.
applied=$src/.owe-patches
mkdir -p "$applied"
want=$(for p in ${patches[@]+"${patches[@]}"}; do
	printf '%s %s\n' "$(sha256sum < "$p" | cut -c1-16)" "$(basename "$p")"; done)
have=$(cat "$applied/series" 2>/dev/null || true)
if [ "$want" != "$have" ]; then
	if [ -s "$applied/series" ]; then
		tac "$applied/series" | while read -r _ name; do
			say "reverting $name"
			patch -d "$src" -p1 -R -s -N < "$applied/$name"
		done
	fi
	rm -f "$applied"/*
	for p in ${patches[@]+"${patches[@]}"}; do
		say "applying $(basename "$p")"
		patch -d "$src" -p1 -s -N --no-backup-if-mismatch < "$p"
		cp "$p" "$applied/"
	done
	printf '%s\n' "$want" | sed '/^$/d' > "$applied/series"
fi

# 3. configuration: defconfig + fragments, then check every requested
# option survived (merge_config.sh only warns).
mkdir -p "$obj"
say "configuring $obj (ARCH=um, ${#fragments[@]} fragment(s))"
make -s -C "$src" O="$obj" ARCH=um defconfig >/dev/null
"$src/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" "${fragments[@]}" >/dev/null
make -s -C "$src" O="$obj" ARCH=um olddefconfig >/dev/null
missing=0
for f in "${fragments[@]}"; do
	while IFS= read -r line; do
		case "$line" in
		CONFIG_*=*)
			grep -qx -- "$line" "$obj/.config" || {
				echo "build-kernel: $line requested by $(basename "$f") but not set" >&2
				missing=1
			}
			;;
		esac
	done < "$f"
done
[ "$missing" = 0 ] || exit 1

# 4. build; progress is make's own CC/LD lines, thinned to one in 50.
say "building vmlinux and modules with $jobs jobs (first build: 5-10 minutes)"
start=$(date +%s)
log=$obj/build.log
make -C "$src" O="$obj" ARCH=um -j"$jobs" linux modules > "$log" 2>&1 < /dev/null &
pid=$!
next=$((start + 30))
while kill -0 "$pid" 2>/dev/null; do
	sleep 1
	[ "$(date +%s)" -ge "$next" ] || continue
	next=$((next + 30))
	n=$(grep -c '^  CC' "$log" || true)
	say "  ... $(( $(date +%s) - start ))s, $n files compiled"
done
if ! wait "$pid"; then
	echo "build-kernel: kernel build failed, last lines of $log:" >&2
	tail -n 30 "$log" >&2
	exit 1
fi
# modules the guest loads with modprobe -d (scripts/vm/init.sh)
rm -rf "$obj/modroot"
make -s -C "$src" O="$obj" ARCH=um INSTALL_MOD_PATH="$obj/modroot" \
	modules_install > "$obj/modules_install.log" 2>&1 < /dev/null || {
	echo "build-kernel: modules_install failed, see $obj/modules_install.log" >&2
	exit 1
}
echo "$key" > "$obj/.owe-key"
say "done in $(( $(date +%s) - start ))s: $obj/linux"
