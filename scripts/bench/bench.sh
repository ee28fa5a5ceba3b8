#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# `make bench`: owe.ko against hostapd 2.10, side by side in one real-time
# guest boot (scripts/bench/inside.sh), then bench/results.md is printed.
# Benchmarks print figures; they assert nothing and are not in `make check`.
#
#   scripts/bench/bench.sh [inside.sh options: --runs N --cap N,N ...]
#
# The capacity figure needs one radio per client plus the AP's, and one
# more injects association requests: the largest --cap size (default 64)
# sets the number of radios.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
build=${OWE_BUILD_DIR:-$top/.build}

cap=8,32,64
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
	[ "${args[i]}" = --cap ] && cap=${args[i + 1]:-$cap}
done
max=1
for n in ${cap//,/ }; do
	[ "$n" -gt "$max" ] && max=$n
done

command -v iperf3 >/dev/null ||
	echo "bench: iperf3 is not installed (apt-get install iperf3): no figure 5" >&2
[ -f "$top/Module.symvers" ] || { echo "bench: run 'make' first" >&2; exit 2; }
make -C "$build/um" M="$top/scripts/bench/kmod" ARCH=um \
	KBUILD_EXTRA_SYMBOLS="$top/Module.symvers" modules >/dev/null ||
	{ echo "bench: cannot build scripts/bench/kmod" >&2; exit 1; }

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
cpu="$cpu, $(nproc) CPUs on the host"
mkdir -p "$top/bench"
rm -f "$top/bench/results.md"
"$top/scripts/vm/run.sh" --realtime -r $((max + 2)) -t 3600 -- \
	scripts/bench/inside.sh --cpu "$cpu" "$@"
rc=$?
if [ ! -f "$top/bench/results.md" ]; then
	echo "bench: no bench/results.md (run.sh exit $rc)" >&2
	exit 1
fi
echo
cat "$top/bench/results.md"
exit "$rc"
