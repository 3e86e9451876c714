# The documented way to install, demo, test, lint and benchmark replykit.
# Every target creates .venv and installs what it needs on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SOURCES := pyproject.toml rules.yaml $(shell find src templates lexicons listening -type f 2>/dev/null)

.PHONY: demo test lint bench soak eval install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# A regular (non-editable) install: tests run against the installed wheel,
# the way users get it, with rules.yaml and templates/ as package data.
$(STAMP): $(BIN)/python $(SOURCES)
	$(BIN)/python -m pip install --quiet ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

# The demo answers with the example business's details first (replykit warns about it on
# stderr), then shows `replykit init` giving your own, in a scratch folder.
DEMO_SHOP := $(or $(TMPDIR),/tmp)/replykit-demo-shop

demo: $(STAMP)
	@echo '$$ replykit reply examples/commande.txt --author Julie'
	@$(BIN)/replykit reply examples/commande.txt --author Julie
	@echo
	@echo '$$ replykit reply --text "Where is my order #1234? Nobody answers." --platform x --format json'
	@$(BIN)/replykit reply --text "Where is my order #1234? Nobody answers." --platform x --format json
	@echo
	@echo 'Those replies give the example business'"'"'s details. Give your own with replykit init:'
	@echo '$$ replykit init $(DEMO_SHOP) --brand "Atelier Lune" --signature "Julie, Atelier Lune" --phone "01 98 76 54 32" --email julie@atelier-lune.fr --website https://atelier-lune.fr --sector food --force'
	@$(BIN)/replykit init $(DEMO_SHOP) --brand "Atelier Lune" --signature "Julie, Atelier Lune" --phone "01 98 76 54 32" --email julie@atelier-lune.fr --website https://atelier-lune.fr --sector food --force
	@echo
	@echo '$$ cd $(DEMO_SHOP) && replykit reply --text "Commande jamais reçue, personne ne répond" --author Julie'
	@cd $(DEMO_SHOP) && $(CURDIR)/$(BIN)/replykit reply --text "Commande jamais reçue, personne ne répond" --author Julie

test: $(STAMP)
	cd tests && ../$(BIN)/python -m pytest

# The repository's rules.yaml is the built-in one and ships the example business on
# purpose: the example-profile check is for users' rules (docs/setup.md).
lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/replykit lint --strict --allow-example-profile

# replykit eval with each preset on the labeled sets in ../shared/data: one table,
# then the issue-12 targets (bench/eval_targets.py) with OK/MISSED.
eval: $(STAMP)
	$(BIN)/python bench/eval_all.py
	$(BIN)/python bench/listening.py
	$(BIN)/python bench/replies.py

bench: $(STAMP)
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/batch.py
	$(BIN)/python bench/triage.py
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/tone.py

# Not part of `make test`: batch on 1,000,000 generated lines, 1% broken (a few minutes).
soak: $(STAMP)
	$(BIN)/python bench/soak.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
