#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Regenerate the "owe" generic netlink family's code and documentation from
# its YNL spec, Documentation/netlink/specs/owe.yaml, with the generators of
# the kernel tree the modules are built against (tools/net/ynl of 6.12):
#
#   include/uapi/linux/owe.h      uapi header        (ynl-gen-c.py --mode uapi)
#   owe/netlink/netlink-gen.c, .h   policies and ops   (ynl-gen-c.py --mode kernel)
#   Documentation/netlink/owe.rst reference          (ynl-gen-rst.py)
#   Documentation/netlink/genetlink.yaml   the schema the spec is checked
#                                 against, copied from the kernel tree
#
#   scripts/regen-netlink.sh [--check] [KSRC]
#
# --check regenerates into a temporary directory and fails, naming the
# file, when a committed generated file differs from what the spec gives.
# KSRC is the kernel source tree (default $OWE_BUILD_DIR/linux, where
# scripts/vm/build-kernel.sh extracts it). Needs python3-yaml and
# python3-jsonschema.
#
# 6.12's schema lists only "admin-perm" as an operation flag. The family's
# commands must be allowed to a namespace's own admin (GENL_UNS_ADMIN_PERM,
# as WireGuard does), so the copied schema gets the one-word backport that
# later kernels made ("uns-admin-perm"); 6.12's ynl-gen-c.py already turns
# any flag name into GENL_<NAME>.
#
# 6.12's ynl-gen-c.py ignores a multicast group's flags: the shim below
# emits GENL_MCAST_CAP_NET_ADMIN for a group flagged admin-perm (or
# uns-admin-perm: the family is netnsok, so the capability is checked in
# the namespace's user namespace either way).
#
# 6.12's ynl-gen-c.py cannot emit a "max-len" check on a binary attribute
# (SSIDs are binary, at most 32 octets); later kernels can. The C generator
# is therefore run through a few lines of Python that load it unchanged and
# add that one case as { .type = NLA_BINARY, .len = MAX }, the policy 6.12's
# netlink core enforces as a maximum length. Drop both shims when the
# project moves to a kernel whose tools/net/ynl has them.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
check=0
if [ "${1:-}" = --check ]; then
	check=1
	shift
fi
ksrc=${1:-${KSRC:-${OWE_BUILD_DIR:-$top/.build}/linux}}
ynl=$ksrc/tools/net/ynl
for f in ynl-gen-c.py ynl-gen-rst.py; do
	if [ ! -f "$ynl/$f" ]; then
		echo "regen-netlink: no $f in '$ynl' (pass the kernel source tree)" >&2
		exit 2
	fi
done
schema_src=$ksrc/Documentation/netlink/genetlink.yaml
if ! grep -q '^ *enum: \[ admin-perm \]$' "$schema_src" &&
   ! grep -q 'uns-admin-perm' "$schema_src"; then
	echo "regen-netlink: '$schema_src' has no operation flag list I know" >&2
	exit 2
fi

# Generate into a mirror of the repository's layout: the generator finds
# the top of the tree by its MAINTAINERS file (and would search forever
# without one) and writes the spec's path relative to it into each file.
tmp=$(mktemp -d -t owe-regen.XXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/Documentation/netlink/specs" "$tmp/include/uapi/linux" "$tmp/owe/netlink"
cp "$top/MAINTAINERS" "$tmp/MAINTAINERS"
cp "$top/Documentation/netlink/specs/owe.yaml" "$tmp/Documentation/netlink/specs/"
sed 's/^\( *enum: \[ admin-perm\) \]$/\1, uns-admin-perm ]/' "$schema_src" \
	> "$tmp/Documentation/netlink/genetlink.yaml"

spec=$tmp/Documentation/netlink/specs/owe.yaml
gen() {
	# a generator that cannot find MAINTAINERS loops: never wait forever
	timeout 120 python3 "$@" || {
		echo "regen-netlink: failed: python3 $*" >&2
		exit 1
	}
}
# ynl-gen-c.py ARGS...: the C generator with binary max-len support
gen_c() {
	gen - "$ynl/ynl-gen-c.py" "$@" <<'PY'
import importlib.util
import os
import sys

path = sys.argv[1]
sys.argv = sys.argv[1:]
sys.path.insert(0, os.path.dirname(path))
spec = importlib.util.spec_from_file_location('ynl_gen_c', path)
ynl = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ynl)
orig = ynl.TypeBinary._attr_policy


def attr_policy(self, policy):
    if list(self.checks) == ['max-len']:
        return ('{ .type = NLA_BINARY, .len = ' +
                self.get_limit_str('max-len') + ', }')
    return orig(self, policy)


ynl.TypeBinary._attr_policy = attr_policy


def print_kernel_mcgrp_src(family, cw):
    """As 6.12's, plus the flags of a group (GENL_MCAST_CAP_NET_ADMIN)."""
    if not family.mcgrps['list']:
        return
    cw.block_start('static const struct genl_multicast_group ' +
                   family.c_name + '_nl_mcgrps[] =')
    for grp in family.mcgrps['list']:
        name = grp['name']
        grp_id = ynl.c_upper(f"{family.ident_name}-nlgrp-{name}")
        flags = grp.get('flags', [])
        if 'admin-perm' in flags or 'uns-admin-perm' in flags:
            cw.p('[' + grp_id + '] = { "' + name +
                 '", .flags = GENL_MCAST_CAP_NET_ADMIN, },')
        else:
            cw.p('[' + grp_id + '] = { "' + name + '", },')
    cw.block_end(';')
    cw.nl()


ynl.print_kernel_mcgrp_src = print_kernel_mcgrp_src
ynl.main()
PY
}
gen_c --mode uapi --header --spec "$spec" \
	-o "$tmp/include/uapi/linux/owe.h" >/dev/null
gen_c --mode kernel --source --spec "$spec" \
	-o "$tmp/owe/netlink/netlink-gen.c" >/dev/null
gen_c --mode kernel --header --spec "$spec" \
	-o "$tmp/owe/netlink/netlink-gen.h" >/dev/null
gen "$ynl/ynl-gen-rst.py" -i "$spec" -o "$tmp/Documentation/netlink/owe.rst" >/dev/null

files=(
	Documentation/netlink/genetlink.yaml
	Documentation/netlink/owe.rst
	include/uapi/linux/owe.h
	owe/netlink/netlink-gen.c
	owe/netlink/netlink-gen.h
)
rc=0
for f in "${files[@]}"; do
	if [ "$check" = 1 ]; then
		if ! cmp -s "$tmp/$f" "$top/$f"; then
			echo "regen-netlink: $f is not what Documentation/netlink/specs/owe.yaml gives; run scripts/regen-netlink.sh" >&2
			diff -u "$top/$f" "$tmp/$f" 2>&1 | head -n 20 >&2 || true
			rc=1
		fi
	elif ! cmp -s "$tmp/$f" "$top/$f"; then
		mkdir -p "$(dirname "$top/$f")"
		cp "$tmp/$f" "$top/$f"
		echo "regen-netlink: updated $f"
	fi
done
[ "$check" = 1 ] && [ "$rc" = 0 ] && echo "regen-netlink: generated files are current"
exit "$rc"
