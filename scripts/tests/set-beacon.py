#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Replace an AP's beacon tail the way hostapd does: NL80211_CMD_SET_BEACON
with only NL80211_ATTR_BEACON_TAIL, over raw generic netlink (iw has no
such command).

    set-beacon.py IFACE TAIL_HEX
"""
import os
import socket
import struct
import sys

NETLINK_GENERIC = 16
GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2
NLM_F_REQUEST, NLM_F_ACK = 1, 4
NLMSG_ERROR = 2
NL80211_CMD_SET_BEACON = 14
NL80211_ATTR_IFINDEX = 3
NL80211_ATTR_BEACON_TAIL = 15


def attr(kind, data):
    a = struct.pack("HH", 4 + len(data), kind) + data
    return a + b"\0" * (-len(a) % 4)


def attrs(buf):
    while len(buf) >= 4:
        n, kind = struct.unpack_from("HH", buf)
        yield kind & 0x3fff, buf[4:n]
        buf = buf[(n + 3) & ~3:]


def request(sock, family, cmd, payload, seq):
    body = struct.pack("BBH", cmd, 1, 0) + payload
    sock.send(struct.pack("IHHII", 16 + len(body), family,
                          NLM_F_REQUEST | NLM_F_ACK, seq, 0) + body)
    reply = None
    while True:
        data = sock.recv(65536)
        while data:
            n, kind = struct.unpack_from("IH", data)
            msg, data = data[16:n], data[(n + 3) & ~3:]
            if kind == NLMSG_ERROR:
                err = struct.unpack_from("i", msg)[0]
                if err:
                    sys.exit(f"set-beacon: {os.strerror(-err)}")
                return reply
            reply = msg[4:]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ifindex = socket.if_nametoindex(sys.argv[1])
    tail = bytes.fromhex(sys.argv[2])
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
    sock.bind((0, 0))
    reply = request(sock, GENL_ID_CTRL, CTRL_CMD_GETFAMILY,
                    attr(CTRL_ATTR_FAMILY_NAME, b"nl80211\0"), 1)
    family = next(struct.unpack("H", v[:2])[0] for k, v in attrs(reply)
                  if k == CTRL_ATTR_FAMILY_ID)
    request(sock, family, NL80211_CMD_SET_BEACON,
            attr(NL80211_ATTR_IFINDEX, struct.pack("I", ifindex)) +
            attr(NL80211_ATTR_BEACON_TAIL, tail), 2)


if __name__ == "__main__":
    main()
