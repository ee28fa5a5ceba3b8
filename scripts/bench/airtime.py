#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The AP's think time on the air, from a hwsim0 capture.

Reads the tshark field lines of one capture (mactime in microseconds,
frame subtype, transmitter, receiver, DH group, EAPOL message number,
number of PMKIDs in the RSNE) and prints, for every association of STA,
two samples in microseconds:

  think.req_resp.G  the station's (last) (re)association request to the
                    AP's response
  think.resp_m1.G   the AP's association response to its EAPOL-Key
                    message 1

G is the DH group of the request, or "pmksa" when the request offered a
PMKID (a client offering a PMKID sends its DH element as well). The
radiotap TSF (mactime) of hwsim0 is the transmitting radio's clock at
transmission; all radios count from the same time base. Output lines: KEY<TAB>VALUE.

  airtime.py STA < fields.txt
"""

import sys


def main():
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    sta = sys.argv[1].lower()
    req = None
    group = None
    resp = None
    for line in sys.stdin:
        f = line.rstrip('\n').split('\t')
        if len(f) < 6 or not f[0] or not f[1]:
            continue
        t, sub, ta, ra, dh, msg = f[:6]
        pmkids = f[6] if len(f) > 6 else ''
        try:
            t = int(t)
            sub = int(sub, 0)
        except ValueError:
            continue
        if sub in (0, 2) and ta == sta:
            req = t
            group = dh.split(',')[0] or 'none'
            if pmkids.split(',')[0] not in ('', '0'):
                group = 'pmksa'
            resp = None
        elif sub in (1, 3) and ra == sta and req is not None:
            print('think.req_resp.%s\t%d' % (group, t - req))
            resp = t
            req = None
        elif msg.split(',')[0] == '1' and ra == sta and resp is not None:
            print('think.resp_m1.%s\t%d' % (group, t - resp))
            resp = None
    return 0


if __name__ == '__main__':
    sys.exit(main())
