"""The names of a ledger's own files (kept apart from the models so reading them stays light)."""

CONFIG_FILE = "houqin.yaml"
PEOPLE_FILE = "people.yaml"
PLACES_FILE = "places.yaml"
CATALOG_FILE = "catalog.yaml"
# The directory: the files every check may read, beside the dated record files.
TOP_FILES = (CONFIG_FILE, PEOPLE_FILE, PLACES_FILE, CATALOG_FILE)
