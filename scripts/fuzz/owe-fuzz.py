#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""owe-fuzz: a seeded 802.11 frame fuzzer for an AP served by owe.ko.

Injects from an active monitor interface (scripts/tests/lib/owe.sh,
inject_mon) raw frames with a radiotap header, built with scapy, at an OWE
BSS (and an open BSS on the same radio) while real clients stay associated:

- every management subtype: authentication with each algorithm and
  transaction number; (re)association requests with mutated elements
  (lengths, duplicates, truncation, unknown extension IDs, DH elements of
  bad groups, lengths and x off the curve); action frames of every category,
  SA Query requests and responses with random transaction identifiers;
  deauthentication, disassociation; probe requests with odd SSID elements;
  beacons, probe/association responses, ATIM, timing advertisements and the
  reserved subtypes;
- class-3 data frames (data, QoS data, null, QoS null), PS-Poll;
- EAPOL-Key frames with mutated fields, in to-DS data frames (LLC/SNAP
  88-8e);
- "sessions": an Open System authentication and a valid OWE association
  from a fresh address, then EAPOL-Key messages 2 built to pass every check
  before the MIC (replay counter 1 as in the AP's first message 1, the MIC
  length of the association's group) with a random SNonce and MIC ("sent
  eapol-m2": owe.ko must count them as MIC failures), mutated EAPOL-Key
  frames, and a leave, to reach the handshake code.

Sources are random (unicast, group), the zero address, the AP's own
addresses, the monitor's, and the associated clients' addresses. The OWE
client (--pmf-client, PMF required) is used for every kind: unprotected
robust frames from it must be dropped, a forged (re)association must end in
an SA Query it answers. The legacy client (--open-client, no PMF) is only
used for frames the AP must not act on (probe requests, data frames of a
local ethertype, null frames, PS-Poll, EAPOL): without PMF an unprotected
deauthentication or a new authentication from its address ends its
association by design (IEEE 802.11), which is no finding. Frames from
client addresses never set the power-management bit (spoofing it parks
a station in power save: a property of 802.11, not of the AP). Frames are
only ever addressed to the AP's BSSIDs or to random unicast addresses (and
probe requests to broadcast), so the clients never act on them.

The sequence depends only on --seed and the addresses given: the same seed
gives the same frames (the "digest" line is a SHA-256 over all of them;
--dry-run prints it without sending). --from/--to send only a range of the
sequence (to replay one frame: --from I --to I), --log writes one line per
frame (index, type, source kind, hex).

Output, one "key value..." line each: "sent TYPE N" per frame type, "total
N", "seconds S" (the guest's clock), "digest HEX", and "expect COUNTER N":
how many frames must have reached owe.ko's counter COUNTER of the OWE BSS
(clean frames to its BSSID from unicast sources; see scripts/tests/fuzz.sh).

  owe-fuzz.py --iface MON --bssid OWE_BSSID --ssid SSID
              [--open-bssid B --open-ssid S] [--pmf-client MAC]
              [--open-client MAC] [--seed N] [--count N] [--gap MS]
              [--log FILE] [--from I] [--to I] [--dry-run]
"""

import argparse
import errno
import hashlib
import random
import socket
import struct
import sys
import time

from cryptography.hazmat.primitives.asymmetric import ec
from scapy.layers.dot11 import Dot11, RadioTap
from scapy.layers.eap import EAPOL
from scapy.layers.l2 import LLC, SNAP
from scapy.packet import Raw

ETH_P_ALL = 0x0003
BCAST = "ff:ff:ff:ff:ff:ff"

# curve: (cryptography class, octets of x, field prime, b)
CURVES = {
    19: (ec.SECP256R1, 32, 2**256 - 2**224 + 2**192 + 2**96 - 1,
         0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B),
    20: (ec.SECP384R1, 48, 2**384 - 2**128 - 2**96 + 2**32 - 1,
         int("b3312fa7e23ee7e4988e056be3f82d19181d9c6efe814112"
             "0314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef", 16)),
    21: (ec.SECP521R1, 66, 2**521 - 1,
         int("0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b4"
             "89918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c"
             "34f1ef451fd46b503f00", 16)),
}
OUI_AKM = bytes.fromhex("000fac")

# management subtypes by name
MGMT = {"assoc-req": 0, "assoc-resp": 1, "reassoc-req": 2,
        "reassoc-resp": 3, "probe-req": 4, "probe-resp": 5,
        "timing-adv": 6, "mgmt-reserved-7": 7, "beacon": 8, "atim": 9,
        "disassoc": 10, "auth": 11, "deauth": 12, "action": 13,
        "action-noack": 14, "mgmt-reserved-15": 15}
# FC flag bits (scapy's FCfield): to-DS, from-DS, more-frag, retry, PM,
# more-data, protected, order
TODS, FROMDS, MF, RETRY, PM, MD, PROT, ORDER = (1, 2, 4, 8, 16, 32, 64, 128)


def mac_bytes(text):
    return bytes.fromhex(text.replace(":", ""))


def mac_text(b):
    return ":".join(f"{x:02x}" for x in b)


def elem(eid, data, length=None):
    """An element; length overrides the length octet (a lie)."""
    n = len(data) if length is None else length
    return bytes([eid, n & 0xff]) + data


class Frame:
    """One frame and what the fuzzer knows about it."""

    def __init__(self, kind, raw, src_kind, a1, a2, a3, clean, stype=None):
        self.kind = kind
        # seconds to wait before sending: not part of the sequence
        self.pause = 0
        self.raw = raw
        self.src_kind = src_kind
        self.a1, self.a2, self.a3 = a1, a2, a3
        self.clean = clean
        self.stype = stype


class Fuzzer:
    def __init__(self, args):
        self.rng = random.Random(args.seed)
        self.bssid = args.bssid.lower()
        self.ssid = args.ssid.encode()
        self.open_bssid = (args.open_bssid or "").lower()
        self.open_ssid = (args.open_ssid or "").encode()
        self.pmf_client = (args.pmf_client or "").lower()
        self.open_client = (args.open_client or "").lower()
        self.mon = args.mon_addr.lower()
        self.seq = 0
        self.sessions = set()
        # frames of the sequence; sessions queue several
        self.pending = []

    # --- addresses ---------------------------------------------------
    def rand_unicast(self):
        b = bytearray(self.rng.getrandbits(8) for _ in range(6))
        b[0] = (b[0] & 0xfc) | 0x02    # unicast, locally administered
        a = mac_text(b)
        if a in (self.bssid, self.open_bssid, self.pmf_client,
                 self.open_client, self.mon) or a.startswith("02:00:00:00"):
            a = "02:66:75:7a:7a:01"     # never a hwsim radio's
        return a

    def source(self, kind, client_ok=True, legacy_ok=False):
        """(source kind, address) for a frame of kind."""
        choices = [("random", 40), ("group", 6), ("zero", 4), ("own", 5),
                   ("own-open", 3), ("mon", 4), ("anyrandom", 4)]
        if client_ok and self.pmf_client:
            choices.append(("pmf-client", 12))
        if legacy_ok and self.open_client:
            choices.append(("open-client", 8))
        k = self.rng.choices([c for c, _ in choices],
                             [w for _, w in choices])[0]
        if k == "random":
            return k, self.rand_unicast()
        if k == "anyrandom":
            b = bytes(self.rng.getrandbits(8) for _ in range(6))
            a = mac_text(b)
            if a.startswith("02:00:00:00"):
                a = "06:00:00:00:00:01"
            return k, a
        if k == "group":
            return k, self.rng.choice([BCAST, "01:00:5e:00:00:01",
                                       "33:33:00:00:00:01",
                                       "01:80:c2:00:00:03"])
        if k == "zero":
            return k, "00:00:00:00:00:00"
        if k == "own":
            return k, self.bssid
        if k == "own-open":
            return k, self.open_bssid or self.bssid
        if k == "mon":
            return k, self.mon
        if k == "pmf-client":
            return k, self.pmf_client
        return k, self.open_client

    def target(self):
        """(addr1, addr3): mostly one of the AP's BSSIDs."""
        r = self.rng.random()
        if r < 0.62 or not self.open_bssid:
            b = self.bssid
        elif r < 0.9:
            b = self.open_bssid
        else:
            b = self.rand_unicast()
        a3 = b
        if self.rng.random() < 0.05:
            a3 = self.rng.choice([BCAST, self.rand_unicast()])
        return b, a3

    # --- frame assembly ----------------------------------------------
    def next_seq(self, frag=True):
        """The next sequence number; now and then with a fragment number
        (which makes a frame unclean: mac80211 drops a lone fragment)."""
        self.seq = (self.seq + 1) & 0xfff
        self.frag = self.rng.randrange(1, 16) if frag and \
            self.rng.random() < 0.03 else 0
        return self.seq << 4 | self.frag

    def flags(self, src_kind, mgmt=True):
        """FC flags: none mostly; random otherwise (no PM from clients)."""
        if self.rng.random() < 0.85:
            return 0
        f = self.rng.getrandbits(8)
        if src_kind in ("pmf-client", "open-client"):
            f &= ~PM
        return f

    def mgmt(self, name, body, src=None, dst=None, fl=None):
        if src is None:
            src = self.source(name)
        a1, a3 = dst if dst else self.target()
        explicit = fl is not None
        if fl is None:
            fl = self.flags(src[0])
            body = self.maybe_truncate(body)
        else:
            self.truncated = False
        pkt = Dot11(type=0, subtype=MGMT[name], FCfield=fl, addr1=a1,
                    addr2=src[1], addr3=a3,
                    SC=self.next_seq(not explicit)) / Raw(body)
        return Frame(name, bytes(RadioTap() / pkt), src[0], a1, src[1], a3,
                     fl == 0 and not self.truncated and not self.frag,
                     MGMT[name])

    def maybe_truncate(self, body):
        self.truncated = False
        if body and self.rng.random() < 0.06:
            self.truncated = True
            return body[:self.rng.randrange(len(body))]
        return body

    # --- elements ----------------------------------------------------
    def rsne(self, pmf=True, mutate=False):
        cap = self.rng.choice([0x0080, 0x00c0]) if pmf else 0
        akm = OUI_AKM + b"\x12"
        body = struct.pack("<H", 1) + OUI_AKM + b"\x04"
        body += struct.pack("<H", 1) + OUI_AKM + b"\x04"
        body += struct.pack("<H", 1) + akm + struct.pack("<H", cap)
        if not mutate:
            return elem(48, body)
        m = self.rng.randrange(9)
        if m == 0:      # version
            body = struct.pack("<H", self.rng.choice([0, 2, 0xffff])) + body[2:]
        elif m == 1:    # pairwise count lies
            body = body[:6] + struct.pack("<H", self.rng.choice(
                [0, 2, 200, 0xffff])) + body[8:]
        elif m == 2:    # AKM count lies
            body = body[:12] + struct.pack("<H", self.rng.choice(
                [0, 3, 0x4000, 0xffff])) + body[14:]
        elif m == 3:    # unknown AKM/cipher
            body = body[:14] + self.rand_bytes(4) + body[18:]
        elif m == 4:    # PMKID list, possibly lying
            n = self.rng.choice([0, 1, 2, 255])
            body += struct.pack("<H", n) + self.rand_bytes(
                16 * self.rng.randrange(3))
        elif m == 5:    # cut anywhere
            body = body[:self.rng.randrange(len(body))]
        elif m == 6:    # group management cipher, odd
            body += struct.pack("<H", 0) + self.rand_bytes(
                self.rng.randrange(6))
        elif m == 7:    # PSK / SAE instead of OWE, or OWE twice
            body = body[:12] + struct.pack("<H", 2) + OUI_AKM + bytes(
                [self.rng.choice([2, 8, 18, 6])]) + akm + struct.pack("<H", cap)
        else:           # length lies
            return elem(48, body, self.rng.randrange(256))
        return elem(48, body)

    def rand_bytes(self, n):
        return bytes(self.rng.getrandbits(8) for _ in range(n))

    def valid_key(self, group):
        curve, plen, _, _ = CURVES[group]
        k = self.rng.randrange(1, 2**(plen * 8 - 8))
        priv = ec.derive_private_key(k, curve())
        return priv.public_key().public_numbers().x.to_bytes(plen, "big")

    def offcurve_x(self, group):
        _, plen, p, b = CURVES[group]
        while True:
            x = self.rng.randrange(p)
            rhs = (x ** 3 - 3 * x + b) % p
            if rhs and pow(rhs, (p - 1) // 2, p) == p - 1:
                return x.to_bytes(plen, "big")

    def dh_elem(self, valid=False, group=None):
        if group is None:
            group = self.rng.choice([19, 19, 19, 20, 21])
        if valid:
            return elem(255, bytes([32]) + struct.pack("<H", group) +
                        self.valid_key(group))
        m = self.rng.randrange(10)
        plen = CURVES[group][1]
        key = self.valid_key(group)
        if m == 0:      # bad group
            group = self.rng.choice([0, 1, 2, 5, 14, 15, 22, 23, 24, 25, 26,
                                     28, 29, 30, 31, 32, 0xffff,
                                     self.rng.getrandbits(16)])
        elif m == 1:    # off-curve x
            key = self.offcurve_x(group)
        elif m == 2:    # x >= p, x = 0, x all ones
            p = CURVES[group][2]
            key = self.rng.choice([p, p + 1, 0, 2**(plen * 8) - 1]).to_bytes(
                plen, "big")
        elif m == 3:    # short or long key
            key = key[:self.rng.randrange(plen)] if self.rng.random() < 0.5 \
                else key + self.rand_bytes(self.rng.randrange(1, 40))
        elif m == 4:    # a key of another group's length
            key = self.valid_key(self.rng.choice([g for g in CURVES
                                                  if g != group]))
        elif m == 5:    # only the extension ID, or the group cut
            return elem(255, bytes([32]) + self.rand_bytes(
                self.rng.randrange(3)))
        elif m == 6:    # element length lies
            body = bytes([32]) + struct.pack("<H", group) + key
            return elem(255, body, self.rng.choice(
                [0, 1, 2, 3, len(body) - 1, len(body) + 1, 255]))
        elif m == 7:    # a compressed point prefix in front
            key = bytes([self.rng.choice([2, 3, 4])]) + key
        # m 8, 9: valid
        return elem(255, bytes([32]) + struct.pack("<H", group) + key)

    def rand_elem(self):
        m = self.rng.randrange(6)
        if m == 0:      # unknown extension ID
            ext = self.rng.choice([0, 1, 33, 34, 35, 36, 90, 106, 107, 108,
                                   200, 254, 255])
            return elem(255, bytes([ext]) + self.rand_bytes(
                self.rng.randrange(40)))
        if m == 1:      # extension element with no ID
            return elem(255, b"")
        if m == 2:      # a random element
            return elem(self.rng.randrange(256), self.rand_bytes(
                self.rng.randrange(64)))
        if m == 3:      # vendor element, WFA OWE transition look-alike
            return elem(221, bytes.fromhex("506f9a1c") + self.rand_bytes(
                self.rng.randrange(20)))
        if m == 4:      # a maximal element
            return elem(self.rng.randrange(256), self.rand_bytes(255))
        return elem(self.rng.randrange(256), b"")

    def ssid_elem(self, ssid):
        m = self.rng.randrange(12)
        if m < 5:
            return elem(0, ssid)
        if m == 5:
            return elem(0, b"")
        if m == 6:
            return elem(0, self.rand_bytes(self.rng.choice([32, 33, 64, 255])))
        if m == 7:      # the right SSID with a trailing NUL
            return elem(0, ssid + b"\x00")
        if m == 8:      # length lies
            return elem(0, ssid, self.rng.choice([0, len(ssid) + 1, 255]))
        if m == 9:      # the SSID of the other BSS
            return elem(0, self.open_ssid if ssid == self.ssid else self.ssid)
        if m == 10:
            return elem(0, self.rand_bytes(self.rng.randrange(33)))
        return b""      # no SSID element at all

    def mutate_elems(self, elems):
        """Reorder, duplicate, drop, insert elements (a list of bytes)."""
        elems = list(elems)
        for _ in range(self.rng.choice([0, 0, 1, 1, 2, 3, 5])):
            m = self.rng.randrange(5)
            if m == 0 and elems:
                elems.insert(self.rng.randrange(len(elems) + 1),
                             self.rng.choice(elems))
            elif m == 1 and elems:
                del elems[self.rng.randrange(len(elems))]
            elif m == 2:
                elems.insert(self.rng.randrange(len(elems) + 1),
                             self.rand_elem())
            elif m == 3 and len(elems) > 1:
                self.rng.shuffle(elems)
            elif m == 4:
                elems.append(self.rand_elem())
        return elems

    # --- generators --------------------------------------------------
    def g_auth(self, src=None, dst=None, clean=False):
        if clean:
            body = struct.pack("<HHH", 0, 1, 0)
            return self.mgmt("auth", body, src, dst, 0)
        alg = self.rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 7, 128, 0xffff,
                               self.rng.getrandbits(16)])
        seq = self.rng.choice([0, 1, 1, 2, 3, 4, 0xffff,
                               self.rng.getrandbits(16)])
        status = self.rng.choice([0, 0, 1, 126, self.rng.getrandbits(16)])
        body = struct.pack("<HHH", alg, seq, status)
        if self.rng.random() < 0.3:
            body += b"".join(self.rand_elem() for _ in
                             range(self.rng.randrange(1, 4)))
        if self.rng.random() < 0.1:
            body = body[:self.rng.randrange(6)]
        return self.mgmt("auth", body, src, dst)

    def assoc_body(self, reassoc, ssid, valid=False, group=None):
        cap = 0x0431 if self.rng.random() < 0.8 else self.rng.getrandbits(16)
        fixed = struct.pack("<HH", cap, self.rng.choice([0, 1, 10, 0xffff]))
        if reassoc:
            fixed += mac_bytes(self.bssid)
        elems = [elem(0, ssid) if valid else self.ssid_elem(ssid),
                 elem(1, bytes.fromhex("82848b960c121824")),
                 elem(50, bytes.fromhex("3048606c")),
                 self.rsne(True, mutate=not valid and self.rng.random() < 0.4),
                 self.dh_elem(valid or self.rng.random() < 0.2, group)]
        if self.rng.random() < 0.3:
            elems.append(elem(45, self.rand_bytes(26)))     # HT capabilities
        if self.rng.random() < 0.3:
            elems.append(elem(127, self.rand_bytes(self.rng.randrange(12))))
        if not valid:
            elems = self.mutate_elems(elems)
        return fixed + b"".join(elems)

    def g_assoc(self, reassoc=False, src=None, dst=None, valid=False,
                group=None):
        if dst is None:
            dst = self.target()
        ssid = self.open_ssid if dst[0] == self.open_bssid else self.ssid
        body = self.assoc_body(reassoc, ssid, valid, group)
        name = "reassoc-req" if reassoc else "assoc-req"
        return self.mgmt(name, body, src, dst, 0 if valid else None)

    def g_probe(self):
        src = self.source("probe-req", legacy_ok=True)
        r = self.rng.random()
        if r < 0.4:
            dst = (BCAST, BCAST)
        elif r < 0.7:
            dst = (self.bssid, self.bssid)
        elif r < 0.85 and self.open_bssid:
            dst = (self.open_bssid, self.open_bssid)
        else:
            dst = (BCAST, self.rng.choice([self.bssid, self.rand_unicast()]))
        ssid = self.rng.choice([self.ssid, self.open_ssid or self.ssid, b""])
        elems = [self.ssid_elem(ssid),
                 elem(1, bytes.fromhex("82848b960c121824"))]
        if self.rng.random() < 0.3:
            elems.append(elem(0, self.rand_bytes(self.rng.randrange(40))))
        elems = self.mutate_elems(elems)
        return self.mgmt("probe-req", b"".join(elems), src, dst)

    def g_leave(self, name, src=None, dst=None, clean=False):
        reason = self.rng.choice([1, 2, 3, 4, 6, 7, 8, 15, 0, 0xffff,
                                  self.rng.getrandbits(16)])
        body = struct.pack("<H", reason)
        if clean:
            return self.mgmt(name, body, src, dst, 0)
        if self.rng.random() < 0.15:
            body += self.rand_elem()
        if self.rng.random() < 0.08:
            body = body[:self.rng.randrange(2)]
        return self.mgmt(name, body, src, dst)

    def g_action(self, src=None, dst=None):
        r = self.rng.random()
        if r < 0.4:
            act = self.rng.choice([0, 1, 0, 1, 2, self.rng.randrange(256)])
            tid = self.rand_bytes(self.rng.choice([2, 2, 2, 0, 1, 3, 20]))
            body = bytes([8, act]) + tid
            name = {0: "sa-query-req", 1: "sa-query-resp"}.get(act,
                                                               "action")
        else:
            cat = self.rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13,
                                   14, 15, 16, 17, 18, 19, 20, 21, 22, 126,
                                   127, 128, 255, self.rng.randrange(256)])
            body = bytes([cat, self.rng.randrange(256)]) + self.rand_bytes(
                self.rng.randrange(40))
            name = "action"
        if src is None:
            src = self.source(name)
        f = self.mgmt("action", body, src, dst)
        f.kind = name
        return f

    def g_other_mgmt(self):
        name = self.rng.choice(["assoc-resp", "reassoc-resp", "probe-resp",
                                "timing-adv", "mgmt-reserved-7", "beacon",
                                "atim", "action-noack", "mgmt-reserved-15"])
        body = b""
        if name in ("beacon", "probe-resp", "timing-adv"):
            body = self.rand_bytes(8) + struct.pack(
                "<HH", 100, self.rng.getrandbits(16))
            body += b"".join(self.mutate_elems(
                [self.ssid_elem(self.ssid), self.rsne(True, True),
                 elem(221, bytes.fromhex("506f9a1c") + self.rand_bytes(6))]))
        elif name in ("assoc-resp", "reassoc-resp"):
            body = struct.pack("<HHH", 0x0431, self.rng.getrandbits(16),
                               self.rng.getrandbits(16)) + self.dh_elem()
        elif name == "action-noack":
            body = bytes([self.rng.randrange(256)]) + self.rand_bytes(
                self.rng.randrange(30))
        else:
            body = self.rand_bytes(self.rng.randrange(40))
        return self.mgmt(name, body, self.source(name, client_ok=False))

    def data(self, name, payload, src, dst=None, subtype=0, fl=None):
        a1, a3 = dst if dst else self.target()
        if fl is None:
            if self.rng.random() < 0.85 or src[0] in ("pmf-client",
                                                        "open-client"):
                fl = TODS
                if src[0] not in ("pmf-client", "open-client") and \
                        self.rng.random() < 0.1:
                    fl |= PROT
            else:
                fl = self.rng.getrandbits(8)
        clean = fl == TODS
        payload = self.maybe_truncate(payload)
        clean = clean and not self.truncated
        hdr = Dot11(type=2, subtype=subtype, FCfield=fl, addr1=a1,
                    addr2=src[1], addr3=a3, SC=self.next_seq())
        clean = clean and not self.frag
        if fl & TODS and fl & FROMDS:
            hdr = hdr / Raw(mac_bytes(self.rand_unicast()))     # addr4
        if subtype & 8:
            qos = self.rng.randrange(8)
            if self.rng.random() < 0.1 and src[0] not in ("pmf-client",
                                                          "open-client"):
                qos |= 0x80                                     # A-MSDU
                clean = False
            hdr = hdr / Raw(struct.pack("<H", qos))
        if fl & PROT:
            payload = self.rand_bytes(8) + payload              # CCMP hdr
        f = Frame(name, bytes(RadioTap() / hdr / Raw(payload)), src[0], a1,
                  src[1], a3, clean)
        return f

    def g_data(self):
        src = self.source("data", legacy_ok=True)
        client = src[0] in ("pmf-client", "open-client")
        subtype = self.rng.choice([0, 0, 8, 8, 4, 12, 1, 2, 3, 5, 6, 7, 13,
                                   14, 15]) if not client else \
            self.rng.choice([0, 8, 4, 12])
        name = {0: "data", 8: "qos-data", 4: "null",
                12: "qos-null"}.get(subtype, "data-other")
        if subtype in (4, 12):
            payload = b""
        else:
            et = self.rng.choice([0x88b5, 0x88b6, 0x1234]) if client else \
                self.rng.choice([0x0800, 0x0806, 0x86dd, 0x888e, 0x88b5,
                                 self.rng.getrandbits(16)])
            payload = bytes(LLC() / SNAP(code=et)) + self.rand_bytes(
                self.rng.randrange(80))
            if not client and self.rng.random() < 0.1:
                payload = self.rand_bytes(self.rng.randrange(12))
        return self.data(name, payload, src, subtype=subtype)

    def g_pspoll(self):
        src = self.source("pspoll", legacy_ok=True)
        a1 = self.rng.choice([self.bssid, self.bssid, self.open_bssid or
                              self.bssid, self.rand_unicast()])
        aid = self.rng.choice([0xc001, 0xc002, 0xc000, 0xc7d7, 0x0001,
                               self.rng.getrandbits(16)])
        fl = self.rng.choice([0, 0, 0, PM, RETRY, self.rng.getrandbits(8)])
        if src[0] in ("pmf-client", "open-client"):
            fl &= ~PM
        pkt = Dot11(type=1, subtype=10, FCfield=fl, ID=aid, addr1=a1,
                    addr2=src[1])
        return Frame("pspoll", bytes(RadioTap() / pkt), src[0], a1, src[1],
                     None, False)

    def eapol_key(self):
        """An EAPOL frame, mostly a mutated EAPOL-Key message."""
        mic_len = self.rng.choice([16, 16, 16, 24, 32, 0])
        info = self.rng.choice([0x010a, 0x030a, 0x0302, 0x0b0a, 0x0f0a,
                                0x0108, 0x0308, 0x0c02, 0x0000, 0xffff,
                                self.rng.getrandbits(16)])
        desc_type = self.rng.choice([2, 2, 2, 254, 1, 0,
                                     self.rng.randrange(256)])
        replay = self.rng.choice([0, 1, 2, 3, 2**64 - 1,
                                  self.rng.getrandbits(64)])
        kdata = self.rng.choice([self.rsne(True), self.rsne(True, True), b"",
                                 elem(221, bytes.fromhex("000fac01") +
                                      self.rand_bytes(self.rng.randrange(40))),
                                 self.rand_bytes(self.rng.randrange(100))])
        klen = len(kdata)
        if self.rng.random() < 0.2:
            klen = self.rng.choice([0, klen + 1, klen + 100, 0xffff,
                                    max(0, klen - 1)])
        desc = struct.pack(">BHH", desc_type, info,
                           self.rng.choice([16, 0, 32])) + \
            struct.pack(">Q", replay) + self.rand_bytes(32) + bytes(16) + \
            self.rand_bytes(8) + bytes(8) + self.rand_bytes(mic_len) + \
            struct.pack(">H", klen) + kdata
        ptype = self.rng.choice([3, 3, 3, 3, 0, 1, 2, 4, 5, 255])
        if ptype != 3:
            desc = self.rand_bytes(self.rng.randrange(20))
        blen = len(desc)
        if self.rng.random() < 0.15:
            blen = self.rng.choice([0, blen - 1, blen + 1, 0xffff])
        version = self.rng.choice([1, 2, 2, 3, 0, 255])
        body = bytes(EAPOL(version=version, type=ptype, len=blen & 0xffff) /
                     Raw(desc))
        if self.rng.random() < 0.1:
            body = body[:self.rng.randrange(len(body))]
        return bytes(LLC() / SNAP(code=0x888e)) + body

    def g_eapol(self, src=None, dst=None):
        if src is None:
            src = self.source("eapol-key", legacy_ok=True)
        if dst is None:
            b = self.rng.choice([self.bssid, self.bssid, self.bssid,
                                 self.open_bssid or self.bssid])
            dst = (b, b)
        subtype = self.rng.choice([0, 0, 8])
        return self.data("eapol-key", self.eapol_key(), src, dst, subtype,
                         TODS if src[0] in ("pmf-client", "open-client")
                         or self.rng.random() < 0.9 else None)

    def m2(self, src, dst, group, replay):
        """An EAPOL-Key message 2 as the session's station would send it
        after the AP's message 1 (replay counter 1, the MIC length of the
        association's group, the RSNE in the key data), mutated only where
        the AP can check it by computing the MIC: SNonce, MIC and key data.
        It reaches owe.ko's MIC check, which must refuse it."""
        mic_len = {19: 16, 20: 24, 21: 32}[group]
        kdata = self.rsne(True) if self.rng.random() < 0.8 else \
            self.rand_bytes(self.rng.randrange(60))
        desc = struct.pack(">BHH", 2, self.rng.choice([0x0108, 0x010a]), 0) + \
            struct.pack(">Q", replay) + self.rand_bytes(32) + bytes(16) + \
            bytes(8) + bytes(8) + self.rand_bytes(mic_len) + \
            struct.pack(">H", len(kdata)) + kdata
        body = bytes(LLC() / SNAP(code=0x888e)) + \
            bytes(EAPOL(version=self.rng.choice([1, 2]), type=3,
                        len=len(desc)) / Raw(desc))
        hdr = Dot11(type=2, subtype=0, FCfield=TODS, addr1=dst[0],
                    addr2=src[1], addr3=dst[1], SC=self.next_seq(False))
        f = Frame("eapol-m2", bytes(RadioTap() / hdr / Raw(body)), src[0],
                  dst[0], src[1], dst[1], True)
        # the AP answers the association and sends M1 first
        f.pause = 0.05
        return f

    def session(self):
        """A fresh address authenticates and associates for real (valid
        OWE association, or open on the open BSS), sends mutated EAPOL-Key
        frames and other frames, then leaves."""
        src = ("session", self.rand_unicast())
        self.sessions.add(src[1])
        on_open = self.open_bssid and self.rng.random() < 0.25
        b = self.open_bssid if on_open else self.bssid
        dst = (b, b)
        group = self.rng.choice([19, 19, 20, 21])
        frames = [self.g_auth(src, dst, clean=True),
                  self.g_assoc(self.rng.random() < 0.2, src, dst, valid=True,
                               group=group)]
        if not on_open and self.rng.random() < 0.7:
            frames.append(self.m2(src, dst, group, 1))
        for _ in range(self.rng.randrange(5)):
            r = self.rng.random()
            if r < 0.2 and not on_open:
                frames.append(self.m2(src, dst, group,
                                      self.rng.choice([1, 1, 2])))
            elif r < 0.6:
                frames.append(self.g_eapol(src, dst))
            elif r < 0.8:
                frames.append(self.g_action(src, dst))
            else:
                frames.append(self.g_assoc(self.rng.random() < 0.5, src,
                                           dst))
        frames.append(self.g_leave(self.rng.choice(["deauth", "disassoc"]),
                                   src, dst, clean=True))
        return frames

    def step(self, left):
        """The next frames of the sequence (at most left of them)."""
        r = self.rng.random()
        if r < 0.05:
            s = self.session()
            # a session is sent whole: its last frame ends it
            if len(s) <= left:
                return s
        gens = [(self.g_auth, 12), (lambda: self.g_assoc(False), 14),
                (lambda: self.g_assoc(True), 6), (self.g_probe, 8),
                (lambda: self.g_leave("deauth", self.source(
                    "deauth")), 6),
                (lambda: self.g_leave("disassoc", self.source(
                    "disassoc")), 4),
                (self.g_action, 10), (self.g_other_mgmt, 6),
                (self.g_data, 10), (self.g_pspoll, 4), (self.g_eapol, 14)]
        g = self.rng.choices([g for g, _ in gens], [w for _, w in gens])[0]
        return [g()]

    def frames(self, count):
        n = 0
        while n < count:
            for f in self.step(count - n):
                yield n, f
                n += 1

    # --- what owe.ko must have counted ---------------------------------
    def expect(self, f):
        """The counter of the OWE BSS this frame must move, or None."""
        if not f.clean:
            return None
        if f.kind == "eapol-key":
            # to-DS from the associated OWE client: mac80211 lets
            # unprotected EAPOL through to the module (control port)
            if f.src_kind == "pmf-client" and f.a1 == self.bssid and \
                    f.a3 == self.bssid:
                return "rx EAPOL-Key"
            return None
        if f.stype is None:
            return None
        probe = f.stype == MGMT["probe-req"]
        if probe:
            if f.a1 not in (self.bssid, BCAST) or \
                    f.a3 not in (self.bssid, BCAST):
                return None
        elif f.a1 != self.bssid or f.a3 != self.bssid:
            return None
        if f.src_kind == "session":
            return None
        counter = {MGMT["probe-req"]: "rx probe requests",
                   MGMT["auth"]: "rx authentications",
                   MGMT["assoc-req"]: "rx (re)associations",
                   MGMT["reassoc-req"]: "rx (re)associations",
                   MGMT["deauth"]: "rx deauthentications",
                   MGMT["disassoc"]: "rx disassociations"}.get(f.stype)
        if counter is None:
            return None
        a2 = mac_bytes(f.a2)
        if a2[0] & 1:
            return "rx dropped: group source"
        if a2 == bytes(6):
            return "rx dropped: zero source"
        if f.a2 == self.bssid:
            return "rx dropped: own source"
        # unprotected robust frames of a PMF station: mac80211 drops them
        if f.src_kind == "pmf-client" and f.stype in (MGMT["deauth"],
                                                       MGMT["disassoc"]):
            return None
        return counter


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iface", help="an active monitor interface")
    ap.add_argument("--bssid", required=True, help="the OWE BSS")
    ap.add_argument("--ssid", required=True)
    ap.add_argument("--open-bssid")
    ap.add_argument("--open-ssid")
    ap.add_argument("--pmf-client", help="the OWE client (PMF)")
    ap.add_argument("--open-client", help="the legacy client (no PMF)")
    ap.add_argument("--mon-addr", help="the monitor's address "
                    "(default: read from IFACE)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--gap", type=float, default=2.0,
                    help="milliseconds between frames (guest time)")
    ap.add_argument("--from", dest="first", type=int, default=0)
    ap.add_argument("--to", dest="last", type=int, default=None)
    ap.add_argument("--log", help="one line per frame into this file")
    ap.add_argument("--dry-run", action="store_true",
                    help="build the sequence, send nothing")
    args = ap.parse_args()
    if not args.mon_addr:
        if not args.iface:
            ap.error("--iface or --mon-addr is needed")
        with open(f"/sys/class/net/{args.iface}/address") as f:
            args.mon_addr = f.read().strip()
    sock = None
    if not args.dry_run:
        if not args.iface:
            ap.error("--iface is needed to send")
        sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                             socket.htons(ETH_P_ALL))
        sock.bind((args.iface, ETH_P_ALL))
    fz = Fuzzer(args)
    last = args.count - 1 if args.last is None else args.last
    sent, expect = {}, {}
    digest = hashlib.sha256()
    log = open(args.log, "w") if args.log else None
    print(f"fuzz: seed {args.seed}, {args.count} frames, gap {args.gap} ms",
          flush=True)
    start = time.monotonic()
    total = 0
    for i, f in fz.frames(args.count):
        digest.update(struct.pack("<I", len(f.raw)) + f.raw)
        if not args.first <= i <= last:
            continue
        if log:
            log.write(f"{i} {f.kind} {f.src_kind} {f.raw.hex()}\n")
        if sock:
            if f.pause:
                time.sleep(f.pause)
            while True:
                try:
                    sock.send(f.raw)
                    break
                except OSError as e:
                    if e.errno not in (errno.ENOBUFS, errno.EAGAIN):
                        raise
                    time.sleep(0.01)
            if args.gap:
                time.sleep(args.gap / 1000)
        total += 1
        sent[f.kind] = sent.get(f.kind, 0) + 1
        c = fz.expect(f)
        if c:
            expect[c] = expect.get(c, 0) + 1
        if total % 1000 == 0:
            print(f"progress {total}", flush=True)
    secs = time.monotonic() - start
    if log:
        log.close()
    for k in sorted(sent):
        print(f"sent {k} {sent[k]}")
    print(f"total {total}")
    print(f"seconds {secs:.1f}")
    print(f"digest {digest.hexdigest()}")
    for k in sorted(expect):
        print(f"expect {k}: {expect[k]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
