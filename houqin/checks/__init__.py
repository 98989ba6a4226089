"""Checks: plain functions (ledger, policy) -> diagnostics, one module per concern."""
