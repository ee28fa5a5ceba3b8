#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# deb.sh [OUT]: the Debian packages owe-ap-dkms and owectl, built with
# dpkg-buildpackage from the files git tracks or would track (as they are in the
# working tree), left in OUT (default .build/deb) with their .changes and
# .buildinfo, then checked by lintian: any error fails. Needs debhelper,
# dh-dkms, dpkg-dev, fakeroot and lintian.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$top/.build/deb}")
cd "$top"

for c in dpkg-buildpackage dh dh_dkms fakeroot lintian; do
	command -v "$c" > /dev/null || {
		echo "deb: $c is missing: apt-get install debhelper dh-dkms dpkg-dev fakeroot lintian" >&2
		exit 1
	}
done
ver=$(sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' debian/changelog)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src=$work/owe-ap-$ver

echo "deb: owe-ap $ver: copying the tracked files"
mkdir -p "$src"
git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$src"
echo "deb: dpkg-buildpackage -b (owectl is compiled; owe.ko is left to DKMS)"
(cd "$src" && env -u OWE_BUILD_DIR -u MAKEFLAGS -u MAKELEVEL -u MFLAGS \
	-u PREFIX -u SBINDIR -u MANDIR dpkg-buildpackage -us -uc -b) > "$work/build.log" 2>&1 || {
	tail -n 40 "$work/build.log" >&2
	echo "deb: dpkg-buildpackage failed" >&2
	exit 1
}
mkdir -p "$out"
rm -f "$out"/*.deb "$out"/*.changes "$out"/*.buildinfo
mv "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$out"/
cp "$work/build.log" "$out/build.log"
for d in "$out"/*.deb; do
	echo "deb: $(basename "$d"): $(dpkg-deb -c "$d" | grep -vc '/$') files"
done
echo "deb: lintian"
lintian --fail-on error --info "$out"/*.changes | tee "$out/lintian.log"
echo "deb: packages in $out"
