"""One module per command group: parse options, call a service, print. No SQL, no rules."""
