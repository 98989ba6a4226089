"""Templates written by `houqin init`."""
