#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Delete a mac80211_hwsim radio, as unplugging a USB radio would, or add one.

  hwsim-radio.py del PHY
  hwsim-radio.py new PHY REGDOM

Speaks the MAC80211_HWSIM generic netlink family directly (HWSIM_CMD_DEL_RADIO
with HWSIM_ATTR_RADIO_NAME, the wiphy's name; HWSIM_CMD_NEW_RADIO with that
name and HWSIM_ATTR_REG_CUSTOM_REG, the index of one of hwsim's own
regulatory domains: 2 allows 2.4, 5 and 6 GHz without NO-IR, which the world
domain of a guest without a regulatory database does not). Exits 0 when the
kernel acknowledged the request, 1 with the error otherwise.
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
NLM_F_REQUEST = 1
NLM_F_ACK = 4
NLMSG_ERROR = 2
HWSIM_CMD_NEW_RADIO = 4
HWSIM_CMD_DEL_RADIO = 5
HWSIM_ATTR_REG_CUSTOM_REG = 12
HWSIM_ATTR_RADIO_NAME = 17


def attr(atype, data):
    hdr = struct.pack("=HH", 4 + len(data), atype)
    return hdr + data + b"\0" * ((4 - len(data) % 4) % 4)


def request(sock, family, cmd, attrs, seq):
    body = struct.pack("=BBH", cmd, 1, 0) + attrs
    msg = struct.pack("=IHHII", 16 + len(body), family,
                      NLM_F_REQUEST | NLM_F_ACK, seq, os.getpid()) + body
    sock.send(msg)
    replies = []
    while True:
        data = sock.recv(65536)
        off = 0
        while off < len(data):
            length, mtype, _, rseq, _ = struct.unpack_from("=IHHII", data, off)
            payload = data[off + 16:off + length]
            off += (length + 3) & ~3
            if rseq != seq:
                continue
            if mtype == NLMSG_ERROR:
                err = struct.unpack_from("=i", payload)[0]
                return err, replies
            replies.append(payload)


def attrs_of(payload):
    res, off = {}, 4
    while off + 4 <= len(payload):
        length, atype = struct.unpack_from("=HH", payload, off)
        res[atype & 0x3fff] = payload[off + 4:off + length]
        off += (length + 3) & ~3
    return res


def main(argv):
    if not ((len(argv) == 3 and argv[1] == "del") or
            (len(argv) == 4 and argv[1] == "new")):
        print(__doc__, file=sys.stderr)
        return 2
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
    sock.bind((0, 0))
    err, replies = request(sock, GENL_ID_CTRL, CTRL_CMD_GETFAMILY,
                           attr(CTRL_ATTR_FAMILY_NAME, b"MAC80211_HWSIM\0"), 1)
    if err or not replies:
        print(f"hwsim-radio: no MAC80211_HWSIM family ({err})", file=sys.stderr)
        return 1
    family = struct.unpack("=H", attrs_of(replies[0])[CTRL_ATTR_FAMILY_ID])[0]
    if argv[1] == "new":
        err, _ = request(sock, family, HWSIM_CMD_NEW_RADIO,
                         attr(HWSIM_ATTR_RADIO_NAME, argv[2].encode() + b"\0") +
                         attr(HWSIM_ATTR_REG_CUSTOM_REG,
                              struct.pack("=I", int(argv[3]))), 2)
        if err < 0:
            print(f"hwsim-radio: adding {argv[2]}: {os.strerror(-err)}",
                  file=sys.stderr)
            return 1
        print(f"added {argv[2]}")
        return 0
    err, _ = request(sock, family, HWSIM_CMD_DEL_RADIO,
                     attr(HWSIM_ATTR_RADIO_NAME, argv[2].encode() + b"\0"), 2)
    if err:
        print(f"hwsim-radio: deleting {argv[2]}: {os.strerror(-err)}",
              file=sys.stderr)
        return 1
    print(f"deleted {argv[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
