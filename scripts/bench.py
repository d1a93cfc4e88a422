#!/usr/bin/env python3
"""Benchmark: unlockdump against sed and cat on generated dumps, on this machine, in one run.

  scripts/bench.py [--runs N] [--size-mb MB] [--cache DIR]

Builds the release binary, generates the dumps once (deterministic, cached outside the repo in
~/.cache/unlockdump-bench by default), then measures each command N times, interleaved, and
prints medians: throughput, ratios, and peak RSS (from /usr/bin/time -f %M).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The anchored one-liner a user would reach for: only the lock row's line, only its flag.
SED_SCRIPT = r"""s/^\(INSERT INTO `migrations_lock` VALUES ('km01',\)1,/\10,/
s/^\(INSERT INTO migrations_lock VALUES('km01',\)1,/\10,/
"""


def sh(command):
    subprocess.run(command, shell=True, check=True, cwd=ROOT)


def timed(command):
    """Wall seconds of a shell command."""
    start = time.perf_counter()
    done = subprocess.run(command, shell=True, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench: command failed ({done.returncode}): {command}\n{done.stderr}")
    return elapsed


def peak_rss(command):
    """Peak RSS (KiB) of the first process of a command run under /usr/bin/time."""
    done = subprocess.run(f"/usr/bin/time -f '%M' {command} 2>&1 >/dev/null | tail -n 1",
                          shell=True, cwd=ROOT, capture_output=True, text=True)
    return int(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--line-mb", type=int, default=256)
    parser.add_argument("--cache", default=os.path.expanduser("~/.cache/unlockdump-bench"))
    args = parser.parse_args()

    sh("swift build -c release --product unlockdump >/dev/null")
    binary = os.path.join(ROOT, ".build/release/unlockdump")
    os.makedirs(args.cache, exist_ok=True)
    sed_file = os.path.join(args.cache, "unlock.sed")
    with open(sed_file, "w") as f:
        f.write(SED_SCRIPT)

    files = [
        ("mysqldump", "mysql", args.size_mb),
        ("sqlite3 .dump", "sqlite", args.size_mb),
        (f"{args.line_mb} MiB line", "line", args.line_mb),
    ]
    generator = os.path.join(ROOT, "scripts/gen-dump.py")
    paths = {}
    for label, kind, mb in files:
        path = os.path.join(args.cache, f"{kind}-{mb}m.sql")
        if not os.path.exists(path):
            print(f"bench: generating {path}", file=sys.stderr)
            sh(f"python3 {generator} {kind} {mb} {path}.tmp && mv {path}.tmp {path}")
        paths[label] = path

    commands = {
        "unlockdump": "{bin} -q < {f} > /dev/null",
        "sed": "sed -f {sed} < {f} > /dev/null",
        "unlockdump|cat": "{bin} -q < {f} | cat > /dev/null",
        "cat|cat": "cat < {f} | cat > /dev/null",
    }
    rows = []
    for label, path in paths.items():
        size = os.path.getsize(path)
        times = {name: [] for name in commands}
        for _ in range(args.runs):  # interleaved: each round runs every command once
            for name, template in commands.items():
                seconds = timed(template.format(bin=binary, sed=sed_file, f=path))
                times[name].append(seconds)
        median = {name: statistics.median(t) for name, t in times.items()}
        rss_unlock = peak_rss(f"{binary} -q < {path}")
        rss_sed = peak_rss(f"sed -f {sed_file} < {path}")
        rows.append((label, size, median, rss_unlock, rss_sed))

    gbps = lambda size, seconds: size / seconds / 1e9
    print(f"\nunlockdump benchmark: median of {args.runs} interleaved runs; {os.cpu_count()} cores")
    print("| dump | size | unlockdump | sed | unlockdump / sed | unlockdump\\|cat | cat\\|cat | pipe ratio | peak RSS unlockdump | peak RSS sed |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, size, m, rss_u, rss_s in rows:
        print(f"| {label} | {size / 2**20:.0f} MiB "
              f"| {gbps(size, m['unlockdump']):.2f} GB/s | {gbps(size, m['sed']):.2f} GB/s "
              f"| {m['sed'] / m['unlockdump']:.2f}x "
              f"| {gbps(size, m['unlockdump|cat']):.2f} GB/s | {gbps(size, m['cat|cat']):.2f} GB/s "
              f"| {m['cat|cat'] / m['unlockdump|cat']:.2f}x "
              f"| {rss_u / 1024:.1f} MiB | {rss_s / 1024:.1f} MiB |")


if __name__ == "__main__":
    main()
