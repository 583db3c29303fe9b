#!/usr/bin/env python3
"""Busy-time share of the frames in a dotnet-trace speedscope file (dotnet-sampled-thread-time profile).

usage: top_frames.py <trace.speedscope.json> [--leaf] [--under REGEX]

A sample counts as busy unless its innermost frames are a wait (thread-pool idle, monitor waits, socket event loop,
file watcher): what is left is where the service's threads ran or stood in native code such as SQLite. Without
--leaf it prints the inclusive share of the service's own frames and the frameworks on the request path; with --leaf
it prints the frame each CPU_TIME sample stood in (spinning, GC suspension and lock contention show up there).
--under keeps only the samples with a frame matching REGEX on their stack (one endpoint of a process that also does
other work, e.g. `--under ScoresApi` in the bench process that imports, rebuilds and scans too).
"""
import collections
import json
import re
import sys

IDLE = re.compile(r'LowLevelLifoSemaphore\.Wait|Monitor\.Wait|ManualResetEventSlim\.Wait|SocketAsyncEngine\.EventLoop|'
                  r'WaitHandle\.Wait|Thread\.Sleep|FileSystemWatcher|TryReadEvent|Interop\+Sys\.Read\(|WaitForSignal|'
                  r'Console|LowLevelSpinWaiter|GateThread|TimerQueue|SemaphoreSlim\.Wait\(|WaitOne')
SHOWN = re.compile(r'Feedback\.(Api|Core|Storage)|Sqlite|Json|Authentication|Routing|Kestrel|HttpProtocol|Telemetry|RateLimit')


def short(name):
    return re.sub(r'\(.*', '', name)[:150]


def main(path, leaf, under=None):
    trace = json.load(open(path))
    frames = [f['name'] for f in trace['shared']['frames']]
    inclusive, leaves, total = collections.Counter(), collections.Counter(), 0.0
    for profile in trace['profiles']:
        stack, last = [], None
        for event in profile['events']:
            if last is not None and stack:
                names = [frames[i] for i in stack]
                span = event['at'] - last
                if under is not None and not any(under.search(n) for n in names):
                    pass
                elif leaf:
                    if names[-1] == 'CPU_TIME' and len(names) > 1:
                        total += span
                        leaves[short(names[-2])] += span
                elif not any(IDLE.search(n) for n in names[-4:]):
                    total += span
                    # Overloads share a short name: count each short name once per sample.
                    for name in {short(n) for n in names}:
                        inclusive[name] += span
            last = event['at']
            if event['type'] == 'O':
                stack.append(event['frame'])
            elif stack:
                stack.pop()
    print(f'busy ms {total:.0f}')
    rows = leaves.most_common(30) if leaf else [(n, v) for n, v in inclusive.most_common(400) if SHOWN.search(n)]
    for name, span in rows:
        print(f'{100 * span / total:5.1f}%  {name}')


if __name__ == '__main__':
    args = sys.argv[2:]
    under = re.compile(args[args.index('--under') + 1]) if '--under' in args else None
    main(sys.argv[1], '--leaf' in args, under)
