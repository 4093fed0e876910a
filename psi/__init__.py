"""psi: the register and working tool of Partnerskapet för sociala innovationer."""

__version__ = "0.1.0"

HEAD_REVISION = "0013"
"""The newest schema migration, the one this psi reads and writes (a test checks it against
the migration scripts). It is here, not in psi.storage, so that shell completion can compare
a database with it without loading SQLAlchemy."""
