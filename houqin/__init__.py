"""houqin (后勤): the books of a school's logistics office, as checked YAML ledgers in git."""

__version__ = "0.1.0"
