"""The names of a ledger's own files (kept apart from the models so reading them stays light)."""

CONFIG_FILE = "houqin.yaml"
PEOPLE_FILE = "people.yaml"
PLACES_FILE = "places.yaml"
CATALOG_FILE = "catalog.yaml"
# The directory: the files every check may read, beside the dated record files.
TOP_FILES = (CONFIG_FILE, PEOPLE_FILE, PLACES_FILE, CATALOG_FILE)
# The kinds whose copies a year-end close (年终结账) carries into the open year live in a file of their
# own there, YEAR/KIND.carried.yaml beside YEAR/KIND.yaml: the asset cards still on the books, one
# register as long as the school's history, kept apart from the year's new cards so a write of those
# re-reads (and re-checks) only the year's own file. Every record of the kind whose id is of a closed
# year is kept there; the other kinds' carried items stay in the open year's file of their kind.
CARRIED_APART = ("assets",)
CARRIED_SUFFIX = ".carried.yaml"
