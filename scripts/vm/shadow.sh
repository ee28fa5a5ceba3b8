#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# A second module build tree: the module sources (Kbuild files, *.c, *.h
# under owe/, kunit/ and include/) symlinked into DIR, so that the modules
# can be built against a second kernel (the --debug one) without touching
# the objects in the repository, which belong to the normal kernel.
# Symlinks of files that no longer exist are removed; objects in DIR stay,
# so rebuilds are incremental.
#
#   scripts/vm/shadow.sh DIR
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
dir=${1:?usage: shadow.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

cd "$top"
find Kbuild ecc owe kunit include \( -name Kbuild -o -name '*.[ch]' \) \
	! -name '*.mod.c' -type f | while read -r f; do
	mkdir -p "$dir/$(dirname "$f")"
	ln -sfn "$top/$f" "$dir/$f"
done
find "$dir" -type l ! -exec test -e {} \; -delete
