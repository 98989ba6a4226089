"""Report models (rows, totals) computed from a ledger."""
