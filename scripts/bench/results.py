#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn scripts/bench/inside.sh's samples into bench/results.md.

samples.tsv holds one sample a line: KEY, IMPL (ours, nl80211 or hostapd),
VALUE; ours is owe.ko through the mac80211 hook, nl80211 through its
nl80211 backend (figure 9 only).
derive-R.txt / openssl-R.txt are scripts/bench/derive.sh's outputs of run
R. Every figure gets the median, min and max of its runs for each side and
the ratio of the medians (ours / hostapd). Nothing is asserted.
"""

import argparse
import collections
import glob
import os
import re
import statistics
import sys

GROUPS = {19: 'nistp256', 20: 'nistp384', 21: 'nistp521'}
AP_NOTE = ('authenticated to port authorized (owe.ko: AUTH to IP_LEARN; '
           'hostapd: "authenticated" to AP-STA-CONNECTED)')


def read_samples(path):
    data = collections.defaultdict(lambda: collections.defaultdict(list))
    with open(path, encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) != 3:
                continue
            try:
                data[parts[0]][parts[1]].append(float(parts[2]))
            except ValueError:
                pass
    return data


def read_derive(data, directory):
    """Kernel figures from owe_bench, user-space ones from openssl speed."""
    kern = re.compile(
        r'group (\d+) \(\S+\) (\S+)\s+n=\d+ mean ([\d.]+) us min ([\d.]+) us')
    ossl = re.compile(r'bits ecdh \((nistp\d+)\)\s+\S+\s+([\d.]+)')
    names = {v: k for k, v in GROUPS.items()}
    for path in sorted(glob.glob(os.path.join(directory, 'derive-*.txt'))):
        with open(path, encoding='utf-8') as f:
            for line in f:
                m = kern.search(line)
                if m:
                    key = 'kern.%s.%s' % (m.group(2), m.group(1))
                    data[key]['ours'].append(float(m.group(3)))
                    data[key + '.min']['ours'].append(float(m.group(4)))
    for path in sorted(glob.glob(os.path.join(directory, 'openssl-*.txt'))):
        with open(path, encoding='utf-8') as f:
            for line in f:
                m = ossl.search(line)
                if m and m.group(1) in names and float(m.group(2)) > 0:
                    data['ossl.%d' % names[m.group(1)]]['hostapd'].append(
                        1e6 / float(m.group(2)))


def fmt(v):
    if v >= 100:
        return '%.0f' % v
    if v >= 10:
        return '%.1f' % v
    return '%.2f' % v


def stats(vals):
    if not vals:
        return 'n/a', None
    med = statistics.median(vals)
    return '%s (%s-%s)' % (fmt(med), fmt(min(vals)), fmt(max(vals))), med


def best(data, key):
    vals = data.get(key, {}).get('ours', [])
    return fmt(min(vals)) if vals else 'n/a'


def fails(data, key):
    notes = []
    for impl in ('ours', 'hostapd'):
        n = int(sum(data.get(key + '.fail', {}).get(impl, [])))
        if n:
            notes.append('%s: %d failed' % (impl, n))
    return notes


def row(data, label, key, unit, ref_key=None, note='', show_fail=False):
    ref_key = ref_key or key
    o_txt, o_med = stats(data.get(key, {}).get('ours', []))
    h_txt, h_med = stats(data.get(ref_key, {}).get('hostapd', []))
    ratio = '%.2f' % (o_med / h_med) if o_med is not None and h_med else 'n/a'
    n = '%d / %d' % (len(data.get(key, {}).get('ours', [])),
                     len(data.get(ref_key, {}).get('hostapd', [])))
    notes = fails(data, key)
    if show_fail:
        f = data.get(key + '.fail', {})
        size = int(key.split('.')[1])
        notes = ['failed connections: ' + ', '.join(
            '%s %d of %d' % (impl, sum(f.get(impl, [])),
                             len(f.get(impl, [])) * size)
            for impl in ('ours', 'hostapd'))]
    if note:
        notes.insert(0, note)
    return '| %s | %s | %s | %s | %s | %s | %s |' % (
        label, unit, o_txt, h_txt, ratio, n, '; '.join(notes))


def ratio(a, b):
    return '%.2f' % (a / b) if a is not None and b else 'n/a'


def backend_row(data, label, key, unit):
    """The hook, the nl80211 backend and hostapd side by side."""
    cells = {impl: stats(data.get(key, {}).get(impl, []))
             for impl in ('ours', 'nl80211', 'hostapd')}
    runs = ' / '.join(str(len(data.get(key, {}).get(impl, [])))
                      for impl in ('ours', 'nl80211', 'hostapd'))
    return '| %s | %s | %s | %s | %s | %s | %s | %s |' % (
        label, unit, cells['ours'][0], cells['nl80211'][0],
        cells['hostapd'][0], ratio(cells['nl80211'][1], cells['ours'][1]),
        ratio(cells['nl80211'][1], cells['hostapd'][1]), runs)


def backend_table(data, caps):
    """Figure 9: what not patching mac80211 costs."""
    if not any('nl80211' in v for v in data.values()):
        return []
    out = ['', '## 9. Backends: the mac80211 hook, nl80211 and hostapd', '',
           'owe.ko through the hook of patches/mac80211/ ("hook", the '
           '"ours" column above) and through its nl80211 backend '
           '(backend=nl80211, what an unpatched kernel gets), and hostapd, '
           'in the same rounds of the same boot.', '',
           '| figure | unit | hook | nl80211 | hostapd | nl80211 / hook | '
           'nl80211 / hostapd | runs (hook / nl80211 / hostapd) |',
           '|---|---|---|---|---|---|---|---|']
    for g in ('19', '20', '21', 'pmksa'):
        what = 'group ' + g if g != 'pmksa' else 'PMKSA-cached'
        out.append(backend_row(data, 'think time on the air, %s: association '
                               'request to response' % what,
                               'think.req_resp.' + g, 'us'))
        out.append(backend_row(data, 'think time on the air, %s: association '
                               'response to EAPOL M1' % what,
                               'think.resp_m1.' + g, 'us'))
    for n in caps:
        out.append(backend_row(data, 'capacity: %d clients at once, all '
                               'connected' % n, 'cap.%d' % n, 's'))
    for g in (19, 20, 21):
        out.append(backend_row(data, 'setup, OWE group %d, client side' % g,
                               'setup.%d' % g, 'ms'))
    out.append(backend_row(data, 'setup, PMKSA-cached, client side',
                           'setup.pmksa', 'ms'))
    out.append(backend_row(data, 'setup, legacy open, client side',
                           'setup.open', 'ms'))
    out.append(backend_row(data, 'iperf3 TCP station -> AP over CCMP',
                           'iperf', 'Mbit/s'))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--samples', required=True)
    ap.add_argument('--derive-dir', required=True)
    ap.add_argument('--cpu', default='unknown')
    ap.add_argument('--kernel', default='unknown')
    ap.add_argument('--runs', default='?')
    ap.add_argument('--cap-runs', default='?')
    ap.add_argument('--out', required=True)
    args = ap.parse_args()

    data = read_samples(args.samples)
    read_derive(data, args.derive_dir)
    # owe.ko has no daemon: its RSS row is empty, not 0
    for key in [k for k in data if k.endswith('.rss')]:
        data[key].pop('ours', None)
    caps = sorted({int(k.split('.')[1]) for k in data
                   if k.startswith('cap.') and k.split('.')[1].isdigit()})

    out = []
    out.append('# owe-ap benchmarks: owe.ko vs hostapd 2.10')
    out.append('')
    out.append('Generated by `make bench` (scripts/bench/); see '
               'Documentation/benchmarks.rst for how each figure is '
               'measured and what limits it.')
    out.append('')
    out.append('- guest kernel: %s (UML, ARCH=um, real time: no time travel)'
               % args.kernel)
    out.append('- CPU: %s' % args.cpu)
    out.append('- one guest boot; %s rounds, ours and hostapd alternating '
               '(order swapped every round); capacity and memory in %s of '
               'them' % (args.runs, args.cap_runs))
    out.append('- cells: median (min-max) over the runs; ratio = median '
               'ours / median hostapd; runs = ours / hostapd')
    out.append('- setup, client side: wpa_supplicant\'s "Trying to '
               'associate" to CTRL-EVENT-CONNECTED; AP side: ' + AP_NOTE)
    out.append('')
    out.append('| figure | unit | ours | hostapd | ratio | runs | notes |')
    out.append('|---|---|---|---|---|---|---|')
    for g in (19, 20, 21):
        out.append(row(data, '1. setup, OWE group %d, client side' % g,
                       'setup.%d' % g, 'ms'))
    out.append(row(data, '1. setup, PMKSA-cached reconnection, client side',
                   'setup.pmksa', 'ms', note='group 19 PMKSA'))
    out.append(row(data, '1. setup, legacy open, client side',
                   'setup.open', 'ms'))
    for g in (19, 20, 21):
        out.append(row(data, '1. setup, OWE group %d, AP side' % g,
                       'ap.setup.%d' % g, 'ms'))
    out.append(row(data, '1. setup, PMKSA-cached, AP side',
                   'ap.setup.pmksa', 'ms'))
    out.append(row(data, '1. setup, legacy open, AP side',
                   'ap.setup.open', 'ms'))
    for n in caps:
        out.append(row(data, '2. capacity: %d clients at once, all connected'
                       % n, 'cap.%d' % n, 's', show_fail=True))
    for g in (19, 20, 21):
        out.append(row(data, '3. AP derivation group %d (keygen+ECDH+HKDF+'
                       'PMKID) vs OpenSSL ECDH' % g, 'kern.derive.%d' % g,
                       'us/op', ref_key='ossl.%d' % g,
                       note='hostapd column: openssl speed ecdh%s; kernel '
                       'best single op %s us' % (GROUPS[g][4:], best(
                           data, 'kern.derive.%d.min' % g))))
        out.append(row(data, '3. ECDH only, group %d vs OpenSSL ECDH' % g,
                       'kern.ecdh.%d' % g, 'us/op', ref_key='ossl.%d' % g))
        out.append(row(data, '3. AP cost per association with a pooled key, '
                       'group %d (y+ECDH+HKDF+PMKID) vs OpenSSL ECDH' % g,
                       'kern.pooled.%d' % g, 'us/op', ref_key='ossl.%d' % g,
                       note='what the DH worker pays; issue targets: '
                       '2.5 / 1.0 / 1.5 for groups 19 / 20 / 21'))
        out.append(row(data, '3. the pool\'s key generation per key, group '
                       '%d' % g, 'kern.keygen.%d' % g, 'us/op',
                       note='made ahead, in process context'))
    hook = sorted(data.get('hook', {}).get('ours', []))
    if hook:
        p99 = hook[min(len(hook) - 1, int(0.99 * len(hook)))]
        out.append('| 4. softirq time per association request in the rx hook '
                   '| us | %s | n/a (hostapd works in user space) | n/a | '
                   '%d / 0 | median; 99th percentile %s us; from '
                   '/sys/kernel/debug/owe/wlan0/assoc_rx_ns |'
                   % (stats(hook)[0], len(hook), fmt(p99)))
    else:
        out.append('| 4. softirq time per association request in the rx hook '
                   '| us | not measured | n/a | n/a | 0 / 0 | owe.ko without '
                   'the assoc_rx_ns debugfs file |')
    for g in (19, 20, 21):
        vals = sorted(data.get('hook.%d' % g, {}).get('ours', []))
        if not vals:
            continue
        p99 = vals[min(len(vals) - 1, int(0.99 * len(vals)))]
        out.append('| 4. softirq time per association request, group %d, '
                   '99th percentile | us | %s | n/a | n/a | %d / 0 | median '
                   '%s, max %s; injected requests with valid DH elements |'
                   % (g, fmt(p99), len(vals), fmt(statistics.median(vals)),
                      fmt(vals[-1])))
    for g in (19, 20, 21):
        out.append(row(data, '4. (part of it) check of the DH element\'s x, '
                       'group %d' % g, 'kern.xcheck.%d' % g, 'us/op',
                       note='x < p and x^3 - 3x + b a square (Jacobi '
                       'symbol), in softirq'))
    for g in (19, 20, 21):
        out.append(row(data, '4. (not in softirq) y from x of the DH '
                       'element, group %d' % g,
                       'kern.y(x).%d' % g, 'us/op',
                       note='owe_point_y(), in the DH worker since the x '
                       'check took its place in softirq'))
    out.append(row(data, '5. iperf3 TCP station -> AP over CCMP',
                   'iperf', 'Mbit/s'))
    for n in caps:
        out.append(row(data, '6. memory per station, %d stations: kernel '
                       'slab (SUnreclaim)' % n, 'mem.%d.slab' % n,
                       'KiB/sta'))
        out.append(row(data, '6. memory per station, %d stations: hostapd '
                       'RSS' % n, 'mem.%d.rss' % n, 'KiB/sta',
                       note='owe.ko has no daemon'))
        out.append(row(data, '6. memory per station, %d stations: slab + '
                       'AP daemon RSS' % n, 'mem.%d.total' % n, 'KiB/sta'))
    for g in ('19', '20', '21', 'pmksa'):
        what = 'group ' + g if g != 'pmksa' else 'PMKSA-cached'
        out.append(row(data, '7. think time on the air, %s: association '
                       'request to response' % what, 'think.req_resp.' + g,
                       'us', note='radiotap TSF of the hwsim0 capture'))
        out.append(row(data, '7. think time on the air, %s: association '
                       'response to EAPOL M1' % what, 'think.resp_m1.' + g,
                       'us'))
    out.append(row(data, '8. flood: connect time flooded / idle', 'flood.ratio',
                   'x', note='station 1, select_network to connected; '
                   'each run\'s own ratio (issue target: at most 1.5)'))
    out.append(row(data, '8. flood: connect time idle', 'flood.idle', 'ms'))
    out.append(row(data, '8. flood: connect time under the flood',
                   'flood.busy', 'ms'))
    out.append(row(data, '8. flood: RTNL link dump idle, before it, p50',
                   'flood.rtnl.idle.p50', 'ms',
                   note='RTM_GETLINK dump (what `ip link show` asks), '
                   'from one process every 50 ms, no flood'))
    out.append(row(data, '8. flood: RTNL link dump idle, before it, p99',
                   'flood.rtnl.idle.p99', 'ms'))
    out.append(row(data, '8. flood: RTNL link dump under the flood, p50',
                   'flood.rtnl.p50', 'ms'))
    out.append(row(data, '8. flood: RTNL link dump under the flood, p99',
                   'flood.rtnl.p99', 'ms', note='target: at most 50 ms'))
    out.append(row(data, '8. flood: `ip link show` command idle, p50',
                   'flood.ip.idle.p50', 'ms',
                   note='fork + exec + dump, every 0.3 s after the connection: the fork is '
                   'most of it in a UML guest'))
    out.append(row(data, '8. flood: `ip link show` command under the flood, '
                   'p50', 'flood.ip.p50', 'ms'))
    out.append(row(data, '8. flood: `ip link show` command under the flood, '
                   'p99', 'flood.ip.p99', 'ms'))
    out.append(row(data, '8. flood: stations held 10 s after', 'flood.left',
                   'stations', note='the client has left: 0 is clean'))
    out.append(row(data, '8. flood: peak growth of SUnreclaim', 'flood.slab',
                   'KiB'))
    out.extend(backend_table(data, caps))
    nocache = data.get('setup.pmksa.nocache', {})
    if nocache:
        out.append('')
        out.append('PMKSA-cached reconnections that did a full DH instead: '
                   + ', '.join('%s %d' % (k, len(v))
                               for k, v in nocache.items()))
    text = '\n'.join(out) + '\n'
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, 'w', encoding='utf-8') as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == '__main__':
    main()
