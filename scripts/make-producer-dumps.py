#!/usr/bin/env python3
"""Builds the producer-matrix fixtures in Tests/ProducerDumps from their templates.

Each template scripts/producer-dumps/<name>.sql.in is one dump in one producer's style. It is
written in UTF-8 with three kinds of markup, so that exact bytes stay visible in an editor:

    ⟦old→new⟧   the input holds `old` here, the released (expected) output holds `new`;
                everything outside these markers is the same in both files
    ⟨XX⟩        the single byte 0xXX (e.g. ⟨01⟩ for a raw BIT 1, ⟨EF⟩⟨BB⟩⟨BF⟩ for a BOM)
    ⇥           a TAB byte (COPY field separators, Adminer's and HeidiSQL's indents)

A template whose producer writes CRLF line ends is listed in CRLF below: every LF of the
template becomes CR LF before the markup is expanded (a lone LF inside such a file is ⟨0A⟩).

    python3 scripts/make-producer-dumps.py           # rewrite every fixture pair
    python3 scripts/make-producer-dumps.py --check   # exit 1 if a fixture differs from its template

Nothing else writes the fixture files; the README in Tests/ProducerDumps says what each imitates.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "scripts" / "producer-dumps"
OUT = ROOT / "Tests" / "ProducerDumps"

# Producers that write CR LF line ends (Windows tools that use their platform's line break).
CRLF = {
    "phpmyadmin-4",       # PMA_whichCrlf(): "\r\n" when the browser runs on Windows
    "heidisql-mysql",     # HeidiSQL's exporter joins everything with CRLF (#13#10)
    "heidisql-postgres",
    "navicat-mysql",      # Navicat Premium on Windows
    "navicat-postgres",
    "pg_dump-15-powershell",  # pg_dump | Out-File -Encoding utf8 in Windows PowerShell 5.1: BOM, CRLF
}

EDIT = re.compile(r"⟦(.*?)→(.*?)⟧", re.S)
BYTE = re.compile(r"⟨([0-9A-Fa-f]{2})⟩")


def to_bytes(text: str) -> bytes:
    out = bytearray()
    at = 0
    for m in BYTE.finditer(text):
        out += text[at:m.start()].replace("⇥", "\t").encode("utf-8")
        out.append(int(m.group(1), 16))
        at = m.end()
    out += text[at:].replace("⇥", "\t").encode("utf-8")
    for stray in ("⟦", "⟧", "→", "⟨", "⟩", "⇥"):
        if stray.encode("utf-8") in out:
            raise SystemExit(f"stray markup {stray!r} left in output")
    return bytes(out)


def expand(name: str, text: str) -> tuple[bytes, bytes, int]:
    if name in CRLF:
        if "\r" in text:
            raise SystemExit(f"{name}: template must use LF only; CRLF is added by the script")
        text = text.replace("\n", "\r\n")
    source = bytearray()
    expected = bytearray()
    at = 0
    edits = 0
    for m in EDIT.finditer(text):
        plain = to_bytes(text[at:m.start()])
        source += plain
        expected += plain
        old, new = to_bytes(m.group(1)), to_bytes(m.group(2))
        if old == new:
            raise SystemExit(f"{name}: marker {m.group(0)!r} changes nothing")
        source += old
        expected += new
        edits += 1
        at = m.end()
    tail = to_bytes(text[at:])
    source += tail
    expected += tail
    if edits == 0:
        raise SystemExit(f"{name}: no ⟦old→new⟧ marker, so no held lock")
    return bytes(source), bytes(expected), edits


def main() -> int:
    check = "--check" in sys.argv[1:]
    templates = sorted(TEMPLATES.glob("*.sql.in"))
    if not templates:
        raise SystemExit(f"no templates in {TEMPLATES}")
    OUT.mkdir(parents=True, exist_ok=True)
    stale = []
    for template in templates:
        name = template.name[: -len(".sql.in")]
        source, expected, edits = expand(name, template.read_text(encoding="utf-8"))
        for path, data in ((OUT / f"{name}.sql", source), (OUT / f"{name}.expected.sql", expected)):
            if check:
                if not path.exists() or path.read_bytes() != data:
                    stale.append(path.name)
            else:
                path.write_bytes(data)
        if not check:
            print(f"{name}: {len(source)} -> {len(expected)} bytes, {edits} edits"
                  f"{' (CRLF)' if name in CRLF else ''}")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
