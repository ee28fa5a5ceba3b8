#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""ECDH through the kernel's kpp API (the owe-ecctest test-bed module's
debugfs file) against OpenSSL (python3-cryptography), for
scripts/tests/ecc-differential.sh and scripts/tests/ecc-timing.sh.

    ecc-kpp.py alg NAME...
        per NAME a line "NAME DRIVER PRIORITY", or "NAME - ERROR" when
        crypto_alloc_kpp() finds none
    ecc-kpp.py differential CURVE COUNT DRIVER...
        COUNT random (scalar, point) pairs plus edge cases through every
        DRIVER, each answer compared with OpenSSL's; exit 1 on a mismatch
    ecc-kpp.py timing CURVE COUNT THRESHOLD DRIVER[:judge][:bh]...
        dudect-style Welch t-tests, COUNT measurements per class; exit 1
        when a DRIVER marked "judge" shows |t| above THRESHOLD; "bh" runs
        its kpp calls with bottom halves disabled. Exit 3: the test bed
        failed (a kpp error on valid input, a clock that does not move)

CURVE is p256, p384 or p521.
"""
import math
import os
import random
import secrets
import sys
import time

from cryptography.hazmat.primitives.asymmetric import ec

RUN = "/sys/kernel/debug/owe-ecctest/run"
TAG = "[%s]" % os.environ.get("T_NAME", "ecc-kpp")
BATCH = 250

# (group, OpenSSL curve, p, n, b); a = -3 for all three
CURVES = {
    "p256": (19, ec.SECP256R1(),
             2**256 - 2**224 + 2**192 + 2**96 - 1,
             0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551,
             0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b),
    "p384": (20, ec.SECP384R1(),
             2**384 - 2**128 - 2**96 + 2**32 - 1,
             int("ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81"
                 "f4372ddf581a0db248b0a77aecec196accc52973", 16),
             int("b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f"
                 "5013875ac656398d8a2ed19d2a85c8edd3ec2aef", 16)),
    "p521": (21, ec.SECP521R1(),
             2**521 - 1,
             int("01ff" + "ffffffff" * 7 + "fffffffa51868783bf2f966b7fcc0148"
                 "f709a5d03bb5c9b8899c47aebb6fb71e91386409", 16),
             int("0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b4"
                 "89918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c"
                 "34f1ef451fd46b503f00", 16)),
}


def log(msg):
    print("%s %s" % (TAG, msg), flush=True)


class TestBedError(Exception):
    pass


class Kpp:
    """Batches of commands through the owe-ecctest transaction file."""

    def __init__(self):
        self.fd = os.open(RUN, os.O_RDWR)

    def batch(self, lines):
        data = "".join(line + "\n" for line in lines).encode()
        if os.write(self.fd, data) != len(data):
            raise TestBedError("short write")
        out, off = [], 0
        while True:
            chunk = os.pread(self.fd, 1 << 20, off)
            if not chunk:
                break
            out.append(chunk)
            off += len(chunk)
        res = b"".join(out).decode().split("\n")[:-1]
        if len(res) != len(lines):
            raise TestBedError("%d answers to %d commands" %
                               (len(res), len(lines)))
        for cmd, r in zip(lines, res):
            if r.startswith("bad"):
                raise TestBedError("'%s' -> '%s'" % (cmd[:60], r))
        return [r.split() for r in res]


class Curve:
    def __init__(self, name):
        self.name = name
        self.group, self.curve, self.p, self.n, self.b = CURVES[name]
        self.bits = self.curve.key_size
        g = ec.derive_private_key(1, self.curve).public_key().public_numbers()
        self.g = (g.x, g.y)
        if not self.on_curve(*self.g) or \
                self.public(self.n - 1) != (self.g[0], self.p - self.g[1]):
            raise TestBedError("%s: the curve constants are wrong" % name)

    def rhs(self, x):
        return (x * x * x - 3 * x + self.b) % self.p

    def on_curve(self, x, y):
        return x < self.p and y < self.p and y * y % self.p == self.rhs(x)

    def y_of(self, x):
        """a y for x, or None (p = 3 mod 4 for all three curves)"""
        r = self.rhs(x)
        y = pow(r, (self.p + 1) // 4, self.p)
        return y if y * y % self.p == r else None

    def keypair(self):
        """(scalar, OpenSSL key, OpenSSL public key, its numbers)"""
        k = ec.generate_private_key(self.curve)
        pub = k.public_key()
        return k.private_numbers().private_value, k, pub, pub.public_numbers()

    def pub_of(self, x, y):
        return ec.EllipticCurvePublicNumbers(x, y, self.curve).public_key()

    def ecdh(self, k, pub):
        """OpenSSL's x of k * pub"""
        priv = ec.derive_private_key(k, self.curve)
        return int.from_bytes(priv.exchange(ec.ECDH(), pub), "big")

    def public(self, k):
        n = ec.derive_private_key(k, self.curve).public_key().public_numbers()
        return n.x, n.y

    def low_weight(self, rng):
        """a scalar of 1 to 8 bits set below bit bits - 1, at least 2"""
        while True:
            k = 0
            for _ in range(rng.randint(1, 8)):
                k |= 1 << rng.randrange(self.bits - 1)
            if k >= 2:
                return k


def cmd_alg(names):
    """one line per name: NAME DRIVER PRIORITY, or NAME - ERROR"""
    for name, r in zip(names, Kpp().batch(["alg " + n for n in names])):
        if r[0] == "ok":
            print(name, r[1], r[2])
        else:
            print(name, "-", os.strerror(-int(r[1])))
    return 0


# --------------------------------------------------------------------------
# differential test

def generic_refusal(driver, c, k, x=None):
    """Why the generic driver (crypto/ecc.c) may refuse a valid input, or
    None. It takes private keys in [2, n - 3] only (ecc_is_key_valid()),
    and its ladder ends by inverting a product with the peer's x, so a
    peer point with x = 0 comes out as infinity (-EFAULT). Every other
    driver must compute with any k in [1, n - 1] (SP 800-56A) and any
    point on the curve."""
    if not driver.endswith("-generic"):
        return None
    if k in (1, c.n - 2, c.n - 1):
        return "crypto/ecc.c's key range is [2, n - 3]"
    if x == 0:
        return "crypto/ecc.c's ladder cannot take a point with x = 0"
    return None


def make_vectors(c, count):
    """(label, k, x, y, expected x or None when the kpp must refuse)"""
    rng = random.Random(secrets.randbits(64))
    vec = []
    t0 = time.monotonic()
    keys = []
    for i in range(count):
        keys.append(c.keypair())
        if (i + 1) % 2500 == 0:
            log("  %s: %d key pairs from OpenSSL" % (c.name, i + 1))
    # pair every key's scalar with the next key's point
    for i in range(count):
        k, priv = keys[i][:2]
        pub, num = keys[(i + 1) % count][2:]
        z = int.from_bytes(priv.exchange(ec.ECDH(), pub), "big")
        vec.append(("random", k, num.x, num.y, z))
        if (i + 1) % 2500 == 0:
            log("  %s: %d shared secrets from OpenSSL" % (c.name, i + 1))
    # low-weight and short scalars (1% more)
    for i in range(max(count // 100, 20)):
        k = c.low_weight(rng) if i % 2 else rng.randrange(2, 2 ** rng.randrange(2, c.bits))
        pub, num = keys[rng.randrange(count)][2:]
        vec.append(("low-weight/short scalar", k, num.x, num.y, c.ecdh(k, pub)))

    # edge scalars against G and a random point
    gx, gy = c.g
    rpub, rnum = keys[0][2:]
    gpub = c.pub_of(gx, gy)
    for k in (1, 2, 3, c.n - 3, c.n - 2, c.n - 1):
        vec.append(("scalar %s" % scalar_name(c, k), k, gx, gy, c.ecdh(k, gpub)))
        vec.append(("scalar %s" % scalar_name(c, k), k, rnum.x, rnum.y,
                    c.ecdh(k, rpub)))
    for k in (0, c.n, c.n + 1, 2 ** (8 * ((c.bits + 7) // 8)) - 1):
        vec.append(("scalar %s (invalid)" % scalar_name(c, k), k, gx, gy, None))

    # edge points with a random scalar
    k = keys[1][0]
    vec.append(("point G", k, gx, gy, c.ecdh(k, gpub)))
    vec.append(("point -G", k, gx, c.p - gy, c.ecdh(k, c.pub_of(gx, c.p - gy))))
    for x, what in ((0, "x = 0"), (c.p - 1, "x = p - 1"), (1, "x = 1")):
        y = c.y_of(x)
        if y is None:
            log("  %s: no point with %s" % (c.name, what))
            continue
        for yy in (y, c.p - y):
            vec.append(("point %s" % what, k, x, yy, c.ecdh(k, c.pub_of(x, yy))))
    # a small x on the curve, for x + p and y + p where they fit
    small = next(x for x in range(2, 1000) if c.y_of(x) is not None)
    sy = c.y_of(small)
    vec.append(("point x = %d" % small, k, small, sy,
                c.ecdh(k, c.pub_of(small, sy))))
    top = 2 ** (8 * ((c.bits + 7) // 8))
    bad = [
        ("infinity (0, 0)", 0, 0),
        ("off curve (y + 1)", rnum.x, (rnum.y + 1) % c.p),
        ("off curve (x + 1)", (rnum.x + 1) % c.p, rnum.y),
        ("off curve (G.x, 0)", gx, 0),
        ("x = p", c.p, c.y_of(0) or sy),
        ("x = p + %d" % small, c.p + small, sy),
        ("y = p + y", small, c.p + sy),
        ("x = y = all ones", top - 1, top - 1),
        ("x = 0, y = 1", 0, 1),
    ]
    for what, x, y in bad:
        if x >= top or y >= top:
            log("  %s: %s does not fit the coordinate length" % (c.name, what))
            continue
        vec.append(("point %s (invalid)" % what, k, x, y, None))
    log("  %s: %d vectors (%d random pairs) in %.1fs" %
        (c.name, len(vec), count, time.monotonic() - t0))
    return vec


def scalar_name(c, k):
    for name, v in (("0", 0), ("n", c.n), ("n + 1", c.n + 1)):
        if k == v:
            return name
    if k < 16:
        return str(k)
    if c.n - 16 < k < c.n:
        return "n - %d" % (c.n - k)
    return "0x%x" % k


def check_ecdh(kpp, c, driver, vec):
    """every vector through DRIVER; returns (mismatches, tolerated)"""
    bad = tolerated = 0
    t0 = time.monotonic()
    for i in range(0, len(vec), BATCH):
        part = vec[i:i + BATCH]
        res = kpp.batch(["ecdh %s %x %x %x" % (driver, k, x, y)
                         for _, k, x, y, _ in part])
        for (label, k, x, y, want), r in zip(part, res):
            got = int(r[1], 16) if r[0] == "ok" else None
            if got == want:
                continue
            why = generic_refusal(driver, c, k, x)
            if want is not None and got is None and why:
                tolerated += 1
                log("  %s: %s refused (%s): %s" % (driver, label, r[1], why))
                continue
            bad += 1
            if bad <= 10:
                log("  MISMATCH %s %s: k=%x P=(%x, %x): kpp %s, OpenSSL %s" %
                    (driver, label, k, x, y, " ".join(r),
                     "refuses" if want is None else "%x" % want))
        done = min(i + BATCH, len(vec))
        if done % 2500 < BATCH or done == len(vec):
            log("  %s: %d/%d compared (%.1fs)" %
                (driver, done, len(vec), time.monotonic() - t0))
    return bad, tolerated


def check_pub(kpp, c, driver, count):
    rng = random.Random(secrets.randbits(64))
    ks = [secrets.randbelow(c.n - 3) + 2 for _ in range(count)]
    ks += [c.low_weight(rng) for _ in range(count // 4)]
    ks += [1, 2, 3, c.n - 3, c.n - 2, c.n - 1]
    bad = 0
    for i in range(0, len(ks), BATCH):
        part = ks[i:i + BATCH]
        res = kpp.batch(["pub %s %x" % (driver, k) for k in part])
        for k, r in zip(part, res):
            want = c.public(k)
            if r[0] == "ok" and (int(r[1], 16), int(r[2], 16)) == want:
                continue
            if r[0] == "err" and generic_refusal(driver, c, k):
                continue
            bad += 1
            if bad <= 10:
                log("  MISMATCH %s public key of k=%x: kpp %s, OpenSSL %x %x" %
                    (driver, k, " ".join(r), want[0], want[1]))
    for k in (0, c.n):
        r = kpp.batch(["pub %s %x" % (driver, k)])[0]
        if r[0] != "err":
            bad += 1
            log("  MISMATCH %s public key of the invalid scalar %s: %s" %
                (driver, scalar_name(c, k), " ".join(r)))
    log("  %s: %d public keys compared, %d mismatches" %
        (driver, len(ks) + 2, bad))
    return bad


def cmd_differential(curve, count, drivers):
    c = Curve(curve)
    kpp = Kpp()
    log("%s (group %d): OpenSSL makes the vectors" % (curve, c.group))
    vec = make_vectors(c, count)
    failed = 0
    for d in drivers:
        t0 = time.monotonic()
        bad, tol = check_ecdh(kpp, c, d, vec)
        bad += check_pub(kpp, c, d, 200)
        log("%s: %s: %d ECDH vectors (%d random pairs), %d mismatches, "
            "%d refusals tolerated, %.1fs" %
            (curve, d, len(vec), count, bad, tol, time.monotonic() - t0))
        failed += bad
    return 1 if failed else 0


# --------------------------------------------------------------------------
# timing test (dudect: Reparaz, Balasch, Verbauwhede, "Dude, is my code
# constant time?", DATE 2017): two classes of inputs, interleaved at
# random, one measurement each; Welch's t-test on the raw measurements and
# on measurements cropped at several percentiles (the largest |t| counts)

CROPS = (None, 99, 95, 90, 75, 50)


def welch(a, b):
    na, nb = len(a), len(b)
    if na < 2 or nb < 2:
        return 0.0
    ma, mb = sum(a) / na, sum(b) / nb
    va = sum((v - ma) ** 2 for v in a) / (na - 1)
    vb = sum((v - mb) ** 2 for v in b) / (nb - 1)
    se = math.sqrt(va / na + vb / nb)
    if se == 0:
        return 0.0 if ma == mb else math.inf
    return (ma - mb) / se


def t_stats(samples):
    """(max |t|, [(crop, t)]) over the crops; samples: [(class, time)]"""
    every = sorted(v for _, v in samples)
    out = []
    for crop in CROPS:
        if crop is None:
            lim = math.inf
        else:
            lim = every[min(len(every) - 1, len(every) * crop // 100)]
        a = [v for cl, v in samples if cl == 0 and v <= lim]
        b = [v for cl, v in samples if cl == 1 and v <= lim]
        out.append((crop, welch(a, b)))
    return max(abs(t) for _, t in out), out


def median(v):
    v = sorted(v)
    return v[len(v) // 2] if v else 0


def timing_inputs(c, test, count, rng):
    """[(class, command tail)] for one test, shuffled"""
    npts = 256
    pts = [c.keypair()[3] for _ in range(npts)]
    fixed = pts[0]
    fixed_k = secrets.randbelow(c.n - 3) + 2

    def rnd_scalar():
        return secrets.randbelow(c.n - 3) + 2

    items = []
    for cl in (0, 1):
        for _ in range(count):
            if test == "scalar":
                k = c.low_weight(rng) if cl == 0 else rnd_scalar()
                pt = pts[rng.randrange(1, npts)]
                items.append((cl, "%x %x %x" % (k, pt.x, pt.y)))
            elif test == "point":
                pt = fixed if cl == 0 else pts[rng.randrange(1, npts)]
                items.append((cl, "%x %x %x" % (rnd_scalar(), pt.x, pt.y)))
            elif test == "keygen":
                k = c.low_weight(rng) if cl == 0 else rnd_scalar()
                items.append((cl, "%x" % k))
            else:
                items.append((cl, "%x" % (fixed_k if cl == 0 else rnd_scalar())))
    rng.shuffle(items)
    return items


TESTS = {
    "scalar": ("time-ecdh", "ECDH, low-weight vs random scalars"),
    "point": ("time-ecdh", "ECDH, one fixed point vs random points"),
    "keygen": ("time-pub", "public key, low-weight vs random scalars"),
    "keygen-fixed": ("time-pub", "public key, one fixed vs random scalars"),
}


def cmd_timing(curve, count, threshold, specs):
    c = Curve(curve)
    kpp = Kpp()
    rng = random.Random(secrets.randbits(64))
    unit = kpp.batch(["clock"])[0][1]
    failed = 0
    for spec in specs:
        parts = spec.split(":")
        driver, judge, bh = parts[0], "judge" in parts[1:], "bh" in parts[1:]
        for test, (op, what) in TESTS.items():
            t0 = time.monotonic()
            items = timing_inputs(c, test, count, rng)
            samples = []
            for i in range(0, len(items), BATCH):
                part = items[i:i + BATCH]
                res = kpp.batch(["%s %s %d %s" % (op, driver, bh, tail)
                                 for _, tail in part])
                for (cl, tail), r in zip(part, res):
                    if r[0] != "ok":
                        log("  %s %s: '%s' -> %s" % (driver, test, tail[:40],
                                                      " ".join(r)))
                        return 3
                    samples.append((cl, int(r[1])))
            if all(v == 0 for _, v in samples):
                log("  %s: the clock (%s) does not advance: the guest must "
                    "run in real time (scripts/vm/run.sh --realtime)" %
                    (driver, unit))
                return 3
            tmax, ts = t_stats(samples)
            m0 = median([v for cl, v in samples if cl == 0])
            m1 = median([v for cl, v in samples if cl == 1])
            verdict = "reported only"
            if judge:
                verdict = "FAIL" if tmax > threshold else "ok"
                if tmax > threshold:
                    failed += 1
            log("%s %s %s: %s: max |t| = %.2f (%s) medians %d / %d %s, "
                "%d per class%s, %.1fs: %s" %
                (curve, driver, test, what, tmax,
                 " ".join("%s:%.1f" % ("all" if cr is None else "p%d" % cr, t)
                          for cr, t in ts),
                 m0, m1, unit, count, ", bottom halves off" if bh else "",
                 time.monotonic() - t0, verdict))
    return 1 if failed else 0


def main(argv):
    try:
        if len(argv) >= 3 and argv[1] == "alg":
            return cmd_alg(argv[2:])
        if len(argv) >= 5 and argv[1] == "differential":
            return cmd_differential(argv[2], int(argv[3]), argv[4:])
        if len(argv) >= 6 and argv[1] == "timing":
            return cmd_timing(argv[2], int(argv[3]), float(argv[4]), argv[5:])
    except (TestBedError, OSError) as e:
        log("test bed error: %s" % e)
        return 3
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
