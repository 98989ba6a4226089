"""Use-cases per domain: from a ledger and arguments to new records or results; no printing."""
