"""`leadership-journal search WORD` next to `jrnl -contains WORD`, as whole processes; with
`--export`, `leadership-journal export --format json` next to `jrnl --export json`.

    python -m benchmarks.search_vs_jrnl [--journal FILE] [--word WORD] [--runs N] [--export]

jrnl (installed with the optional `bench` extra: `pip install -e '.[bench]'`) keeps a journal
as one text file and parses all of it on every command. The same texts are written into a jrnl
file from the journal (the 1x benchmark journal by default): one entry per record that has text,
dated as the record is, holding the record's own texts. Both commands run in turn, alternating
which goes first, with their output sent to /dev/null; each time is a whole process, start-up
included.
Our search runs twice: as a user types it (the best 50 results) and with every match printed,
as jrnl prints every entry it finds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.fixtures import journal_file
from journal.store.journal import open_journal
from journal.store.search import record_details
from journal.store.search_index import INDEXED

ROOT = Path(__file__).resolve().parent.parent

CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {path}
linewrap: 0
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""


def write_jrnl_file(journal_path: Path, target: Path) -> int:
    """Every record with text as a jrnl entry, oldest first; returns how many."""
    entries: list[tuple[str, str]] = []
    with open_journal(journal_path, read_only=True) as journal:
        for entry in INDEXED:
            ids = [row[0] for row in journal.rows(f"SELECT id FROM {entry.table}")]
            for _, _title, day, *texts in record_details(journal, entry, ids):
                # The record's own texts only (a title drawn from another record, such as a
                # check-in's goal, would make jrnl find what our index rightly does not).
                body = "\n".join(" ".join(t.split()) for t in texts if t and t.strip())
                if body:
                    entries.append((day or "2000-01-01", body))
    entries.sort(key=lambda e: e[0])
    with target.open("w", encoding="utf-8") as out:
        for day, text in entries:
            out.write(f"[{day} 09:00] {text}\n\n")
    return len(entries)


def _time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                   cwd=ROOT, check=False)
    return time.perf_counter() - start


def _count(command: list[str], env: dict[str, str], marker: str) -> int:
    out = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                         check=False).stdout
    return sum(1 for line in out.splitlines() if marker(line))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--journal", type=Path, help="our journal (default: the 1x benchmark)")
    parser.add_argument("--word", default="hygiene")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--export", action="store_true",
                        help="time the whole journal's JSON export instead of a search")
    args = parser.parse_args(argv)
    jrnl = shutil.which("jrnl") or str(Path(sys.executable).with_name("jrnl"))
    if not Path(jrnl).exists():
        raise SystemExit("jrnl is not installed: pip install -e '.[bench]'")
    path = args.journal or journal_file("1x", 0)
    with tempfile.TemporaryDirectory() as folder:
        text_file, config = Path(folder) / "journal.txt", Path(folder) / "jrnl.yaml"
        count = write_jrnl_file(path, text_file)
        text_size = text_file.stat().st_size
        config.write_text(CONFIG.format(path=text_file))
        env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CONFIG_HOME": folder,
               "XDG_DATA_HOME": folder}
        if args.export:
            _compare_exports(jrnl, config, path, Path(folder), env, count, args.runs)
            return
        theirs = [jrnl, "--config-file", str(config), "-contains", args.word]
        ours = [sys.executable, "-m", "journal", "--db", str(path), "search", args.word]
        ours_all = [*ours, "--limit", "1000000"]
        found_theirs = _count(theirs, env, lambda line: line.startswith("20"))
        found_ours = _count([*ours_all, "--json"], env, lambda line: '"kind":' in line)
        times: dict[str, list[float]] = {"jrnl": [], "ours": [], "ours_all": []}
        for run in range(args.runs):
            order = [("jrnl", theirs), ("ours", ours), ("ours_all", ours_all)]
            for name, command in order if run % 2 == 0 else reversed(order):
                times[name].append(_time(command, env))
    med = {name: statistics.median(values) for name, values in times.items()}
    print(f"{count:,} entries in a {text_size / 1e6:.0f} MB jrnl file, from a "
          f"{path.stat().st_size / 1e6:.0f} MB journal; "
          f"word {args.word!r}: jrnl finds {found_theirs} entries, we find {found_ours} records")
    print(f"jrnl -contains {args.word:12} {med['jrnl'] * 1000:8.0f} ms")
    print(f"search (best 50)      {med['ours'] * 1000:8.0f} ms   {med['jrnl'] / med['ours']:5.1f}x "
          "faster")
    print(f"search (every match)  {med['ours_all'] * 1000:8.0f} ms   "
          f"{med['jrnl'] / med['ours_all']:5.1f}x faster")
    print(f"(medians of {args.runs} alternating runs, whole processes)")


def _compare_exports(jrnl: str, config: Path, path: Path, folder: Path, env: dict[str, str],
                     count: int, runs: int) -> None:
    theirs = [jrnl, "--config-file", str(config), "--export", "json", "--file",
              str(folder / "jrnl.json")]
    ours = [sys.executable, "-m", "journal", "--db", str(path), "export", "--format", "json",
            "--output", str(folder / "ours.json")]
    times: dict[str, list[float]] = {"jrnl": [], "ours": []}
    for run in range(runs):
        order = [("jrnl", theirs), ("ours", ours)]
        for name, command in order if run % 2 == 0 else reversed(order):
            for leftover in folder.glob("*.json"):
                leftover.unlink()
            times[name].append(_time(command, env))
    med = {name: statistics.median(values) for name, values in times.items()}
    with open_journal(path, read_only=True) as journal:
        records = sum(journal.counts().values())
    print(f"jrnl --export json, {count:,} entries      {med['jrnl'] * 1000:8.0f} ms")
    print(f"export --format json, {records:,} records  {med['ours'] * 1000:8.0f} ms   "
          f"{med['jrnl'] / med['ours']:5.1f}x faster")
    print(f"(medians of {runs} alternating runs, whole processes)")


if __name__ == "__main__":
    main()
