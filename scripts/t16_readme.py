#!/usr/bin/env python3
"""The README's bf16/f16 speed table from a `bench_report.sh --t16` report.

usage: scripts/t16_readme.py BUILD/bench-report-t16/bench_report.md

Prints one row per function and direction (AVX-512 and AVX2 side by side:
the n = 4096 Gelem/s, the peer in the same type with vact / peer, the 16M
16-bit / f32 paired ratios), the targets' misses marked "(miss)", then the
counts: peer rows at 4096 and 16M (>= 1.0), 16M paired and separate rows
(>= 1.6).
"""
import re
import sys


def tables(md):
    """{(isa, '4096' | '16M'): {(func, dir): {column: cell}}}"""
    out, key, head = {}, None, None
    for line in md.splitlines():
        m = re.match(r'### (\w+), n=(4096|16M)', line)
        if m:
            key, head = (m.group(1), m.group(2)), None
            out[key] = {}
            continue
        if key is None or not line.startswith('|') or line.startswith('|---'):
            continue
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if head is None:
            head = cells
            continue
        row = {h: c for h, c in reversed(list(zip(head, cells)))}  # a repeated name: its first cell
        row['_cells'] = cells
        out[key][(row['function'], row['dir'])] = row
    return out


def ratio(cell):
    m = re.match(r'([\d.]+)x', cell or '')
    return float(m.group(1)) if m else None


def missed(cell, target):
    """the report's own verdict where it gives one (a ratio that rounds to
    the target can miss it), else the ratio against the target"""
    if 'MISS' in (cell or ''):
        return True
    if 'met' in (cell or ''):
        return False
    return ratio(cell) < target


def mark(cell, target):
    r = ratio(cell)
    if r is None:
        return '-'
    return f'{r:.2f}x' + (' (miss)' if missed(cell, target) else '')


def peers(row):
    """'onednn bf16 2.862: 2.85x; xnnpack f16 13.219: 4.09x' from a 4096 row,
    whose columns are: function dir bf16 peer Gelem/s ratio f16 peer Gelem/s
    ratio missed (the peer columns repeat their names per type: by position)"""
    cells = row.get('_cells', [])
    out = []
    if len(cells) >= 10:
        for ty, (pn, pg, pr) in (('bf16', cells[3:6]), ('f16', cells[7:10])):
            if pn != '-':
                out.append(f'{pn} {ty} {pg}: {mark(pr, 1.0)}')
    return '; '.join(out) if out else '-'


def main():
    md = open(sys.argv[1]).read()
    t = tables(md)
    funcs = list(t.get(('avx512', '4096'), {}).keys())
    print('| function | dir | AVX-512, n=4096: bf16 / f16 Gelem/s | peer in the same type: Gelem/s, vact / peer '
          '| AVX-512, 16M: bf16 / f16 ÷ f32 | AVX2, n=4096: bf16 / f16 | peer (AVX2) | AVX2, 16M: bf16 / f16 ÷ f32 |')
    print('|---|---|---|---|---|---|---|---|')
    cnt = {'p4096': [0, 0], 'p16': [0, 0], 'pair': [0, 0], 'sep': [0, 0]}
    miss = {k: [] for k in cnt}
    for k in funcs:
        cols = [k[0], k[1]]
        for isa in ('avx512', 'avx2'):
            a = t.get((isa, '4096'), {}).get(k, {})
            b = t.get((isa, '16M'), {}).get(k, {})
            cells = a.get('_cells', [])
            cols.append(f"{a.get('bf16 Gelem/s', '-')} / {a.get('f16 Gelem/s', '-')}")
            cols.append(peers(a))
            cols.append(f"{mark(b.get('bf16/f32 paired >=1.6'), 1.6)} / {mark(b.get('f16/f32 paired >=1.6'), 1.6)}")
            for c in (cells[5:6] + cells[9:10]) if len(cells) >= 10 else []:
                if ratio(c) is not None:
                    cnt['p4096'][0] += not missed(c, 1.0)
                    cnt['p4096'][1] += 1
                    if missed(c, 1.0):
                        miss['p4096'].append(f'{isa} {k[0]} {k[1]} {c}')
            for name in ('bf16/peer >=1.0', 'f16/peer >=1.0'):
                if ratio(b.get(name)) is not None:
                    cnt['p16'][0] += not missed(b[name], 1.0)
                    cnt['p16'][1] += 1
                    if missed(b[name], 1.0):
                        miss['p16'].append(f'{isa} {k[0]} {k[1]} {name.split("/")[0]} {b[name]}')
            for name, c in (('pair', 'bf16/f32 paired >=1.6'), ('pair', 'f16/f32 paired >=1.6'),
                            ('sep', 'bf16/f32 separate'), ('sep', 'f16/f32 separate')):
                if ratio(b.get(c)) is not None:
                    cnt[name][0] += not missed(b[c], 1.6)
                    cnt[name][1] += 1
                    if missed(b[c], 1.6):
                        miss[name].append(f'{isa} {k[0]} {k[1]} {c.split("/")[0]} {ratio(b[c]):.2f}x')
        print('| ' + ' | '.join(cols) + ' |')
    print()
    print(f"peer at n=4096 (>= 1.0): {cnt['p4096'][0]} of {cnt['p4096'][1]}; "
          f"peer at 16M, paired (>= 1.0): {cnt['p16'][0]} of {cnt['p16'][1]}; "
          f"16-bit / f32 at 16M, paired (>= 1.6): {cnt['pair'][0]} of {cnt['pair'][1]}; "
          f"separate: {cnt['sep'][0]} of {cnt['sep'][1]}")
    for k, v in miss.items():
        if v:
            print(f'missed ({k}): ' + '; '.join(v))


if __name__ == '__main__':
    main()
