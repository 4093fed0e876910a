"""Pure rules of the partnership: no database, no I/O, plain values in and out."""
