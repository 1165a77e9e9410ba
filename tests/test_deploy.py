"""The deployment files: what Heroku-style builders and the Dockerfile install, and how they start the bot."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tomllib
from pathlib import Path

import aiohttp
import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from bot.storage import Storage, open_backend
from tests.botapi import FakeBotAPI
from tests.conftest import TOKEN
from tests.databases import Database

ROOT = Path(__file__).resolve().parent.parent
LIFTER = 5150


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


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


# The Dockerfile's command, run from exactly the files it copies, with its environment ----------------


def _dockerfile() -> tuple[list[str], dict[str, str], list[str]]:
    """(paths it copies, ENV it sets, CMD) as the image would have them."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    copies = [part for line in re.findall(r"^COPY (.+)$", text, re.M) for part in line.split()[:-1]]
    env: dict[str, str] = {}
    for line in re.findall(r"^ENV (.+)$", text, re.M):
        env.update(dict(re.findall(r"(\w+)=(\S+)", line)))
    (cmd,) = re.findall(r"^CMD (.+)$", text, re.M)
    return copies, env, json.loads(cmd)


async def test_the_image_command_runs_from_the_copied_files_and_answers_on_both_backends(
    bot_api: FakeBotAPI, database: Database, tmp_path: Path
) -> None:
    copies, image_env, cmd = _dockerfile()
    app = tmp_path / "app"
    app.mkdir()
    for path in copies:
        source = ROOT / path
        if source.is_dir():
            shutil.copytree(source, app / path, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, app / path)
    port = _free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("SETCOACH_", "DATABASE_URL"))}
    env |= {**image_env, **database.env(), "PORT": str(port), "SETCOACH_HOST": "127.0.0.1",
            "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": bot_api.base_url}  # fmt: skip
    env["PYTHONSAFEPATH"] = ""  # the app directory first, as WORKDIR /app makes it in the image
    assert cmd[0] == "python"
    process = await asyncio.create_subprocess_exec(
        sys.executable, *cmd[1:], cwd=app, env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL, stderr=(tmp_path / "log").open("wb"),
    )  # fmt: skip
    try:
        await bot_api.wait_for(lambda: bot_api.started() > 0, 30)
        await bot_api.send_text(LIFTER, "bench 100kg 3x8 @8")
        (reply,) = await bot_api.wait_for_replies(LIFTER, 1, timeout=20)
        assert "Bench Press" in reply
        async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/healthz") as answer:
            assert answer.status == 200  # what the image's HEALTHCHECK asks
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), timeout=15) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    loaded = (tmp_path / "log").read_text()
    assert "SetCoach is up" in loaded
    assert database.rows("SELECT count(*) FROM sets WHERE user_id = ?", (LIFTER,)) == [(3,)]


@pytest.mark.skipif(not os.environ.get("CI"), reason="installs a fresh venv (~30 s): runs in CI (CI=1 to run here)")
def test_the_image_install_step_gives_a_runtime_with_no_dev_tools(tmp_path: Path) -> None:
    """The Dockerfile's `pip install -r requirements.txt` in a fresh venv: every module imports, no dev tool."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-r", str(ROOT / "requirements.txt")],
        check=True, timeout=600,
    )  # fmt: skip
    modules = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for package in ("bot", "handlers", "rules")
        for path in (ROOT / package).rglob("*.py")
    )
    probe = f"import importlib; [importlib.import_module(m) for m in {modules!r}]"
    subprocess.run([str(python), "-c", probe], check=True, cwd=ROOT, timeout=120)
    installed = subprocess.run([str(python), "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True)
    names = {canonicalize_name(line.split("==")[0]) for line in installed.stdout.splitlines()}
    assert names.isdisjoint({"pytest", "ruff", "mypy", "hypothesis", "pytest-asyncio"})


# python -m bot migrate-db ---------------------------------------------------------------------------


async def test_migrate_db_copies_an_sqlite_database_into_postgresql(
    tmp_path: Path, postgres_server: object
) -> None:
    if isinstance(postgres_server, str):
        pytest.skip(f"no PostgreSQL server here: {postgres_server}")
    url = postgres_server.database()  # type: ignore[attr-defined]
    db_path = tmp_path / "old.db"
    chat = "bench 100kg 3x8 @8\nlat raise 10kg 12+4+3 rir1\n/start\nsquat 140kg 5\n/checkin\nelbow 2\n"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--db", str(db_path)], input=chat, capture_output=True, text=True,
        cwd=ROOT, timeout=120, env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    sqlite_side = await Storage.open(db_path)
    before = [await sqlite_side.all_sets(1), await sqlite_side.user(1), await sqlite_side.count_messages(1)]
    await sqlite_side.close()

    heroku_style = url.replace("postgresql://", "postgres://")
    copy = [sys.executable, "-m", "bot", "migrate-db", "--db", str(db_path), "--to", heroku_style]
    moved = subprocess.run(copy, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert moved.returncode == 0, moved.stdout + moved.stderr
    assert "Copied" in moved.stdout and "DATABASE_URL" in moved.stdout

    postgres_side = await open_backend(url, tmp_path / "unused.db")
    try:
        after = [await postgres_side.all_sets(1), await postgres_side.user(1), await postgres_side.count_messages(1)]
        assert after == before
        _, stored = await postgres_side.arrive(1, 1, 9999, "curl 15kg 12", before[0][-1].performed_at)
        assert stored.is_new and stored.row > max(row.message_row for row in before[0])  # ids go on after the copy
    finally:
        await postgres_side.close()
    again = subprocess.run(copy, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert again.returncode == 1 and "already holds 1 lifters" in again.stdout  # never merged into


def test_an_env_file_copied_from_the_example_starts_with_the_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.config import Settings

    for name in ("DATABASE_URL", "PORT", "SETCOACH_WEBHOOK_URL", "SETCOACH_DB", "TELEGRAM_BOT_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings(_env_file=ROOT / ".env.example")  # type: ignore[call-arg]
    assert (settings.database_url, settings.port, settings.webhook_url, settings.token) == (None, None, None, None)
