"""The deployment files: what Heroku-style builders and the Dockerfile install, and how they start the bot."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def _pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"requirements.txt pins every package exactly: {line!r}"
            pins[canonicalize_name(name)] = version
    return pins


def test_requirements_pin_every_runtime_dependency_within_its_range() -> None:
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    pins = _pins()
    for spec in project["dependencies"]:
        requirement = Requirement(spec)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is in pyproject.toml but not in requirements.txt: run `make lock`"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]} is outside {requirement.specifier}"
    assert "psycopg-binary" in pins, "the slim image has no libpq: psycopg's binary wheel brings its own"


def test_runtime_installs_pull_no_dev_tool() -> None:
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    dev = {canonicalize_name(Requirement(spec).name) for spec in project["optional-dependencies"]["dev"]}
    assert dev & set(_pins()) == set()
    assert "-e" not in (ROOT / "requirements.txt").read_text()


def test_python_version_file_satisfies_requires_python() -> None:
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    version = (ROOT / ".python-version").read_text().strip()
    assert re.fullmatch(r"3\.\d+", version), "Heroku-style builders read a major.minor version"
    assert SpecifierSet(project["requires-python"]).contains(f"{version}.0")


def test_the_procfile_runs_a_web_process_for_webhook_mode() -> None:
    lines = dict(line.split(":", 1) for line in (ROOT / "Procfile").read_text().splitlines() if line.strip())
    assert lines["web"].strip() == "python -m bot"


def test_the_dockerfile_installs_the_requirements_and_runs_as_a_non_root_user() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    runs = re.findall(r"^RUN (.+)$", dockerfile, re.M)
    assert any("pip install -r requirements.txt" in run for run in runs)
    assert not any("[dev]" in run or "pytest" in run for run in runs)
    users = re.findall(r"^USER (\S+)$", dockerfile, re.M)
    assert users and users[-1] not in {"root", "0"}
    assert re.findall(r"^CMD (.+)$", dockerfile, re.M) == ['["python", "-m", "bot"]']
