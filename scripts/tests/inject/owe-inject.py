#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Raw 802.11 frame injection for the OWE bad-input tests.

Runs in the guest on an active monitor interface of a spare hwsim radio
(an active monitor ACKs frames sent to its own address, so the AP sees its
responses acknowledged). Frames are built by hand from the byte layouts in
IEEE 802.11 and RFC 8110; the only library is python3-cryptography (ECDH,
nothing else). Prints one "key value" line per observation on stdout, for
the calling test to check; exits 0 when the exchange ran, 2 on a timeout.

  owe-inject.py IFACE deauth BSSID DA REASON
      send one unprotected Deauthentication frame "from" BSSID to DA
  owe-inject.py IFACE assoc BSSID SSID GROUP VARIANT [pmf]
      Open System authentication, an association request whose DH
      element is VARIANT: valid, truncated (the element runs past the end of
      the frame), offcurve (x of no curve point), shortkey / longkey (the
      x of a curve point, one octet too short / long) or badgroup (group
      22), then a deauthentication. Prints "status N" and "dh GROUP|none"
      of the association response.
  owe-inject.py IFACE eapol BSSID SSID GROUP good|bad [pmf]
      a valid OWE association, then EAPOL-Key message 2 with a correct or a
      corrupted MIC. Prints "m3 yes|no", "m1 N" (message 1 copies seen) and
      "deauth REASON|none" after waiting for the AP's reaction.
  owe-inject.py IFACE flood BSSID SSID GROUP VARIANT COUNT [pmf]
      authenticate once, then send COUNT association requests of VARIANT
      10 ms apart, then a deauthentication; prints "sent N" and
      "answers N".
  owe-inject.py IFACE spoof BSSID SA KIND [SSID]
      one frame to BSSID whose source (transmitter) address is SA, not
      IFACE's: KIND is auth, assoc (an OWE request with a valid group 19
      DH element and PMF required, for SSID), deauth, disassoc, data (a
      to-DS data frame) or pspoll. Prints "sent KIND".
  owe-inject.py IFACE auth-flood BSSID COUNT [BURST PAUSE_MS]
      COUNT Open System Authentication frames from random locally
      administered addresses, as fast as the socket takes them, or in
      bursts of BURST frames PAUSE_MS apart. Prints "sent N" and
      "seconds S".
  owe-inject.py IFACE dup BSSID SSID
      an Authentication frame, then the same frame again with the Retry
      bit (same Sequence Control); then an OWE association request
      (group 19, valid DH element) and its retransmission likewise.
      Prints "auth_answers N" and "assoc_answers N": the responses to
      each pair.
  owe-inject.py IFACE repeat BSSID SSID [pmf]
      authenticate, send an OWE association request (group 19, valid DH
      element), then the same request again as a new frame (a client
      whose association response got lost); then a deauthentication.
      Prints "status N", "dh N" for each response and "same_key yes|no".
  owe-inject.py IFACE assoc-flood BSSID SSID COUNT RATE GROUP [pmf]
      COUNT pairs of an Open System Authentication and an OWE association
      request with a valid DH element of GROUP, each pair from a random
      locally administered address, RATE pairs a second, sent in bursts
      of a tenth of a second's pairs (each wakeup of a guest process
      costs a UML guest a host context switch, which a flood over the air
      does not cost the AP). Prints "sent N",
      "seconds S" and "assoc_status_N M": the association responses seen,
      by status code.
"""

import ctypes
import hashlib
import hmac
import os
import select
import socket
import struct
import sys
import time

from cryptography.hazmat.primitives.asymmetric import ec

ETH_P_ALL = 0x0003
SO_ATTACH_FILTER = 26
CURVES = {19: (ec.SECP256R1, 32, hashlib.sha256),
          20: (ec.SECP384R1, 48, hashlib.sha384),
          21: (ec.SECP521R1, 66, hashlib.sha512)}
# P-256 field prime and b, for an x that is on no point of the curve
P256_P = 2**256 - 2**224 + 2**192 + 2**96 - 1
P256_B = 0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B
RADIOTAP = bytes([0, 0, 8, 0, 0, 0, 0, 0])  # version 0, length 8, no fields


def mac(text):
    return bytes.fromhex(text.replace(":", ""))


def out(key, value):
    print(f"{key} {value}", flush=True)


class Radio:
    def __init__(self, ifname):
        self.sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                                  socket.htons(ETH_P_ALL))
        self.sock.bind((ifname, ETH_P_ALL))
        with open(f"/sys/class/net/{ifname}/address") as f:
            self.addr = mac(f.read().strip())
        self.seq = 0

    def only_assoc_resp(self):
        """Let the kernel drop every received frame but (Re)Association
        Responses (a classic BPF filter on the radiotap length and the
        frame control): a flood then reads a few frames, not all the AP's
        answers and retransmissions, and leaves the guest's CPU to the AP
        and the stations it measures."""
        prog = [(0x30, 0, 0, 3),        # A = radiotap length, high octet
                (0x64, 0, 0, 8),        # A <<= 8
                (0x07, 0, 0, 0),        # X = A
                (0x30, 0, 0, 2),        # A = low octet
                (0x0c, 0, 0, 0),        # A += X
                (0x07, 0, 0, 0),        # X = A: the 802.11 header
                (0x50, 0, 0, 0),        # A = frame control, first octet
                (0x54, 0, 0, 0xdf),     # subtype 1 or 3, management
                (0x15, 0, 1, 0x10),
                (0x06, 0, 0, 0xffff),   # keep
                (0x06, 0, 0, 0)]        # drop
        code = b"".join(struct.pack("=HBBI", *i) for i in prog)
        buf = ctypes.create_string_buffer(code)
        fprog = struct.pack("HL", len(prog), ctypes.addressof(buf))
        self.sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, fprog)

    def send(self, fc, a1, a3, body, a2=None, retry=False):
        """Send a frame; retry=True resends it with the Retry bit and the
        sequence number of the previous frame."""
        if retry:
            fc |= 0x0800
        else:
            self.seq = (self.seq + 1) & 0xfff
        hdr = struct.pack("<HH6s6s6sH", fc, 0, a1, a2 or self.addr, a3,
                          self.seq << 4)
        self.sock.send(RADIOTAP + hdr + body)

    def frames(self, timeout):
        """Yield (fc, addr1, addr2, body) of frames to us until timeout."""
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            if not select.select([self.sock], [], [], left)[0]:
                return
            pkt = self.sock.recv(4096)
            if len(pkt) < 4:
                continue
            rtlen = struct.unpack_from("<H", pkt, 2)[0]
            f = pkt[rtlen:]
            if len(f) < 24:
                continue
            fc = struct.unpack_from("<H", f)[0]
            if f[4:10] != self.addr:
                continue
            hdrlen = 24
            if (fc & 0x0c) == 0x08 and (fc & 0x80):  # QoS data
                hdrlen = 26
            yield fc, f[4:10], f[10:16], f[hdrlen:]


def ies(body):
    """Parse an element list into {id (or 255.ext): payload}."""
    res, i = {}, 0
    while i + 2 <= len(body):
        eid, ln = body[i], body[i + 1]
        data = body[i + 2:i + 2 + ln]
        if eid == 255 and data:
            res[(255, data[0])] = data[1:]
        else:
            res[eid] = data
        i += 2 + ln
    return res


def rsne(pmf, pmkid=None):
    cap = 0x00c0 if pmf else 0x0000
    body = struct.pack("<H", 1) + b"\x00\x0f\xac\x04" + struct.pack("<H", 1)
    body += b"\x00\x0f\xac\x04" + struct.pack("<H", 1) + b"\x00\x0f\xac\x12"
    body += struct.pack("<H", cap)
    if pmkid:
        body += struct.pack("<H", 1) + pmkid
    return bytes([48, len(body)]) + body


def offcurve_x():
    """The first x from 1 up for which x^3 - 3x + b is a non-residue."""
    x = 1
    while True:
        rhs = (x ** 3 - 3 * x + P256_B) % P256_P
        if pow(rhs, (P256_P - 1) // 2, P256_P) == P256_P - 1:
            return x.to_bytes(32, "big")
        x += 1


def authenticate(radio, bssid):
    radio.send(0x00b0, bssid, bssid, struct.pack("<HHH", 0, 1, 0))
    for fc, _, a2, body in radio.frames(3):
        if fc & 0xfc == 0xb0 and a2 == bssid and len(body) >= 6:
            alg, seq, status = struct.unpack_from("<HHH", body)
            out("auth_status", status)
            return status == 0
    out("auth_status", "timeout")
    return False


def assoc_request(radio, bssid, ssid, group, variant, pmf, sa=None):
    """Send an association request; return our private key (or None)."""
    body = struct.pack("<HH", 0x0431, 10)
    body += bytes([0, len(ssid)]) + ssid
    body += bytes([1, 8]) + bytes.fromhex("82848b960c121824")
    body += bytes([50, 4]) + bytes.fromhex("3048606c")
    body += rsne(pmf)
    priv = None
    if variant == "badgroup":
        group = 22
    if group in CURVES and variant != "offcurve":
        # shortkey: a point whose x has a leading zero octet, sent without
        # it; longkey: a point's x with one zero octet too many. The value
        # is on the curve both times: only the length is wrong.
        while True:
            priv = ec.generate_private_key(CURVES[group][0]())
            nums = priv.public_key().public_numbers()
            key = nums.x.to_bytes(CURVES[group][1], "big")
            if variant != "shortkey" or key[0] == 0:
                break
    else:
        key = offcurve_x() if variant == "offcurve" else os.urandom(32)
    if variant == "shortkey":
        key = key[1:]
    elif variant == "longkey":
        key = b"\x00" + key
    dh = bytes([32]) + struct.pack("<H", group) + key
    if variant == "truncated":
        # the element claims its full length, the frame ends 8 octets early
        body += bytes([255, len(dh)]) + dh[:-8]
    else:
        body += bytes([255, len(dh)]) + dh
    radio.send(0x0000, bssid, bssid, body, sa)
    return priv, key


def count_answers(radio, bssid, subtypes, timeout):
    return sum(1 for fc, _, a2, _ in radio.frames(timeout)
               if fc & 0xfc in subtypes and a2 == bssid)


def dup(radio, bssid, ssid):
    """Each request twice, the second time as a retransmission."""
    auth = struct.pack("<HHH", 0, 1, 0)
    radio.send(0x00b0, bssid, bssid, auth)
    radio.send(0x00b0, bssid, bssid, auth, retry=True)
    out("auth_answers", count_answers(radio, bssid, (0xb0,), 2))
    body = assoc_body(ssid, 19)
    radio.send(0x0000, bssid, bssid, body)
    radio.send(0x0000, bssid, bssid, body, retry=True)
    out("assoc_answers", count_answers(radio, bssid, (0x10,), 2))
    radio.send(0x00c0, bssid, bssid, struct.pack("<H", 3))


def assoc_body(ssid, group, pmf=False):
    """An OWE association request body with a fresh valid DH element."""
    body = struct.pack("<HH", 0x0431, 10)
    body += bytes([0, len(ssid)]) + ssid
    body += bytes([1, 8]) + bytes.fromhex("82848b960c121824")
    body += rsne(pmf)
    priv = ec.generate_private_key(CURVES[group][0]())
    key = priv.public_key().public_numbers().x.to_bytes(CURVES[group][1],
                                                        "big")
    dh = bytes([32]) + struct.pack("<H", group) + key
    return body + bytes([255, len(dh)]) + dh


def repeat(radio, bssid, ssid, pmf):
    """One association request, then the same one again as a new frame."""
    if not authenticate(radio, bssid):
        return 2
    body = assoc_body(ssid, 19, pmf)
    keys = []
    for _ in range(2):
        radio.send(0x0000, bssid, bssid, body)
        _, dh = await_assoc_resp(radio, bssid)
        keys.append(dh)
    radio.send(0x00c0, bssid, bssid, struct.pack("<H", 3))
    out("same_key", "yes" if keys[0] and keys[0] == keys[1] else "no")
    return 0


def assoc_flood(radio, bssid, ssid, count, rate, group, pmf):
    """Authentication + association pairs from random addresses."""
    bodies = [assoc_body(ssid, group, pmf) for _ in range(32)]
    auth = struct.pack("<HHH", 0, 1, 0)
    statuses = {}
    radio.only_assoc_resp()

    def drain():
        while select.select([radio.sock], [], [], 0)[0]:
            pkt = radio.sock.recv(4096)
            if len(pkt) < 4:
                continue
            f = pkt[struct.unpack_from("<H", pkt, 2)[0]:]
            if len(f) < 30 or f[10:16] != bssid:
                continue
            fc = struct.unpack_from("<H", f)[0]
            if fc & 0xfc in (0x10, 0x30) and not fc & 0x0800:
                st = struct.unpack_from("<H", f, 26)[0]
                statuses[st] = statuses.get(st, 0) + 1

    burst = max(1, int(rate / 10))
    start = time.monotonic()
    for i in range(count):
        sa = bytearray(os.urandom(6))
        sa[0] = (sa[0] & 0xfc) | 0x02   # unicast, locally administered
        sa = bytes(sa)
        radio.send(0x00b0, bssid, bssid, auth, sa)
        radio.send(0x0000, bssid, bssid, bodies[i % len(bodies)], sa)
        if (i + 1) % burst and i + 1 < count:
            continue
        drain()
        delay = start + (i + 1) / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
    end = time.monotonic() + 2
    while time.monotonic() < end:
        drain()
        time.sleep(0.05)
    out("sent", count)
    out("seconds", f"{time.monotonic() - start - 2:.2f}")
    for st in sorted(statuses):
        out(f"assoc_status_{st}", statuses[st])


def auth_flood(radio, bssid, count, burst=0, pause_ms=0):
    start = time.monotonic()
    for i in range(count):
        if burst and i and i % burst == 0:
            time.sleep(pause_ms / 1000)
        sa = bytearray(os.urandom(6))
        sa[0] = (sa[0] & 0xfc) | 0x02   # unicast, locally administered
        radio.send(0x00b0, bssid, bssid, struct.pack("<HHH", 0, 1, 0),
                   bytes(sa))
    out("sent", count)
    out("seconds", f"{time.monotonic() - start:.2f}")


def spoof(radio, bssid, sa, kind, ssid):
    """One frame to bssid that claims to come from sa."""
    if kind == "auth":
        radio.send(0x00b0, bssid, bssid, struct.pack("<HHH", 0, 1, 0), sa)
    elif kind == "assoc":
        assoc_request(radio, bssid, ssid, 19, "valid", True, sa)
    elif kind in ("deauth", "disassoc"):
        fc = 0x00c0 if kind == "deauth" else 0x00a0
        radio.send(fc, bssid, bssid, struct.pack("<H", 3), sa)
    elif kind == "data":
        # to-DS data: LLC/SNAP and an ARP-sized payload to the AP's net
        body = bytes.fromhex("aaaa030000000806") + bytes(28)
        radio.send(0x0108, bssid, mac("ff:ff:ff:ff:ff:ff"), body, sa)
    elif kind == "pspoll":
        # control frame: FC, AID (two top bits set), BSSID, TA
        radio.sock.send(RADIOTAP + struct.pack("<HH6s6s", 0x00a4, 0xc001,
                                               bssid, sa))
    else:
        return False
    out("sent", kind)
    return True


def await_assoc_resp(radio, bssid):
    for fc, _, a2, body in radio.frames(3):
        if fc & 0xfc in (0x10, 0x30) and a2 == bssid and len(body) >= 6:
            _, status, _ = struct.unpack_from("<HHH", body)
            el = ies(body[6:])
            dh = el.get((255, 32))
            out("status", status)
            out("dh", struct.unpack_from("<H", dh)[0] if dh else "none")
            return status, dh
    out("status", "timeout")
    return None, None


def kdf(hashf, key, label, context, bits):
    res, i = b"", 1
    while len(res) * 8 < bits:
        res += hmac.new(key, struct.pack("<H", i) + label + context +
                        struct.pack("<H", bits), hashf).digest()
        i += 1
    return res[:bits // 8]


def owe_pmk(group, priv, ckey, dh):
    curve, plen, hashf = CURVES[group]
    akey = dh[2:]
    peer = ec.EllipticCurvePublicKey.from_encoded_point(curve(),
                                                        b"\x02" + akey)
    z = priv.exchange(ec.ECDH(), peer).rjust(plen, b"\x00")
    prk = hmac.new(ckey + akey + struct.pack("<H", group), z, hashf).digest()
    return hmac.new(prk, b"OWE Key Generation\x01", hashf).digest()


def eapol_test(radio, bssid, group, good, pmf, priv, ckey, dh):
    _, _, hashf = CURVES[group]
    pmk = owe_pmk(group, priv, ckey, dh)
    kck_len = len(pmk) // 2
    mic_len = kck_len
    m1 = None
    m1_count = 0
    m3 = False
    deauth = "none"
    sent = False
    end = time.monotonic() + 30
    while time.monotonic() < end and deauth == "none":
        for fc, _, a2, body in radio.frames(1):
            if a2 != bssid:
                continue
            if fc & 0xfc == 0xc0 and len(body) >= 2:
                deauth = struct.unpack_from("<H", body)[0]
                break
            if (fc & 0x0c) != 0x08 or body[:8] != bytes.fromhex(
                    "aaaa03000000888e"):
                continue
            eap = body[8:]
            if len(eap) < 4 + 77 + mic_len + 2 or eap[1] != 3:
                continue
            info = struct.unpack_from(">H", eap, 5)[0]
            if info & 0x0100:  # MIC set: message 3
                m3 = True
                continue
            m1_count += 1
            if sent:
                continue
            m1 = eap
            replay = eap[9:17]
            anonce = eap[17:49]
            snonce = os.urandom(32)
            ptk = kdf(hashf, pmk, b"Pairwise key expansion",
                      min(bssid, radio.addr) + max(bssid, radio.addr) +
                      min(anonce, snonce) + max(anonce, snonce),
                      8 * (kck_len + (16 if len(pmk) <= 32 else 32) + 16))
            kck = ptk[:kck_len]
            kdata = rsne(pmf)
            desc = struct.pack(">BHH", 2, 0x0108, 0) + replay + snonce
            desc += bytes(16 + 8 + 8)
            frame = struct.pack(">BBH", 1, 3, len(desc) + mic_len + 2 +
                                len(kdata))
            zero = frame + desc + bytes(mic_len) + struct.pack(
                ">H", len(kdata)) + kdata
            mic = hmac.new(kck, zero, hashf).digest()[:mic_len]
            if not good:
                mic = bytes([mic[0] ^ 0x01]) + mic[1:]
            m2 = frame + desc + mic + struct.pack(">H", len(kdata)) + kdata
            radio.send(0x0108, bssid, bssid,
                       bytes.fromhex("aaaa03000000888e") + m2)
            sent = True
            out("m2", "sent")
        if good and m3:
            break
    out("m1", m1_count)
    out("m3", "yes" if m3 else "no")
    out("deauth", deauth)
    if m1 is None:
        return 2
    if good:
        # leave cleanly: deauthenticate ourselves (reason 3)
        radio.send(0x00c0, bssid, bssid, struct.pack("<H", 3))
    return 0


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 1
    radio = Radio(argv[1])
    cmd = argv[2]
    if cmd == "deauth":
        bssid, da, reason = mac(argv[3]), mac(argv[4]), int(argv[5])
        hdr = struct.pack("<HH6s6s6sH", 0x00c0, 0, da, bssid, bssid, 0)
        radio.sock.send(RADIOTAP + hdr + struct.pack("<H", reason))
        out("deauth", "sent")
        return 0
    if cmd == "auth-flood":
        auth_flood(radio, mac(argv[3]), int(argv[4]),
                   *(int(a) for a in argv[5:7]))
        return 0
    if cmd == "dup":
        dup(radio, mac(argv[3]), argv[4].encode())
        return 0
    if cmd == "repeat":
        return repeat(radio, mac(argv[3]), argv[4].encode(),
                      argv[-1] == "pmf")
    if cmd == "assoc-flood":
        assoc_flood(radio, mac(argv[3]), argv[4].encode(), int(argv[5]),
                    float(argv[6]), int(argv[7]), argv[-1] == "pmf")
        return 0
    if cmd == "spoof":
        ssid = argv[6].encode() if len(argv) > 6 else b""
        return 0 if spoof(radio, mac(argv[3]), mac(argv[4]), argv[5],
                          ssid) else 1
    bssid, ssid, group = mac(argv[3]), argv[4].encode(), int(argv[5])
    pmf = argv[-1] == "pmf"
    if not authenticate(radio, bssid):
        return 2
    if cmd == "assoc":
        assoc_request(radio, bssid, ssid, group, argv[6], pmf)
        status, _ = await_assoc_resp(radio, bssid)
        # leave: the AP must forget the station, accepted or not
        radio.send(0x00c0, bssid, bssid, struct.pack("<H", 3))
        return 0 if status is not None else 2
    if cmd == "flood":
        count = int(argv[7])
        for _ in range(count):
            assoc_request(radio, bssid, ssid, group, argv[6], pmf)
            time.sleep(0.01)
        answers = sum(1 for fc, _, a2, _ in radio.frames(2)
                      if fc & 0xfc in (0x10, 0x30) and a2 == bssid)
        radio.send(0x00c0, bssid, bssid, struct.pack("<H", 3))
        out("sent", count)
        out("answers", answers)
        return 0
    if cmd == "eapol":
        priv, ckey = assoc_request(radio, bssid, ssid, group, "valid", pmf)
        status, dh = await_assoc_resp(radio, bssid)
        if status != 0 or not dh:
            return 2
        return eapol_test(radio, bssid, group, argv[6] == "good", pmf,
                          priv, ckey, dh)
    print(__doc__, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
