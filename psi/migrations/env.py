"""Alembic environment: psi passes its own open connection in config.attributes."""

from alembic import context
from sqlmodel import SQLModel

import psi.models  # noqa: F401  (registers the tables on SQLModel.metadata)

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("psi runs its migrations itself; use `psi init` or any psi command.")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
