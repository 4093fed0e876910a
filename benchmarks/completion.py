"""Time shell completion of values (issue 20): a fixed choice, an organisation, a meeting.

    python benchmarks/completion.py [--synthetic PATH] [--runs N]

Each completion runs as bash's completion function runs it: the `psi` script with
`_PSI_COMPLETE=complete_bash`, the command line in COMP_WORDS and the number of the word
being completed in COMP_CWORD, on the example database (`psi init --example` in a temporary
folder) and, with --synthetic, on that database too (benchmarks/generate.py makes one). Each
runs once to warm up and then N times (default 9), round-robin with `psi --help` for
reference; the figure is the median wall-clock time. Target: every completion under 500 ms.
A missed target is reported, never an error. Not part of CI; uses the helpers of run.py.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from run import child_env, compile_psi, prepare_example, psi_command, run_once

LIMIT_MS = 500.0
LINES = (
    ("fixed choice", "psi meeting list --kind "),
    ("organisation", "psi org show Ex"),
    ("every organisation", "psi org show "),
    ("meeting", "psi meeting show 2"),
    ("every meeting", "psi meeting show "),
)


def completion_env(env: dict[str, str], line: str, database: Path) -> dict[str, str]:
    """The environment bash gives `psi` to complete the last word of `line`."""
    words = shlex.split(line)
    return {
        **env,
        "PSI_DB": str(database),
        "_PSI_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(words) if line.endswith(" ") else len(words) - 1),
    }


def offered(psi: list[str], env: dict[str, str], cwd: Path) -> int:
    """How many values a completion offers (a completion offering none measures nothing)."""
    done = subprocess.run(psi, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    return len([line for line in done.stdout.splitlines() if line])


def main() -> int:
    """Prepare the databases, time every completion, print the results."""
    parser = argparse.ArgumentParser(description="Time shell completion of values.")
    parser.add_argument("--runs", type=int, default=9, help="timed runs each (default 9)")
    parser.add_argument("--synthetic", type=Path, default=None, help="a synthetic database")
    args = parser.parse_args()
    psi = psi_command()
    env = child_env()
    with tempfile.TemporaryDirectory(prefix="psi-completion-") as temp:
        folder = Path(temp)
        compile_psi(env, folder)
        databases = {"example": prepare_example(psi, folder, env)}
        if args.synthetic is not None:
            databases["synthetic"] = args.synthetic.expanduser().resolve()
        timed: list[tuple[str, str, list[str], dict[str, str]]] = [
            ("", "psi --help", [*psi, "--help"], env)
        ]
        for name, database in databases.items():
            for what, line in LINES:
                timed.append(
                    (name, f"{what}: {line}<TAB>", psi, completion_env(env, line, database))
                )
        counts = {
            (name, label): offered(argv, run_env, folder)
            for name, label, argv, run_env in timed[1:]
        }
        samples: dict[tuple[str, str], list[float]] = {}
        for round_number in range(args.runs + 1):
            for name, label, argv, run_env in timed:
                elapsed, code, tail = run_once(argv, run_env, folder)
                if code != 0:
                    raise SystemExit(f"{label} failed (exit {code}): {tail}")
                if round_number > 0:
                    samples.setdefault((name, label), []).append(elapsed)
    print("| database | completion | values | median ms | < 500 ms |\n|---|---|---:|---:|---|")
    missed = 0
    for (name, label), times in samples.items():
        median = statistics.median(times) * 1000
        holds = "" if not name else ("ok" if median < LIMIT_MS else "MISSED")
        missed += holds == "MISSED"
        print(f"| {name} | {label} | {counts.get((name, label), '')} | {median:.0f} | {holds} |")
    print(f"\n{args.runs} runs each after a warm-up; {missed} target(s) missed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
