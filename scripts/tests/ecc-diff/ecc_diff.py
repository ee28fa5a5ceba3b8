#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Differential test of owe_ecc's curves (built as host programs) against
OpenSSL through python3-cryptography: for COUNT random private scalars d
and random peer keys Q per curve, d * G (fixed base) and x(d * Q)
(variable base) must equal OpenSSL's public key and ECDH secret, and y
recovery of x(Q) must give y(Q) or p - y(Q).

    ecc_diff.py HARNESS_DIR COUNT
"""
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
        for build in ('int128', 'noint128'):
            exe = '%s/%s-%s' % (hdir, name, build)
            out = subprocess.run([exe], input='\n'.join(lines) + '\n',
                                 capture_output=True, text=True,
                                 check=True).stdout.split('\n')
            bad = 0 if len(out) > len(want) else len(want)
            p = curve_p(name)
            for (op, exp), got in zip(want, out):
                if op == 'b':
                    ok = got == exp
                elif op == 'm':
                    ok = got[:2 * size] == exp
                else:
                    ok = not got.startswith('err') and \
                        int(got, 16) in (exp, p - exp)
                bad += not ok
            print('[ecc-diff] %s (%s): %d pairs, %d mismatches' %
                  (name, build, count, bad))
            failures += bad
    return 1 if failures else 0


def curve_p(name):
    return {
        'p256': 2**256 - 2**224 + 2**192 + 2**96 - 1,
        'p384': 2**384 - 2**128 - 2**96 + 2**32 - 1,
        'p521': 2**521 - 1,
    }[name]


if __name__ == '__main__':
    sys.exit(main())
