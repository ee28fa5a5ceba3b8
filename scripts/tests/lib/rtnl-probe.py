#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""RTNL latency without a fork: what `ip link show` costs the kernel.

  rtnl-probe.py INTERVAL FILE [SLABFILE]

Every INTERVAL seconds, until killed, dumps the links (RTM_GETLINK with
NLM_F_DUMP, the request `ip link show` sends; the kernel serves it under
RTNL) over one NETLINK_ROUTE socket and appends the milliseconds from the
request to NLMSG_DONE to FILE, one figure a line; with SLABFILE, also
the SUnreclaim line of /proc/meminfo (KiB). A fork and exec of `ip` (or
awk) costs a UML guest 100-250 ms of its only CPU; this samples without
one, so the sampler does not load the guest it measures.
"""

import os
import socket
import struct
import sys
import time

NLMSG_DONE = 3
NLMSG_ERROR = 2
RTM_GETLINK = 18
NLM_F_REQUEST = 0x1
NLM_F_DUMP = 0x300


def dump_links(sock, seq):
    # nlmsghdr + ifinfomsg (family AF_UNSPEC)
    req = struct.pack("=LHHLL", 16 + 16, RTM_GETLINK,
                      NLM_F_REQUEST | NLM_F_DUMP, seq, 0)
    req += struct.pack("=BxHiII", socket.AF_UNSPEC, 0, 0, 0, 0)
    sock.send(req)
    while True:
        data = sock.recv(1 << 16)
        off = 0
        while off + 16 <= len(data):
            length, kind, _, rseq, _ = struct.unpack_from("=LHHLL", data, off)
            if rseq == seq and kind == NLMSG_DONE:
                return
            if rseq == seq and kind == NLMSG_ERROR:
                err = struct.unpack_from("=i", data, off + 16)[0]
                raise OSError(-err, os.strerror(-err))
            if length < 16:
                break
            off += (length + 3) & ~3


def sunreclaim():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("SUnreclaim:"):
                return line.split()[1]
    return "0"


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    interval = float(argv[1])
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW,
                         socket.NETLINK_ROUTE)
    sock.bind((0, 0))
    seq = 0
    slab = open(argv[3], "a", buffering=1) if len(argv) == 4 else None
    with open(argv[2], "a", buffering=1) as out:
        while True:
            seq += 1
            t0 = time.monotonic()
            dump_links(sock, seq)
            out.write(f"{(time.monotonic() - t0) * 1000:.3f}\n")
            if slab:
                slab.write(sunreclaim() + "\n")
            time.sleep(interval)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except KeyboardInterrupt:
        sys.exit(0)
