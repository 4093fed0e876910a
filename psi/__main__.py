"""The `psi` console script and `python -m psi`."""

from __future__ import annotations

import gc


def main() -> None:
    """Run the command line without the cycle collector.

    A psi process lives for a second or two, and importing SQLAlchemy, pydantic and the
    table classes makes the collector run some 200 times for nothing (about a tenth of
    `psi status`). Reference counting still frees everything that is not a cycle, and
    the largest commands, a `db copy` of 400 000 rows included, peak at the same memory
    either way.
    """
    gc.disable()
    from psi.cli import main as run

    run()


if __name__ == "__main__":
    main()
