#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# dkms-check-kernel.sh KERNEL-BUILD-DIR: DKMS's PRE_BUILD step. owe.ko
# needs mac80211's authenticator hook (patches/mac80211/); a kernel built
# without it is refused here with a message, rather than by a compiler
# error about a missing header. The hook is recognised by its export in
# Module.symvers, or, in a tree without one, by its header.
set -eu
dir=${1:?usage: dkms-check-kernel.sh KERNEL-BUILD-DIR}
sym=ieee80211_ap_auth_register
hdr=include/net/mac80211_ap_auth.h

if [ -f "$dir/Module.symvers" ]; then
	grep -q "	$sym	" "$dir/Module.symvers" && exit 0
	why="its Module.symvers does not export $sym"
elif [ -f "$dir/$hdr" ] || [ -f "$dir/source/$hdr" ]; then
	exit 0
else
	why="it has no $hdr"
fi
echo "owe-ap: the kernel in $dir lacks mac80211's AP authenticator hook ($why)." >&2
echo "owe-ap: build that kernel with patches/mac80211/ applied; unpatched kernels are not served yet." >&2
exit 1
