#!/usr/bin/env python3
"""Benchmark: unlockdump against the sed one-liner a user would write, and cat, on generated dumps
of every shape, on this machine, in one run.

  scripts/bench.py [--suite all|plain|gzip|compress|held|allocs] [--shapes SHAPE,SHAPE,...] [--runs N]
                   [--size-mb MB] [--line-mb MB] [--rows-k K] [--held-k K]
                   [--cache DIR] [--scratch-path DIR]

Builds the release binary (`swift build -c release --scratch-path DIR`, default .build), then
generates the dumps once with scripts/gen-dump.py (deterministic; cached outside the repository in
~/.cache/unlockdump-bench by default, named KIND-<MB>m.sql or KIND-<K>k.sql). Timings are medians
of N rounds (default 5), interleaved: each round runs every command once, so a slow spell of the
machine hits all of them alike.

Shapes (gen-dump.py kinds; every dump holds one held Ghost `migrations_lock` row at its very end):

  mysql, sqlite        --size-mb (1024) MiB of Ghost-like posts, 0.5-6 kB escaped texts: mysqldump
                       extended INSERTs of about 1 MiB a line, sqlite3 .dump one INSERT a post
  line, value          --line-mb (256) MiB of posts as ONE INSERT line, or as ONE string value
  sqlite-rows          --rows-k (8000) thousand short rows (i,'name i',i%7), sqlite3 .dump
  mysql-extended       the same rows, mysqldump 8, 1000 rows per INSERT
  mysql-rows           the same rows, mysqldump 8 --skip-extended-insert, one INSERT a row
  pg-inserts           the same rows, pg_dump --inserts
  pg-copy              the same rows, pg_dump's COPY ... FROM stdin

Suites (--suite, default all):

  plain   For each shape chosen with --shapes (default all of them): `unlockdump -q < F`, that
          shape's `sed -f SHAPE.sed F` (an anchored substitution releasing exactly its lock row;
          the scripts are in SEDS below and written to the cache directory) and `cat F`, each
          > /dev/null, and the pipelines `unlockdump -q < F | cat` and `cat < F | cat`. Before
          timing a shape it checks that sed's output is byte-identical to unlockdump's (and that
          both differ from the input), and stops if not: the sed line is a fair equivalent.
          Prints one table row per shape: size; GB/s of unlockdump, sed and cat (cat is the
          ceiling); unlockdump / sed (sed's time over unlockdump's: above 1, unlockdump is
          faster); the pipe ratio (`cat|cat` time over `unlockdump|cat` time); peak RSS of
          unlockdump and of sed (/usr/bin/time -f %M).
  gzip    The mysql dump compressed once with `gzip -6 -n` (cached next to it): unlockdump's
          built-in zlib path against the gzip(1) pipelines a user would otherwise write, and
          `gzip -dc` alone; time, MB/s of uncompressed SQL, and peak RSS of unlockdump. Also the
          spliced outputs (`-o OUT.gz`, `--in-place`), checked to be spliced and to decompress
          to what the plain path writes, against `gzip -dc` (the goal: at most 1.5x its time).
  compress Fresh compression of the plain mysql dump: `unlockdump -q --gzip F` (one gzip member,
          deflated on every core) against `gzip -6 -c F` and `pigz -6 -p CORES -c F` (left out when
          pigz is not installed), each > /dev/null; time, MB/s of SQL, the compressed size and
          ratio (SQL bytes per compressed byte), speed against gzip -6, and peak RSS. Before timing
          it checks that `gzip -dc` gives back what `unlockdump -q F` writes.
  held    A mysqldump of --held-k (1000) thousand held knex lock rows: time, rows/s and peak RSS
          of each report form (-q, text report, --report json, --check).
  allocs  sqlite-rows and mysql-rows dumps of 1k, 100k and 1000k rows, run once each under
          `valgrind --tool=memcheck unlockdump -q F`: the total heap allocations and bytes
          memcheck counts, and the allocations each added INSERT costs (0 when they do not grow
          with the number of statements). The 1k dump fits one read chunk; the first statement
          cut by a chunk's end reaches code whose Swift runtime metadata is set up once, so the
          100k and 1000k counts are the ones to compare. Needs valgrind.
  all     plain, gzip, compress, held, then allocs (skipped with a note when valgrind is not installed).

Test the script with small sizes, e.g.
  scripts/bench.py --suite plain --runs 1 --size-mb 20 --line-mb 20 --rows-k 50
"""
import argparse
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections import namedtuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(ROOT, "scripts/gen-dump.py")

# The anchored one-liner a user would reach for on each shape: only the lock row's line, only its
# flag.
MYSQL_SED = r"s/^\(INSERT INTO `migrations_lock` VALUES ('km01',\)1,/\10,/"
SQLITE_SED = r"s/^\(INSERT INTO migrations_lock VALUES('km01',\)1,/\10,/"
PG_INSERTS_SED = r"s/^\(INSERT INTO public.migrations_lock VALUES ('km01', \)1,/\10,/"
PG_COPY_SED = r"s/^km01\t1\t/km01\t0\t/"

# size: the option giving the dump's size; unit: its file-name suffix, as gen-dump.py reads it.
Shape = namedtuple("Shape", "size unit sed")
SHAPES = {
    "mysql": Shape("size_mb", "m", MYSQL_SED),
    "sqlite": Shape("size_mb", "m", SQLITE_SED),
    "line": Shape("line_mb", "m", MYSQL_SED),
    "value": Shape("line_mb", "m", MYSQL_SED),
    "sqlite-rows": Shape("rows_k", "k", SQLITE_SED),
    "mysql-extended": Shape("rows_k", "k", MYSQL_SED),
    "mysql-rows": Shape("rows_k", "k", MYSQL_SED),
    "pg-inserts": Shape("rows_k", "k", PG_INSERTS_SED),
    "pg-copy": Shape("rows_k", "k", PG_COPY_SED),
}

# The plain suite's commands, without their output redirection: timed > /dev/null, and the first
# three also hashed to check that sed and unlockdump write the same bytes.
PLAIN = {
    "unlockdump": "{bin} -q < {f}",
    "sed": "sed -f {sed} {f}",
    "cat": "cat {f}",
    "unlockdump|cat": "{bin} -q < {f} | cat",
    "cat|cat": "cat < {f} | cat",
}

ALLOC_SHAPES = ("sqlite-rows", "mysql-rows")
ALLOC_ROWS_K = (1, 100, 1000)  # one chunk; 5 chunks; 50 chunks


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


def output_digest(command):
    """SHA-256 of a shell command's standard output, streamed: it can be larger than memory."""
    digest = hashlib.sha256()
    with subprocess.Popen(command, shell=True, cwd=ROOT, stdout=subprocess.PIPE) as process:
        for chunk in iter(lambda: process.stdout.read(1 << 20), b""):
            digest.update(chunk)
    if process.returncode != 0:
        sys.exit(f"bench: command failed ({process.returncode}): {command}")
    return digest.hexdigest()


def cached_dump(cache, kind, size, unit):
    """The path of gen-dump.py's KIND dump of SIZE (MiB or thousands of rows), made once."""
    path = os.path.join(cache, f"{kind}-{size}{unit}.sql")
    if not os.path.exists(path):
        print(f"bench: generating {path}", file=sys.stderr)
        sh(f"python3 {GENERATOR} {kind} {size} {path}.tmp && mv {path}.tmp {path}")
    return path


def parse_shapes(text):
    names = text.split(",")
    unknown = [name for name in names if name not in SHAPES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown shape {', '.join(unknown)}; shapes: {', '.join(SHAPES)}")
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size-mb", type=int, default=1024, help="MiB of the mysql and sqlite dumps")
    parser.add_argument("--line-mb", type=int, default=256, help="MiB of the line and value dumps")
    parser.add_argument("--rows-k", type=int, default=8000, help="thousands of rows in the row-shape dumps")
    parser.add_argument("--shapes", type=parse_shapes, default=list(SHAPES), help="comma-separated shapes for the plain suite")
    parser.add_argument("--cache", default=os.path.expanduser("~/.cache/unlockdump-bench"))
    parser.add_argument("--scratch-path", default=os.path.join(ROOT, ".build"))
    parser.add_argument("--suite", choices=["all", "plain", "gzip", "compress", "held", "allocs"], default="all")
    parser.add_argument("--held-k", type=int, default=1000, help="thousands of held lock rows in the held-rows dump")
    args = parser.parse_args()

    # Checked before the build and the generating, which take minutes at full size.
    run_allocs = args.suite == "allocs" or (args.suite == "all" and shutil.which("valgrind"))
    if args.suite == "allocs" and not shutil.which("valgrind"):
        sys.exit("bench: --suite allocs needs valgrind")
    if args.suite == "all" and not run_allocs:
        print("bench: valgrind not found; skipping the allocs suite", file=sys.stderr)

    sh(f"swift build -c release --scratch-path {args.scratch_path} --product unlockdump >/dev/null")
    binary = os.path.join(args.scratch_path, "release/unlockdump")
    os.makedirs(args.cache, exist_ok=True)

    if args.suite in ("all", "gzip"):
        print_gzip_rows(binary, cached_dump(args.cache, "mysql", args.size_mb, "m"), args.runs)
    if args.suite in ("all", "compress"):
        print_compress_rows(binary, cached_dump(args.cache, "mysql", args.size_mb, "m"), args.runs)
    if args.suite in ("all", "plain"):
        print_plain_rows(binary, args)
    if args.suite in ("all", "held"):
        held = cached_dump(args.cache, "held", args.held_k, "k")
        print_held_rows(binary, held, args.held_k, args.runs)
    if run_allocs:
        print_alloc_rows(binary, args.cache)


def measure(commands, runs, **names):
    """Median wall seconds of each command, run `runs` times, interleaved. A command given as
    (setup, command) has its setup run, untimed, before each run."""
    times = {name: [] for name in commands}
    for _ in range(runs):  # interleaved: each round runs every command once
        for name, template in commands.items():
            if isinstance(template, tuple):
                sh(template[0].format(**names))
                template = template[1]
            times[name].append(timed(template.format(**names)))
    return {name: statistics.median(t) for name, t in times.items()}


def gbps(size, seconds):
    return size / seconds / 1e9


def mib(size):
    return f"{size / 2**20:.1f} MiB"


def sed_file(cache, kind):
    """The shape's sed script, written afresh so it always matches SHAPES."""
    path = os.path.join(cache, f"{kind}.sed")
    with open(path, "w") as f:
        f.write(SHAPES[kind].sed + "\n")
    return path


def check_sed_matches(kind, names):
    """Stop unless sed and unlockdump write the same bytes, and both changed the input."""
    digest = {name: output_digest(PLAIN[name].format(**names)) for name in ("unlockdump", "sed", "cat")}
    if digest["unlockdump"] != digest["sed"]:
        sys.exit(f"bench: {kind}: sed and unlockdump outputs differ; in bash:\n"
                 f"  cmp <({PLAIN['sed'].format(**names)}) <({PLAIN['unlockdump'].format(**names)})")
    if digest["unlockdump"] == digest["cat"]:
        sys.exit(f"bench: {kind}: neither sed nor unlockdump changed {names['f']}: no held lock row released")


def print_plain_rows(binary, args):
    commands = {name: command + " > /dev/null" for name, command in PLAIN.items()}
    rows = []
    for kind in args.shapes:
        shape = SHAPES[kind]
        path = cached_dump(args.cache, kind, getattr(args, shape.size), shape.unit)
        names = {"bin": binary, "sed": sed_file(args.cache, kind), "f": path}
        check_sed_matches(kind, names)
        median = measure(commands, args.runs, **names)
        rss = {name: peak_rss(PLAIN[name].format(**names)) for name in ("unlockdump", "sed")}
        rows.append((kind, os.path.getsize(path), median, rss))

    print(f"\nunlockdump plain benchmark: median of {args.runs} interleaved runs; {os.cpu_count()} cores")
    print("| shape | size | unlockdump | sed | cat | unlockdump / sed | pipe ratio | peak RSS unlockdump / sed |")
    print("|---|---|---|---|---|---|---|---|")
    for kind, size, m, rss in rows:
        print(f"| {kind} | {mib(size)} "
              f"| {gbps(size, m['unlockdump']):.2f} GB/s | {gbps(size, m['sed']):.2f} GB/s "
              f"| {gbps(size, m['cat']):.2f} GB/s "
              f"| {m['sed'] / m['unlockdump']:.2f}x | {m['cat|cat'] / m['unlockdump|cat']:.2f}x "
              f"| {mib(rss['unlockdump'] * 1024)} / {mib(rss['sed'] * 1024)} |")


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
        # Spliced: the held lock is at the dump's end, so nearly all of the stream is kept.
        "unlockdump F.gz -o OUT.gz": "{bin} -q {gz} -o {out}",
        "unlockdump --in-place F.gz": ("cp {gz} {copy}", "{bin} -q --in-place {copy}"),
    }
    out, copy = compressed + ".out.gz", compressed + ".copy.gz"
    median = measure(commands, runs, bin=binary, gz=compressed, out=out, copy=copy)
    size = os.path.getsize(path)
    check_splice(binary, compressed, out, copy)
    rss_read = peak_rss(f"{binary} -q {compressed}")
    rss_round_trip = peak_rss(f"{binary} -q --gzip {compressed}")
    rss_splice = peak_rss(f"{binary} -q {compressed} -o {out}")
    sh(f"cp {compressed} {copy}")
    rss_in_place = peak_rss(f"{binary} -q --in-place {copy}")
    for leftover in (out, copy):
        os.remove(leftover)
    print(f"\nunlockdump gzip benchmark: {size / 2**20:.0f} MiB mysqldump, "
          f"{os.path.getsize(compressed) / 2**20:.0f} MiB gzip -6; MB/s of SQL, median of {runs} interleaved runs; "
          f"{os.cpu_count()} cores")
    print("| command | time | throughput | peak RSS |")
    print("|---|---|---|---|")
    rss = {"unlockdump F.gz": rss_read, "unlockdump --gzip F.gz": rss_round_trip,
           "unlockdump F.gz -o OUT.gz": rss_splice, "unlockdump --in-place F.gz": rss_in_place}
    for name, seconds in median.items():
        memory = f"{rss[name] / 1024:.1f} MiB" if name in rss else ""
        label = name.replace("|", "\\|")  # a bare | would end the table cell
        print(f"| `{label}` | {seconds:.2f} s | {size / seconds / 1e6:.1f} MB/s | {memory} |")
    print(f"read: unlockdump F.gz / gzip -dc | unlockdump = "
          f"{median['gzip -dc | unlockdump'] / median['unlockdump F.gz']:.2f}x faster; "
          f"vs gzip -dc alone: {median['gzip -dc'] / median['unlockdump F.gz']:.2f}x")
    print(f"round trip: unlockdump --gzip / gzip -dc | unlockdump | gzip = "
          f"{median['gzip -dc | unlockdump | gzip'] / median['unlockdump --gzip F.gz']:.2f}x faster")
    for name in ("unlockdump F.gz -o OUT.gz", "unlockdump --in-place F.gz"):
        print(f"splice: {name} = {median[name] / median['gzip -dc']:.2f}x the time of gzip -dc (goal: <= 1.5x)")


def check_splice(binary, compressed, out, copy):
    """The spliced outputs pass `gzip -t` and decompress to exactly what the plain path writes,
    and the report says they were spliced, not recompressed."""
    plain = output_digest(f"gzip -dc {compressed} | {binary} -q")
    for command, written in ((f"{binary} {compressed} -o {out}", out),
                             (f"cp {compressed} {copy} && {binary} --in-place {copy}", copy)):
        done = subprocess.run(f"{command} --report json", shell=True, cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0 or '"output_gzip_method":"spliced"' not in done.stderr:
            sys.exit(f"bench: not spliced: {command}\n{done.stderr}")
        sh(f"gzip -t {written}")
        if output_digest(f"gzip -dc {written}") != plain:
            sys.exit(f"bench: {written} does not decompress to what the plain path writes")


def output_size(command):
    """Bytes a shell command writes to standard output, counted as they stream by."""
    done = subprocess.run(f"{command} | wc -c", shell=True, cwd=ROOT, capture_output=True, text=True, check=True)
    return int(done.stdout)


def print_compress_rows(binary, path, runs):
    """Compressing a plain dump: unlockdump's parallel deflate against gzip(1) on one core and
    pigz on all of them, at level 6."""
    cores = os.cpu_count()
    commands = {
        "unlockdump --gzip F": "{bin} -q --gzip {f}",
        "gzip -6 -c F": "gzip -6 -c {f}",
    }
    if shutil.which("pigz"):
        commands[f"pigz -6 -p {cores} -c F"] = f"pigz -6 -p {cores} -c {{f}}"
    else:
        print("bench: pigz not found; left out of the compress suite", file=sys.stderr)
    names = {"bin": binary, "f": path}
    if output_digest(f"{binary} -q --gzip {path} | gzip -dc") != output_digest(f"{binary} -q {path}"):
        sys.exit(f"bench: unlockdump --gzip {path} does not decompress to unlockdump's plain output")
    median = measure({name: command + " > /dev/null" for name, command in commands.items()}, runs, **names)
    size = os.path.getsize(path)
    print(f"\nunlockdump compress benchmark: {size / 2**20:.0f} MiB mysqldump, level 6; MB/s of SQL, "
          f"median of {runs} interleaved runs; {cores} cores")
    print("| command | time | throughput | compressed | ratio | vs gzip -6 | peak RSS |")
    print("|---|---|---|---|---|---|---|")
    for name, command in commands.items():
        compressed = output_size(command.format(**names))
        rss = peak_rss(command.format(**names))
        print(f"| `{name}` | {median[name]:.2f} s | {size / median[name] / 1e6:.1f} MB/s | {mib(compressed)} "
              f"| {size / compressed:.2f} | {median['gzip -6 -c F'] / median[name]:.2f}x | {rss / 1024:.1f} MiB |")


def heap_usage(binary, path):
    """memcheck's (allocations, bytes allocated) over one run of `unlockdump -q F`."""
    command = ["valgrind", "--tool=memcheck", "--leak-check=no", binary, "-q", path]
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    usage = re.search(r"total heap usage: ([\d,]+) allocs, [\d,]+ frees, ([\d,]+) bytes allocated", done.stderr)
    if done.returncode != 0 or not usage:
        sys.exit(f"bench: {' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    return tuple(int(count.replace(",", "")) for count in usage.groups())


def print_alloc_rows(binary, cache):
    """Heap allocations at two dump sizes: if they grow with the statements, each costs some."""
    print("\nunlockdump heap allocations: valgrind --tool=memcheck, `unlockdump -q F`, one INSERT a row")
    print("| shape | item INSERTs | heap allocs | bytes allocated | allocs per added INSERT |")
    print("|---|---|---|---|---|")
    for kind in ALLOC_SHAPES:
        previous = None
        for thousands in ALLOC_ROWS_K:
            allocs, allocated = heap_usage(binary, cached_dump(cache, kind, thousands, "k"))
            statements = thousands * 1000
            growth = "" if previous is None else f"{(allocs - previous[0]) / (statements - previous[1]):.2f}"
            print(f"| {kind} | {statements:,} | {allocs:,} | {allocated:,} | {growth} |")
            previous = (allocs, statements)


if __name__ == "__main__":
    main()
