"""The layering contracts in pyproject.toml (checked by `make lint` with import-linter) hold,
and they are not toothless: an upward or sideways import added to the real import graph
breaks them."""

from pathlib import Path

import pytest
from importlinter import configuration
from importlinter.application import use_cases
from importlinter.application.app_config import settings

CONFIG = str(Path(__file__).resolve().parents[2] / "pyproject.toml")


def _lint(monkeypatch, extra_import: tuple[str, str] | None) -> bool:
    configuration.configure()  # what the `lint-imports` command does first
    real = settings.GRAPH_BUILDER

    class Builder:
        def build(self, **options):
            graph = real.build(**options)
            if extra_import is not None:
                importer, imported = extra_import
                graph.add_import(
                    importer=importer,
                    imported=imported,
                    line_number=1,
                    line_contents=f"import {imported}",
                )
            return graph

    monkeypatch.setitem(settings._config, "GRAPH_BUILDER", Builder())
    return use_cases.lint_imports(config_filename=CONFIG, cache_dir=None, no_logo=True)


def test_layering_contracts_hold_for_the_code_as_it_is(monkeypatch):
    assert _lint(monkeypatch, None) == use_cases.SUCCESS


@pytest.mark.parametrize(
    "importer,imported",
    [
        ("semilla.notifications", "cohorts.models"),  # the base imports an app
        ("cohorts.services", "mentors.models"),  # upward
        ("mentors.selectors", "pitchday.models"),  # sideways
        ("cohorts.views", "curriculum.models"),  # the old cycle
        ("pitchday.models", "pitchday.services"),  # inside an app: models -> services
        ("mentors.selectors", "mentors.views"),  # inside an app: selectors -> views
        ("curriculum.selectors", "community.models"),  # curriculum under community
    ],
)
def test_layering_contracts_refuse_an_import_against_the_layers(monkeypatch, importer, imported):
    assert _lint(monkeypatch, (importer, imported)) == use_cases.FAILURE
