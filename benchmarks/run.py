"""Time whole `psi` processes against their floors (issue 10).

    python benchmarks/run.py [--synthetic PATH] [--runs N] [--json FILE]

Each command runs as its own process, once to warm up and then N times (default 5); the
figure is the median wall-clock time. The runs go round-robin (every benchmark once, then
every benchmark again ...) so that noise from other work on the machine falls on all of
them alike. Two floors are timed in the same run: a one-command Typer app that does nothing
(its `--help`, against `psi --help`) and `python -c "import sqlmodel"` (against every
command that reads the database); a PDF report is compared with the same report in Markdown.

A ratio to a floor is paired: the floor runs again just before each timed run of the
command, and the ratio is the median of the N quotients of a run and its floor run. On a
shared machine whose speed drifts by a third from one minute to the next, two medians taken
minutes apart compare two different machines; a run and the floor run a second before it
see the same one.

Targets (issue 16): `psi --help` at most 1.1 x the bare Typer app; every data command on
the example database (status and the reports in Markdown included) at most 1.5 x
`import sqlmodel`; `report followup --format pdf` at most 1.5 x the Markdown; every command
on the synthetic database under 3 s. A missed target is reported,
never an error: the script exits 0 unless it cannot run at all.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_JSON = HERE / "results.json"
GENERATOR = HERE / "generate.py"
YEAR = "2026"
NEXT_YEAR = "2027"
TIMEOUT_S = 600.0

HELP_LIMIT = 1.1
DATA_LIMIT = 1.5
PDF_LIMIT = 1.5
SYNTHETIC_LIMIT_MS = 3000.0

BARE_TYPER_APP = '''"""A one-command Typer app that does nothing: the floor for `psi --help`."""

import typer

app = typer.Typer()


@app.command()
def main() -> None:
    """Do nothing."""


if __name__ == "__main__":
    app()
'''

HELP = "--help"
MARKDOWN = "report followup md"
PDF = "report followup pdf"
FLOOR_TYPER = "floor: bare Typer app --help"
FLOOR_TYPER_RUN = "floor: bare Typer app (no arguments)"
FLOOR_SQLMODEL = "floor: python -c 'import sqlmodel'"


@dataclass
class Benchmark:
    """One process to time: its label, the database it reads (if any) and its argv."""

    label: str
    database: str | None
    argv: list[str]
    floor: str | None = None
    samples: list[float] = field(default_factory=list)
    floor_samples: list[float] = field(default_factory=list)
    """The floor's time in the run just before each sample (the paired ratio's divisor)."""
    returncode: int | None = None
    error: str | None = None

    @property
    def median_ms(self) -> float | None:
        """The median of the timed runs, in milliseconds."""
        return statistics.median(self.samples) * 1000 if self.samples else None


def psi_command() -> list[str]:
    """The `psi` script beside this interpreter, else `python -m psi`."""
    folder = Path(sys.executable).parent
    for name in ("psi", "psi.exe"):
        script = folder / name
        if script.is_file():
            return [str(script)]
    return [sys.executable, "-m", "psi"]


def child_env() -> dict[str, str]:
    """The environment for the timed processes: no PSI_DB, no colour, no debug.

    PYTHONDONTWRITEBYTECODE goes too: with it set, an editable install compiles every psi
    module from source in every run, which no installed psi does.
    """
    env = dict(os.environ)
    for key in ("PSI_DB", "PSI_DEBUG", "PSI_TEMPLATES", "FORCE_COLOR", "PYTHONDONTWRITEBYTECODE"):
        env.pop(key, None)
    env["NO_COLOR"] = "1"
    return env


COMPILE_PSI = (
    "import compileall, pathlib, psi; "
    "raise SystemExit(not compileall.compile_dir(pathlib.Path(psi.__file__).parent, quiet=1))"
)


def compile_psi(env: dict[str, str], cwd: Path) -> None:
    """Write psi's bytecode first, as `pip install` does, so that no timed run compiles it."""
    _, code, tail = run_once([sys.executable, "-c", COMPILE_PSI], env, cwd)
    if code != 0:
        raise SystemExit(f"Compiling psi's bytecode failed (exit {code}): {tail}")


def run_once(argv: Sequence[str], env: dict[str, str], cwd: Path) -> tuple[float, int, str]:
    """Run one process to its end: seconds taken, exit code and the end of its stderr."""
    started = time.perf_counter()
    try:
        done = subprocess.run(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            cwd=cwd,
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return time.perf_counter() - started, -1, f"timed out after {TIMEOUT_S:.0f} s"
    elapsed = time.perf_counter() - started
    tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
    return elapsed, done.returncode, " | ".join(tail)


def org_to_show(database: Path) -> str:
    """A name `psi org show` finds: this year's newcomer coordinator, else any organisation."""
    with sqlite3.connect(database) as connection:
        row = connection.execute(
            "SELECT o.name FROM coordinator_term t JOIN organisation o "
            "ON o.id = t.organisation_id WHERE t.year = ? ORDER BY t.role DESC, o.name LIMIT 1",
            (int(YEAR),),
        ).fetchone()
        if row is None:
            row = connection.execute("SELECT name FROM organisation ORDER BY id LIMIT 1").fetchone()
    connection.close()
    if row is None:
        raise SystemExit(f"{database} holds no organisation to show.")
    return str(row[0])


def row_counts(database: Path) -> dict[str, int]:
    """How many rows the big tables of a database hold."""
    tables = ("organisation", "meeting", "attendance", "expense", "log_entry", "activity")
    with sqlite3.connect(database) as connection:
        counts = {
            table: int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
            for table in tables
        }
    connection.close()
    return counts


def commands_for(name: str, database: Path, psi: list[str], out: Path) -> list[Benchmark]:
    """The psi commands timed on one database."""
    base = [*psi, "--db", str(database)]
    shown = org_to_show(database)
    pdf = out / f"followup-{name}.pdf"
    specs: list[tuple[str, list[str], str]] = [
        (HELP, ["--help"], FLOOR_TYPER),
        ("org list", ["org", "list"], FLOOR_SQLMODEL),
        ("org show NAME", ["org", "show", shown], FLOOR_SQLMODEL),
        (f"meeting list {YEAR}", ["meeting", "list", YEAR], FLOOR_SQLMODEL),
        (f"budget status {YEAR}", ["budget", "status", YEAR], FLOOR_SQLMODEL),
        (f"rotate {NEXT_YEAR}", ["rotate", NEXT_YEAR], FLOOR_SQLMODEL),
        (f"status {YEAR}", ["status", YEAR], FLOOR_SQLMODEL),
        (MARKDOWN, ["report", "followup", YEAR], FLOOR_SQLMODEL),
        (PDF, ["report", "followup", YEAR, "--format", "pdf", "-o", str(pdf)], MARKDOWN),
    ]
    return [Benchmark(label, name, base + args, floor) for label, args, floor in specs]


def prepare_example(psi: list[str], folder: Path, env: dict[str, str]) -> Path:
    """`psi init --example` into the temporary folder."""
    database = folder / "example.sqlite3"
    _, code, tail = run_once([*psi, "--db", str(database), "init", "--example"], env, folder)
    if code != 0:
        raise SystemExit(f"psi init --example failed (exit {code}): {tail}")
    return database


def prepare_synthetic(given: Path | None, folder: Path, env: dict[str, str]) -> Path:
    """The synthetic database: the one given, else generated (at the given path or in folder)."""
    if given is not None and given.exists():
        return given
    target = given if given is not None else folder / "synthetic.sqlite3"
    print(f"Generating the synthetic database at {target} ...", flush=True)
    done = subprocess.run(
        [sys.executable, str(GENERATOR), str(target)], env=env, cwd=folder, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"benchmarks/generate.py failed (exit {done.returncode}).")
    return target


def measure(benchmarks: list[Benchmark], runs: int, env: dict[str, str], cwd: Path) -> None:
    """One warm-up run of each, then `runs` rounds of each, round-robin; a command with a
    floor runs right after a run of its floor (see the module's docstring)."""
    by_label = {bench.label: bench for bench in benchmarks if bench.database is None}
    total = len(benchmarks) * (runs + 1)
    done = 0
    for round_number in range(runs + 1):
        for bench in benchmarks:
            floor = by_label.get(bench.floor or "")
            if floor is not None:
                before, _, _ = run_once(floor.argv, env, cwd)
                if round_number > 0:
                    bench.floor_samples.append(before)
            elapsed, code, tail = run_once(bench.argv, env, cwd)
            done += 1
            if sys.stderr.isatty():
                print(f"\r  {done}/{total} runs", end="", file=sys.stderr, flush=True)
            if code != 0:
                bench.returncode, bench.error = code, tail or f"exit code {code}"
            elif bench.returncode is None:
                bench.returncode = 0
            if round_number > 0:
                bench.samples.append(elapsed)
    if sys.stderr.isatty():
        print(file=sys.stderr)


@dataclass(frozen=True)
class Target:
    """One of issue 10's targets, and whether it holds."""

    name: str
    value: float | None
    limit: float
    unit: str

    @property
    def holds(self) -> bool:
        """True when measured and within the limit."""
        return self.value is not None and self.value <= self.limit

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "target": self.name,
            "value": None if self.value is None else round(self.value, 3),
            "limit": self.limit,
            "unit": self.unit,
            "holds": self.holds,
        }


def ratio(bench: Benchmark, by_key: dict[tuple[str | None, str], Benchmark]) -> float | None:
    """The median of the benchmark's runs over the floor run paired with each.

    A floor program is run just before each run (floor_samples); the PDF report's floor is
    the Markdown report on the same database, which runs just before it in every round.
    """
    if bench.floor is None or not bench.samples:
        return None
    paired = bench.floor_samples
    if not paired:
        floor = by_key.get((bench.database, bench.floor))
        paired = floor.samples if floor is not None else []
    if len(paired) != len(bench.samples) or not all(paired):
        return None
    return statistics.median(run / floor for run, floor in zip(bench.samples, paired, strict=True))


def targets_of(
    benchmarks: list[Benchmark], by_key: dict[tuple[str | None, str], Benchmark]
) -> list[Target]:
    """Every target of issue 10, evaluated."""
    found: list[Target] = []
    for bench in benchmarks:
        value = ratio(bench, by_key) if bench.returncode == 0 else None
        if bench.database == "example" and bench.label == HELP:
            found.append(
                Target(
                    f"psi --help <= {HELP_LIMIT} x bare Typer app --help", value, HELP_LIMIT, "x"
                )
            )
        elif bench.database == "example" and bench.floor == FLOOR_SQLMODEL:
            found.append(
                Target(
                    f"example: psi {bench.label} <= {DATA_LIMIT} x import sqlmodel",
                    value,
                    DATA_LIMIT,
                    "x",
                )
            )
        if bench.label == PDF and bench.database is not None:
            found.append(
                Target(f"{bench.database}: followup pdf <= 1.5 x markdown", value, PDF_LIMIT, "x")
            )
        if bench.database == "synthetic":
            found.append(
                Target(
                    f"synthetic: psi {bench.label} < 3 s",
                    bench.median_ms if bench.returncode == 0 else None,
                    SYNTHETIC_LIMIT_MS,
                    "ms",
                )
            )
    return found


def fmt_ms(value: float | None) -> str:
    """Milliseconds without decimals, or a dash."""
    return "-" if value is None else f"{value:,.0f}".replace(",", " ")


def fmt_ratio(value: float | None) -> str:
    """A ratio like 1.07x, or empty."""
    return "" if value is None else f"{value:.2f}x"


def verdict(ok: bool | None) -> str:
    """How a target shows in the table."""
    return "" if ok is None else ("ok" if ok else "MISSED")


def render_table(
    benchmarks: list[Benchmark], by_key: dict[tuple[str | None, str], Benchmark]
) -> str:
    """The results as a Markdown table: one row per command, both databases side by side."""
    floor_names = {FLOOR_TYPER: "bare Typer", MARKDOWN: "markdown", FLOOR_SQLMODEL: "sqlmodel"}
    header = (
        "| command | floor | example ms | x floor | target | synthetic ms | x floor | < 3 s |\n"
        "|---|---|---:|---:|---|---:|---:|---|"
    )
    lines = [header]
    for label in (FLOOR_TYPER_RUN, FLOOR_TYPER, FLOOR_SQLMODEL):
        bench = by_key[(None, label)]
        lines.append(f"| {label} | | {fmt_ms(bench.median_ms)} | | | | | |")
    labels = list(dict.fromkeys(b.label for b in benchmarks if b.database is not None))
    for label in labels:
        example = by_key.get(("example", label))
        synthetic = by_key.get(("synthetic", label))
        either = example or synthetic
        floor = either.floor if either is not None else None
        cells = [f"psi {label}", floor_names.get(floor or "", "")]
        if example is not None:
            value = ratio(example, by_key)
            limit = {FLOOR_TYPER: HELP_LIMIT, FLOOR_SQLMODEL: DATA_LIMIT, MARKDOWN: PDF_LIMIT}
            ok = None if value is None else value <= limit[example.floor or ""]
            if example.returncode != 0:
                ok = False
            cells += [
                fmt_ms(example.median_ms) + ("" if example.returncode == 0 else " (failed)"),
                fmt_ratio(value),
                f"<= {limit[example.floor or '']}x {verdict(ok)}",
            ]
        else:
            cells += ["", "", ""]
        if synthetic is not None:
            ms = synthetic.median_ms
            ok = synthetic.returncode == 0 and ms is not None and ms < SYNTHETIC_LIMIT_MS
            pdf_note = ""
            if label == PDF:
                value = ratio(synthetic, by_key)
                pdf_note = " " + verdict(value is not None and value <= PDF_LIMIT)
            cells += [
                fmt_ms(ms) + ("" if synthetic.returncode == 0 else " (failed)"),
                fmt_ratio(ratio(synthetic, by_key)) + pdf_note,
                verdict(ok),
            ]
        else:
            cells += ["", "", ""]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def to_json(
    benchmarks: list[Benchmark],
    by_key: dict[tuple[str | None, str], Benchmark],
    targets: list[Target],
    meta: dict[str, Any],
) -> dict[str, Any]:
    """Everything measured, as JSON."""
    return {
        "meta": meta,
        "results": [
            {
                "database": bench.database,
                "command": bench.label,
                "argv": bench.argv,
                "floor": bench.floor,
                "median_ms": None if bench.median_ms is None else round(bench.median_ms, 1),
                "min_ms": round(min(bench.samples) * 1000, 1) if bench.samples else None,
                "samples_ms": [round(s * 1000, 1) for s in bench.samples],
                "floor_samples_ms": [round(s * 1000, 1) for s in bench.floor_samples],
                "ratio_to_floor": None
                if (value := ratio(bench, by_key)) is None
                else round(value, 3),
                "returncode": bench.returncode,
                "error": bench.error,
            }
            for bench in benchmarks
        ],
        "targets": [target.to_json() for target in targets],
        "all_targets_hold": all(target.holds for target in targets),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Prepare the databases and floors, time everything, print and save the results."""
    parser = argparse.ArgumentParser(description="Time whole psi processes against floors.")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (default 5)")
    parser.add_argument(
        "--synthetic",
        type=Path,
        default=None,
        help="the synthetic database (generated there if missing, else into a temp folder)",
    )
    parser.add_argument(
        "--json", type=Path, default=DEFAULT_JSON, help=f"results file (default {DEFAULT_JSON})"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    runs: int = args.runs
    psi = psi_command()
    env = child_env()
    with tempfile.TemporaryDirectory(prefix="psi-bench-") as temp:
        folder = Path(temp)
        synthetic = prepare_synthetic(
            args.synthetic.expanduser().resolve() if args.synthetic else None, folder, env
        )
        compile_psi(env, folder)
        example = prepare_example(psi, folder, env)
        bare = folder / "bare_typer_app.py"
        bare.write_text(BARE_TYPER_APP, encoding="utf-8")
        benchmarks = [
            Benchmark(FLOOR_TYPER_RUN, None, [sys.executable, str(bare)]),
            Benchmark(FLOOR_TYPER, None, [sys.executable, str(bare), "--help"]),
            Benchmark(FLOOR_SQLMODEL, None, [sys.executable, "-c", "import sqlmodel"]),
            *commands_for("example", example, psi, folder),
            *commands_for("synthetic", synthetic, psi, folder),
        ]
        print(
            f"Timing {len(benchmarks)} processes, 1 warm-up + {runs} runs each "
            f"(psi: {' '.join(psi)}) ...",
            file=sys.stderr,
        )
        measure(benchmarks, runs, env, folder)
        counts = row_counts(synthetic)
    by_key = {(bench.database, bench.label): bench for bench in benchmarks}
    targets = targets_of(benchmarks, by_key)
    table = render_table(benchmarks, by_key)
    meta = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "runs": runs,
        "statistic": "median of the timed runs after one warm-up run, round-robin; a ratio is "
        "the median of each run over its floor run just before it",
        "bytecode": "psi compiled first (compileall), as pip install does",
        "psi": psi,
        "synthetic": str(synthetic),
        "synthetic_rows": counts,
    }
    print(table)
    print()
    for target in targets:
        shown = fmt_ms(target.value) if target.unit == "ms" else fmt_ratio(target.value)
        print(f"{'ok    ' if target.holds else 'MISSED'}  {target.name}  ({shown or 'failed'})")
    failed = [bench for bench in benchmarks if bench.returncode != 0]
    for bench in failed:
        print(f"FAILED  {bench.database or 'floor'}: {bench.label}: {bench.error}")
    held = sum(target.holds for target in targets)
    print(f"\n{held} of {len(targets)} targets hold.")
    output: Path = args.json
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(
        json.dumps(to_json(benchmarks, by_key, targets, meta), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    print(f"Wrote {output}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
