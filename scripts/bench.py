#!/usr/bin/env python3
"""Benchmark: unlockdump against sed and cat on generated dumps, on this machine, in one run.

  scripts/bench.py [--runs N] [--size-mb MB] [--cache DIR] [--scratch-path DIR] [--suite all|plain|gzip]

Builds the release binary, generates the dumps once (deterministic, cached outside the repo in
~/.cache/unlockdump-bench by default), then measures each command N times, interleaved, and
prints medians: throughput, ratios, and peak RSS (from /usr/bin/time -f %M).

The gzip rows use the mysqldump file compressed once with `gzip -6 -n` (cached next to it) and
compare unlockdump's built-in zlib path with the pipeline a user would otherwise write; their
throughput counts uncompressed SQL bytes per second.
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
    parser.add_argument("--scratch-path", default=os.path.join(ROOT, ".build"))
    parser.add_argument("--suite", choices=["all", "plain", "gzip", "held"], default="all")
    parser.add_argument("--held-k", type=int, default=1000, help="thousands of held lock rows in the held-rows dump")
    args = parser.parse_args()

    sh(f"swift build -c release --scratch-path {args.scratch_path} --product unlockdump >/dev/null")
    binary = os.path.join(args.scratch_path, "release/unlockdump")
    os.makedirs(args.cache, exist_ok=True)
    sed_file = os.path.join(args.cache, "unlock.sed")
    with open(sed_file, "w") as f:
        f.write(SED_SCRIPT)

    files = [
        ("mysqldump", "mysql", args.size_mb),
        ("sqlite3 .dump", "sqlite", args.size_mb),
        (f"{args.line_mb} MiB line", "line", args.line_mb),
        (f"{args.line_mb} MiB string value", "value", args.line_mb),
    ]
    if args.suite == "gzip":
        files = files[:1]
    if args.suite == "held":
        files = []
    generator = os.path.join(ROOT, "scripts/gen-dump.py")
    paths = {}
    for label, kind, mb in files:
        path = os.path.join(args.cache, f"{kind}-{mb}m.sql")
        if not os.path.exists(path):
            print(f"bench: generating {path}", file=sys.stderr)
            sh(f"python3 {generator} {kind} {mb} {path}.tmp && mv {path}.tmp {path}")
        paths[label] = path

    if args.suite in ("all", "gzip"):
        print_gzip_rows(binary, paths["mysqldump"], args.runs)
    if args.suite in ("all", "plain"):
        print_plain_rows(binary, sed_file, paths, args.runs)
    if args.suite in ("all", "held"):
        held = os.path.join(args.cache, f"held-{args.held_k}k.sql")
        if not os.path.exists(held):
            print(f"bench: generating {held}", file=sys.stderr)
            sh(f"python3 {generator} held {args.held_k} {held}.tmp && mv {held}.tmp {held}")
        print_held_rows(binary, held, args.held_k, args.runs)


def measure(commands, runs, **names):
    """Median wall seconds of each command, run `runs` times, interleaved."""
    times = {name: [] for name in commands}
    for _ in range(runs):  # interleaved: each round runs every command once
        for name, template in commands.items():
            times[name].append(timed(template.format(**names)))
    return {name: statistics.median(t) for name, t in times.items()}


def gbps(size, seconds):
    return size / seconds / 1e9


def print_plain_rows(binary, sed_file, paths, runs):
    commands = {
        "unlockdump": "{bin} -q < {f} > /dev/null",
        "sed": "sed -f {sed} < {f} > /dev/null",
        "unlockdump|cat": "{bin} -q < {f} | cat > /dev/null",
        "cat|cat": "cat < {f} | cat > /dev/null",
    }
    rows = []
    for label, path in paths.items():
        size = os.path.getsize(path)
        median = measure(commands, runs, bin=binary, sed=sed_file, f=path)
        rss_unlock = peak_rss(f"{binary} -q < {path}")
        rss_sed = peak_rss(f"sed -f {sed_file} < {path}")
        rows.append((label, size, median, rss_unlock, rss_sed))

    print(f"\nunlockdump benchmark: median of {runs} interleaved runs; {os.cpu_count()} cores")
    print("| dump | size | unlockdump | sed | unlockdump / sed | unlockdump\\|cat | cat\\|cat | pipe ratio | peak RSS unlockdump | peak RSS sed |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, size, m, rss_u, rss_s in rows:
        print(f"| {label} | {size / 2**20:.0f} MiB "
              f"| {gbps(size, m['unlockdump']):.2f} GB/s | {gbps(size, m['sed']):.2f} GB/s "
              f"| {m['sed'] / m['unlockdump']:.2f}x "
              f"| {gbps(size, m['unlockdump|cat']):.2f} GB/s | {gbps(size, m['cat|cat']):.2f} GB/s "
              f"| {m['cat|cat'] / m['unlockdump|cat']:.2f}x "
              f"| {rss_u / 1024:.1f} MiB | {rss_s / 1024:.1f} MiB |")


def print_held_rows(binary, path, thousands, runs):
    """A dump of held lock rows by the million: time and peak RSS of each report form, which
    must stay flat however many rows are released."""
    forms = {
        "unlockdump -q": "-q",
        "unlockdump (text report, streamed)": "",
        "unlockdump --report json": "--report json",
        "unlockdump --check -q": "--check -q",
    }
    # --check exits 1 when a lock is held, as it is here.
    commands = {name: "{bin} " + arguments + " {f} > /dev/null 2>/dev/null; test $? -le 1" for name, arguments in forms.items()}
    median = measure(commands, runs, bin=binary, f=path)
    print(f"\nunlockdump held-rows benchmark: {thousands}k held knex rows, {os.path.getsize(path) / 2**20:.1f} MiB; "
          f"median of {runs} interleaved runs; {os.cpu_count()} cores")
    print("| command | time | rows/s | peak RSS |")
    print("|---|---|---|---|")
    for name, arguments in forms.items():
        rss = peak_rss(f"{binary} {arguments} {path} 2>/dev/null")
        print(f"| `{name}` | {median[name]:.2f} s | {thousands * 1000 / median[name] / 1e6:.2f} M | {rss / 1024:.1f} MiB |")


def print_gzip_rows(binary, path, runs):
    """The mysqldump file gzip-compressed: reading it, and a compressed round trip, against the
    gzip(1) pipelines that do the same; plus `gzip -dc` alone, the floor for any reader."""
    compressed = path + ".gz"
    if not os.path.exists(compressed):
        print(f"bench: compressing {compressed}", file=sys.stderr)
        sh(f"gzip -6 -n -c {path} > {compressed}.tmp && mv {compressed}.tmp {compressed}")
    commands = {
        "unlockdump F.gz": "{bin} -q {gz} > /dev/null",
        "gzip -dc | unlockdump": "gzip -dc {gz} | {bin} -q > /dev/null",
        "gzip -dc": "gzip -dc {gz} > /dev/null",
        "unlockdump --gzip F.gz": "{bin} -q --gzip {gz} > /dev/null",
        "gzip -dc | unlockdump | gzip": "gzip -dc {gz} | {bin} -q | gzip -6 > /dev/null",
    }
    median = measure(commands, runs, bin=binary, gz=compressed)
    size = os.path.getsize(path)
    rss_read = peak_rss(f"{binary} -q {compressed}")
    rss_round_trip = peak_rss(f"{binary} -q --gzip {compressed}")
    print(f"\nunlockdump gzip benchmark: {size / 2**20:.0f} MiB mysqldump, "
          f"{os.path.getsize(compressed) / 2**20:.0f} MiB gzip -6; MB/s of SQL, median of {runs} interleaved runs; "
          f"{os.cpu_count()} cores")
    print("| command | time | throughput | peak RSS |")
    print("|---|---|---|---|")
    rss = {"unlockdump F.gz": rss_read, "unlockdump --gzip F.gz": rss_round_trip}
    for name, seconds in median.items():
        memory = f"{rss[name] / 1024:.1f} MiB" if name in rss else ""
        label = name.replace("|", "\\|")  # a bare | would end the table cell
        print(f"| `{label}` | {seconds:.2f} s | {size / seconds / 1e6:.1f} MB/s | {memory} |")
    print(f"read: unlockdump F.gz / gzip -dc | unlockdump = "
          f"{median['gzip -dc | unlockdump'] / median['unlockdump F.gz']:.2f}x faster; "
          f"vs gzip -dc alone: {median['gzip -dc'] / median['unlockdump F.gz']:.2f}x")
    print(f"round trip: unlockdump --gzip / gzip -dc | unlockdump | gzip = "
          f"{median['gzip -dc | unlockdump | gzip'] / median['unlockdump --gzip F.gz']:.2f}x faster")


if __name__ == "__main__":
    main()
