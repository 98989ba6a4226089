"""The only code that touches a ledger's files and git: read, cache, write, lock, hook."""
