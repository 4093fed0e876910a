"""The use cases behind the commands; each runs inside the caller's one transaction."""
