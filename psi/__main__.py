"""Allow `python -m psi`."""

from psi.cli import main

main()
