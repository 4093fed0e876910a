"""psi: the register and working tool of Partnerskapet för sociala innovationer."""

__version__ = "0.1.0"
