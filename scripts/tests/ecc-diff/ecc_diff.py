#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Differential test of owe_ecc's curves (built as host programs) against
OpenSSL through python3-cryptography: for COUNT random private scalars d
and random peer keys Q per curve, d * G (fixed base) and x(d * Q)
(variable base) must equal OpenSSL's public key and ECDH secret, and y
recovery of x(Q) must give y(Q) or p - y(Q); and for random x below
2^bits (half of them on the curve, some at or above p) and the edges 0,
1, p - 1, p, the on-curve check must agree with Euler's criterion.

    ecc_diff.py HARNESS_DIR COUNT
"""
import secrets
import subprocess
import sys

from cryptography.hazmat.primitives.asymmetric import ec

CURVES = {
    'p256': (ec.SECP256R1(), 32),
    'p384': (ec.SECP384R1(), 48),
    'p521': (ec.SECP521R1(), 66),
}


def main():
    hdir, count = sys.argv[1], int(sys.argv[2])
    failures = 0
    for name, (curve, size) in CURVES.items():
        lines, want = [], []
        for _ in range(count):
            d = ec.generate_private_key(curve)
            q = ec.generate_private_key(curve).public_key()
            dn = d.private_numbers().private_value
            pub = d.public_key().public_numbers()
            qn = q.public_numbers()
            z = d.exchange(ec.ECDH(), q)
            k = dn.to_bytes(size, 'big').hex()
            qxy = (qn.x.to_bytes(size, 'big') + qn.y.to_bytes(size, 'big')).hex()
            lines.append('b %s' % k)
            want.append(('b', (pub.x.to_bytes(size, 'big') +
                               pub.y.to_bytes(size, 'big')).hex()))
            lines.append('m %s %s' % (k, qxy))
            want.append(('m', z.hex()))
            lines.append('y %s' % qn.x.to_bytes(size, 'big').hex())
            want.append(('y', qn.y))
            x = secrets.randbits(8 * size if name != 'p521' else 521)
            lines.append('x %s' % x.to_bytes(size, 'big').hex())
            want.append(('x', x_check(name, x)))
        p = curve_p(name)
        for x in (0, 1, 2, 3, p - 3, p - 1, p, p + 1):
            lines.append('x %s' % x.to_bytes(size, 'big').hex())
            want.append(('x', x_check(name, x)))
        for build in ('int128', 'noint128'):
            exe = '%s/%s-%s' % (hdir, name, build)
            out = subprocess.run([exe], input='\n'.join(lines) + '\n',
                                 capture_output=True, text=True,
                                 check=True).stdout.split('\n')
            bad = 0 if len(out) > len(want) else len(want)
            for (op, exp), got in zip(want, out):
                if op == 'b':
                    ok = got == exp
                elif op == 'm':
                    ok = got[:2 * size] == exp
                elif op == 'x':
                    ok = got == exp
                else:
                    ok = not got.startswith('err') and \
                        int(got, 16) in (exp, p - exp)
                bad += not ok
            print('[ecc-diff] %s (%s): %d pairs, %d mismatches' %
                  (name, build, count, bad))
            failures += bad
    return 1 if failures else 0


def x_check(name, x):
    """what curve_x_check() must say of x: Euler's criterion"""
    p = curve_p(name)
    if x >= p:
        return 'err -34'
    r = (x ** 3 - 3 * x + CURVE_B[name]) % p
    return 'ok' if r == 0 or pow(r, (p - 1) // 2, p) == 1 else 'err -33'


CURVE_B = {
    'p256': 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b,
    'p384': int('b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f'
                '5013875ac656398d8a2ed19d2a85c8edd3ec2aef', 16),
    'p521': int('0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b4'
                '89918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c'
                '34f1ef451fd46b503f00', 16),
}


def curve_p(name):
    return {
        'p256': 2**256 - 2**224 + 2**192 + 2**96 - 1,
        'p384': 2**384 - 2**128 - 2**96 + 2**32 - 1,
        'p521': 2**521 - 1,
    }[name]


if __name__ == '__main__':
    sys.exit(main())
