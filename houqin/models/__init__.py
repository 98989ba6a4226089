"""Frozen pydantic records of a ledger, with their source; no IO."""
