#!/usr/bin/env python3
"""Server time of the workbench on a copy of the built-in case: GET /api/overview, and a save round
trip (GET the study, PUT one evidence model with its accuracy changed, the answer carrying the study as
it now stands). Reads the server's own Server-Timing header (time inside the server, HTTP parsing on
loopback excluded) and the client's wall time; prints median and p90 of each, and the server
process's CPU time over the run. Usage: bench/workbench.py URL TOKEN PID [RUNS]"""
import json
import statistics
import sys
import time
import urllib.request

url, token, pid = sys.argv[1], sys.argv[2], int(sys.argv[3])
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 50
origin = url.rstrip('/')


def cpu():
    with open(f'/proc/{pid}/stat') as f:
        parts = f.read().rsplit(')', 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / 100.0  # utime + stime, clock ticks of 10 ms


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(origin + path, data=data, method=method)
    if method != 'GET':
        req.add_header('Origin', origin)
        req.add_header('X-SSM-Token', token)
        req.add_header('Content-Type', 'application/json')
    t0 = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        payload = r.read()
        server = float(r.headers['Server-Timing'].split('dur=')[1])
    return json.loads(payload), server, (time.perf_counter() - t0) * 1000


def summary(name, server, wall):
    q = lambda xs, p: sorted(xs)[min(len(xs) - 1, int(p * len(xs)))]
    print(f'{name:<32} server median {statistics.median(server):6.2f} ms  p90 {q(server, .9):6.2f} ms'
          f'   wall median {statistics.median(wall):6.2f} ms  p90 {q(wall, .9):6.2f} ms   (n={len(server)})')


def save_round_trip(i):
    study, s1, w1 = call('GET', '/api/studies/S1')
    model = study['study']['evidence'][1]
    acc = model['effects']['accuracy']
    acc.pop('summary', None)
    acc['intensity'] = 'strongly positive' if i % 2 else 'weakly negative'
    acc['mass'] = 0.5 + (i % 7) / 100
    _, s2, w2 = call('PUT', '/api/studies/S1/evidence/e2', {'version': study['version'], 'model': model})
    return s1 + s2, w1 + w2


for i in range(30):  # warm-up: class loading, JIT
    call('GET', '/api/overview')
    save_round_trip(i)
c0 = cpu()
s_ov, w_ov = [], []
for _ in range(runs):
    _, s, w = call('GET', '/api/overview')
    s_ov.append(s)
    w_ov.append(w)
c1 = cpu()
s_sv, w_sv = [], []
for i in range(runs):
    s, w = save_round_trip(i)
    s_sv.append(s)
    w_sv.append(w)
c2 = cpu()
summary('GET /api/overview', s_ov, w_ov)
summary('save round trip (GET + PUT)', s_sv, w_sv)
print(f'server CPU: {c1 - c0:.2f} s for {runs} overviews, {c2 - c1:.2f} s for {runs} save round trips')
