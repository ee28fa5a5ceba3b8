#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make install and make uninstall into a DESTDIR: owectl, owectl.8, the
# systemd unit owe-ap.service (running the installed owectl on
# /etc/owe-ap/owe-ap.conf), the modules-load.d file naming owe, the
# example configuration; PREFIX moves them; with KDIR= the kernel's
# modules_install adds owe.ko; make uninstall leaves no file behind.
#
# owe-test: host
set -u
# the Makefile's defaults are under test, not the caller's environment
unset PREFIX SBINDIR MANDIR DOCDIR SYSCONFDIR SYSTEMDUNITDIR MODULESLOADDIR DESTDIR
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

say() { echo "[install] $*"; }
bad() { say "FAIL: $*"; failures=$((failures + 1)); }

# has DIR FILE MODE: DIR/FILE exists with MODE
has() {
	local mode

	if [ ! -f "$1/$2" ]; then
		bad "$2 is not installed"
		return 1
	fi
	mode=$(stat -c %a "$1/$2")
	[ "$mode" = "$3" ] || bad "$2 has mode $mode, not $3"
}

# files DIR: the regular files under DIR, relative to it
files() { (cd "$1" && find . -type f | sed 's|^\./||' | sort); }

say "make install DESTDIR=... (PREFIX /usr/local)"
d=$tmp/default
make -s install DESTDIR="$d" > "$tmp/install.log" 2>&1 ||
	{ cat "$tmp/install.log"; bad "make install failed"; }
has "$d" usr/local/sbin/owectl 755
has "$d" usr/local/share/man/man8/owectl.8 644
has "$d" usr/local/lib/systemd/system/owe-ap.service 644
has "$d" usr/local/lib/modules-load.d/owe-ap.conf 644
has "$d" usr/local/share/doc/owe-ap/examples/owe-transition.conf 644
[ -d "$d/etc/owe-ap" ] || bad "/etc/owe-ap is not created"
unit=$d/usr/local/lib/systemd/system/owe-ap.service
for want in '^ExecStart=/usr/local/sbin/owectl apply /etc/owe-ap/owe-ap\.conf$' \
	    '^ExecReload=/usr/local/sbin/owectl apply /etc/owe-ap/owe-ap\.conf$' \
	    '^ConditionPathExists=/etc/owe-ap/owe-ap\.conf$' \
	    '^After=network-pre\.target' '^Before=.*hostapd\.service' \
	    '^WantedBy=multi-user\.target$'; do
	grep -qE "$want" "$unit" || bad "the unit has no line matching $want"
done
grep -q '@' "$unit" && bad "the unit keeps a placeholder: $(grep '@' "$unit")"
# systemd's own reading of the unit, with ExecStart at the DESTDIR binary
if command -v systemd-analyze > /dev/null; then
	mkdir -p "$tmp/verify"
	sed "s|=/usr/local/sbin/|=$d/usr/local/sbin/|" "$unit" > "$tmp/verify/owe-ap.service"
	out=$(systemd-analyze verify --man=no "$tmp/verify/owe-ap.service" 2>&1)
	[ -z "$out" ] && say "ok: systemd-analyze verify" ||
		bad "systemd-analyze verify: $out"
fi
grep -qx owe "$d/usr/local/lib/modules-load.d/owe-ap.conf" ||
	bad "the modules-load.d file does not name owe"
cmp -s Documentation/examples/owe-transition.conf \
	"$d/usr/local/share/doc/owe-ap/examples/owe-transition.conf" ||
	bad "the example differs from Documentation/examples/owe-transition.conf"
"$d/usr/local/sbin/owectl" help apply | grep -q 'owectl apply <file>' ||
	bad "the installed owectl has no apply"
grep -q '^\.B apply' "$d/usr/local/share/man/man8/owectl.8" ||
	bad "owectl.8 does not document apply"
[ -z "$(find "$d" -name '*.ko')" ] || bad "a module was installed without KDIR"
say "installed: $(files "$d" | tr '\n' ' ')"

say "make uninstall DESTDIR=..."
make -s uninstall DESTDIR="$d" > "$tmp/uninstall.log" 2>&1 ||
	{ cat "$tmp/uninstall.log"; bad "make uninstall failed"; }
left=$(files "$d")
[ -z "$left" ] && say "ok: no file left" || bad "left behind: $left"

say "make install PREFIX=/usr DESTDIR=..."
d=$tmp/usr
make -s install PREFIX=/usr DESTDIR="$d" > "$tmp/install.log" 2>&1 ||
	{ cat "$tmp/install.log"; bad "make install PREFIX=/usr failed"; }
has "$d" usr/sbin/owectl 755
has "$d" usr/lib/systemd/system/owe-ap.service 644
has "$d" usr/lib/modules-load.d/owe-ap.conf 644
grep -q '^ExecStart=/usr/sbin/owectl apply /etc/owe-ap/owe-ap\.conf$' \
	"$d/usr/lib/systemd/system/owe-ap.service" ||
	bad "the unit does not run /usr/sbin/owectl"
[ -z "$(find "$d/usr/local" 2>/dev/null)" ] || bad "PREFIX=/usr still wrote /usr/local"

kdir=${OWE_BUILD_DIR:-$top/.build}/um
if [ -f "$kdir/Makefile" ] && [ -f owe/owe.ko ]; then
	say "make install KDIR=... (the UML test kernel): owe.ko too"
	d=$tmp/kdir
	make -s install DESTDIR="$d" KDIR="$kdir" ARCH=um > "$tmp/install.log" 2>&1 ||
		{ cat "$tmp/install.log"; bad "make install KDIR= failed"; }
	ko=$(find "$d/lib/modules" -name owe.ko 2>/dev/null)
	case "$ko" in
	*/updates/owe/owe.ko) say "ok: ${ko#"$d"}" ;;
	*) bad "owe.ko is not under lib/modules/*/updates/: '$ko'" ;;
	esac
	make -s uninstall DESTDIR="$d" KDIR="$kdir" ARCH=um > "$tmp/uninstall.log" 2>&1 ||
		{ cat "$tmp/uninstall.log"; bad "make uninstall KDIR= failed"; }
	[ -z "$(find "$d" -name '*.ko')" ] || bad "modules left: $(find "$d" -name '*.ko')"
else
	say "no UML kernel or owe.ko built: the module part is left out"
fi

[ "$failures" = 0 ] && { say "PASS"; exit 0; }
say "$failures failure(s)"
exit 1
