#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make deb: the packages owe-ap-dkms and owectl build with Debian's
# tooling and lintian reports no error; owectl holds the CLI, its man page,
# the unit and the example, owe-ap-dkms the source of owe.ko and
# owe_ecc.ko, dkms.conf and the modules-load.d file, and its maintainer
# scripts register the modules with DKMS. Then DKMS itself builds both
# from the unpacked package against
# the test bed's kernel tree (ARCH=um: what stands in for an installed
# kernel's headers here): owe.ko with the hook backend, whose symbols it
# takes weakly (it loads without them); and the same source built as for
# a tree without the hook (OWE_HOOK=n) references none of them.
#
# owe-test: host
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

say() { echo "[deb] $*"; }
bad() { say "FAIL: $*"; failures=$((failures + 1)); }

for c in dpkg-buildpackage dh dh_dkms dkms fakeroot lintian; do
	command -v "$c" > /dev/null ||
		{ say "SKIP: $c is not installed (debhelper dh-dkms dkms dpkg-dev fakeroot lintian)"; exit 77; }
done
ver=$(sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' debian/changelog)
say "owe-ap $ver"

say "make deb"
start=$(date +%s)
make -s deb DEB_OUT="$tmp/out" > "$tmp/deb.log" 2>&1 ||
	{ cat "$tmp/deb.log"; bad "make deb failed"; }
say "built in $(($(date +%s) - start)) s"
cat "$tmp/deb.log"
dkms_deb=$tmp/out/owe-ap-dkms_${ver}_all.deb
ctl_deb=$(ls "$tmp"/out/owectl_"${ver}"_*.deb 2>/dev/null | head -n 1)
[ -f "$dkms_deb" ] || bad "no owe-ap-dkms package"
[ -n "$ctl_deb" ] || bad "no owectl package"
[ "$failures" = 0 ] || { say "$failures failure(s)"; exit 1; }
grep -q '^E: ' "$tmp/out/lintian.log" && bad "lintian errors: $(grep '^E: ' "$tmp/out/lintian.log")"

# contains DEB PATH: the package holds the file PATH
contains() {
	dpkg-deb -c "$1" | awk '{print $6}' | grep -qx "\./$2" ||
		bad "$(basename "$1") lacks /$2"
}
for f in usr/sbin/owectl usr/share/man/man8/owectl.8.gz \
	 usr/lib/systemd/system/owe-ap.service \
	 usr/share/doc/owectl/examples/owe-transition.conf \
	 usr/share/doc/owectl/copyright; do
	contains "$ctl_deb" "$f"
done
for f in "usr/src/owe-ap-$ver/dkms.conf" "usr/src/owe-ap-$ver/Kbuild" \
	 "usr/src/owe-ap-$ver/owe/Kbuild" "usr/src/owe-ap-$ver/ecc/Kbuild" \
	 "usr/src/owe-ap-$ver/ecc/kpp.c" "usr/src/owe-ap-$ver/include/owe/ecc.h" \
	 "usr/src/owe-ap-$ver/owe/main.c" "usr/src/owe-ap-$ver/owe/backend/mac80211.c" \
	 "usr/src/owe-ap-$ver/owe/backend/nl80211.c" \
	 "usr/src/owe-ap-$ver/include/uapi/linux/owe.h" \
	 usr/lib/modules-load.d/owe-ap.conf; do
	contains "$dkms_deb" "$f"
done
n=$(dpkg-deb -c "$dkms_deb" | grep -cE '\.(o|ko|cmd|mod)$')
[ "$n" = 0 ] || bad "owe-ap-dkms carries $n build products"
dpkg-deb -f "$dkms_deb" Depends | grep -q dkms || bad "owe-ap-dkms does not depend on dkms"
dpkg-deb -f "$ctl_deb" Depends | grep -q libnl-genl-3 || bad "owectl does not depend on libnl-genl-3"
dpkg-deb -e "$dkms_deb" "$tmp/ctl"
grep -q 'dkms' "$tmp/ctl/postinst" 2>/dev/null ||
	bad "owe-ap-dkms's postinst does not register the module with DKMS"
dpkg-deb -x "$dkms_deb" "$tmp/root"
grep -qx "PACKAGE_VERSION=\"$ver\"" "$tmp/root/usr/src/owe-ap-$ver/dkms.conf" ||
	bad "dkms.conf does not carry version $ver"
dpkg-deb -x "$ctl_deb" "$tmp/ctlroot"
"$tmp/ctlroot/usr/sbin/owectl" help apply | grep -q 'owectl apply <file>' ||
	bad "the packaged owectl does not run"

kdir=
for k in um um-debug; do
	d=${OWE_BUILD_DIR:-$top/.build}/$k
	[ -f "$d/Module.symvers" ] && { kdir=$d; break; }
done
if [ -n "$kdir" ]; then
	rel=$(make -s -C "$kdir" ARCH=um kernelrelease)
	say "dkms build against the test kernel's tree ($(basename "$kdir"), $rel)"
	mkdir -p "$tmp/dkms"
	start=$(date +%s)
	ARCH=um dkms build "owe-ap/$ver" -k "$rel" -a um --kernelsourcedir "$kdir" \
		--dkmstree "$tmp/dkms" --sourcetree "$tmp/root/usr/src" \
		> "$tmp/dkms.log" 2>&1 || { cat "$tmp/dkms.log"; bad "dkms build failed"; }
	ko=$(find "$tmp/dkms" -name owe.ko | head -n 1)
	if [ -n "$ko" ] && modinfo -F vermagic "$ko" | grep -q "^$rel " &&
	   nm "$ko" | grep -q ' w ieee80211_ap_auth_register$'; then
		say "ok: built ${ko#"$tmp/dkms/"} in $(($(date +%s) - start)) s"
	else
		bad "dkms built no owe.ko for $rel that takes the hook weakly"
	fi
	say "the same source as for a tree without the hook (OWE_HOOK=n)"
	cp -a "$tmp/root/usr/src/owe-ap-$ver" "$tmp/nohook"
	make -s -C "$kdir" ARCH=um M="$tmp/nohook" OWE_HOOK=n modules \
		> "$tmp/nohook.log" 2>&1 || { cat "$tmp/nohook.log"; bad "the build without the hook failed"; }
	ko=$tmp/nohook/owe/owe.ko
	if [ -f "$ko" ] && ! nm "$ko" | grep -q 'ieee80211_ap_auth_' &&
	   nm "$ko" | grep -q 'owe_nl_attach'; then
		say "ok: owe.ko without the hook backend, with the nl80211 one"
	else
		bad "OWE_HOOK=n did not build owe.ko with the nl80211 backend only"
	fi
	ko=$(find "$tmp/dkms" -name owe_ecc.ko | head -n 1)
	if [ -n "$ko" ] && modinfo -F vermagic "$ko" | grep -q "^$rel "; then
		say "ok: built ${ko#"$tmp/dkms/"}"
	else
		bad "dkms built no owe_ecc.ko for $rel"
	fi
else
	say "no test kernel built: the DKMS build is left out"
fi

[ "$failures" = 0 ] && { say "PASS"; exit 0; }
say "$failures failure(s)"
exit 1
