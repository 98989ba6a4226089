# houqin: the two set-up commands are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test soak lint bench bench-years bench-styles bench-county bench-county-dataset bench-movein install clean

$(BIN)/houqin: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(BIN)/houqin

# An editable install has no bytecode of houqin (pip compiles only what it copies), and with
# PYTHONDONTWRITEBYTECODE set none is ever written: every command would compile its modules anew
# (0.1 s of a write). compileall writes it, and only for sources newer than their bytecode.
install: $(BIN)/houqin
	@$(BIN)/python -m compileall -q houqin

# The demo ends on a verified signature: the October close, by the accountant's and the principal's keys.
demo: install
	$(BIN)/houqin check
	$(BIN)/houqin overview
	$(BIN)/houqin expense list --pending
	$(BIN)/houqin key verify JZ-2026-0009

test: install
	@scripts/test-tools.sh
	$(BIN)/python -m pytest

# The long run of the trust tests: 50× the kills, 48 concurrent writers (minutes, not seconds).
soak: install
	HOUQIN_SOAK=50 $(BIN)/python -m pytest tests/test_trust.py -k "killed or concurrent" -q

bench: install
	$(BIN)/python benchmarks/bench.py --out benchmarks/latest.md
	$(BIN)/python benchmarks/years.py --sizes 100000,1000000 --out benchmarks/years.md

# closed years only (#19 item 2): 100k and 1M records, every year before the last closed (the 1M close
# is made once, about 18 minutes, and kept in benchmarks/data/).
bench-years: install
	$(BIN)/python benchmarks/years.py --sizes 100000,1000000 --out benchmarks/years.md

# the closed 100k books (made by bench-years) in two other YAML styles against the house style, cold
bench-styles: install
	$(BIN)/python benchmarks/styles.py benchmarks/data/100k-closed/ledger --journal benchmarks/data/100k-closed/closed.journal
	$(BIN)/python benchmarks/styles.py benchmarks/data/100k-closed/ledger --journal benchmarks/data/100k-closed/closed.journal --indented

bench-county: install
	$(BIN)/python benchmarks/bench.py --sizes 1000 --runs 1 --county --out benchmarks/county.md

# The county's dataset (#19): 6 real ledgers of 100k built and rebuilt, 200 small ones, the DuckDB
# reports on 200 schools × 100k records (about 10 minutes; benchmarks/RESULTS.md).
bench-county-dataset: install
	nice -n 19 $(BIN)/python benchmarks/county.py --real 6 --records 100000 --schools 200 --runs 5 --many 200

# Moving in (#15): a 50,000-row register imported, and asset list of 5,000 assets.
bench-movein: install
	$(BIN)/python benchmarks/movein.py --rows 50000 --list 5000

lint: install
	$(BIN)/ruff check houqin tests scripts benchmarks
	$(BIN)/ruff format --check houqin tests scripts benchmarks
	$(BIN)/mypy houqin
	$(BIN)/lint-imports --no-cache
	$(BIN)/python scripts/catalogue.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
