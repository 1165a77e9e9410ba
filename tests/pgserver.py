"""A throwaway PostgreSQL server for the tests: Debian's `postgresql` package, run as an unprivileged user.

The suite starts one server per session on a free loopback port, in a temporary directory, and gives
each test its own database. On a machine without the server, a root run installs the Debian package
(`apt-get install postgresql`, a few seconds); elsewhere the PostgreSQL tests are skipped with the reason.
PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user (`runuser`).
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

INSTALL_TIMEOUT_S = 300


class Unavailable(Exception):
    """Why no PostgreSQL server can run here (the tests that need one are skipped with this reason)."""


def _bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    candidates = [Path(found).resolve().parent] if found else []
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
    candidates += [Path(p) for p in versions]
    return next((c for c in candidates if (c / "initdb").exists() and (c / "pg_ctl").exists()), None)


def _install() -> None:
    """Debian's package, as root: the tests bring what they need on a fresh machine."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise Unavailable("PostgreSQL is not installed and cannot be installed here (needs root and apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "postgresql"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=INSTALL_TIMEOUT_S)
        if done.returncode != 0:
            raise Unavailable(f"`{' '.join(command)}` failed: {done.stderr.strip()[-300:]}")


def _scratch_dir(durable: bool) -> str | None:
    """Where a throwaway cluster lives: in memory (tmpfs /dev/shm) where there is one, since every test's
    database is a copy of the template, and creating and deleting those files on a disk is most of what
    the PostgreSQL tests wait for (100 copies: 18 s on ext4, 2 s on tmpfs). A durable one (benchmarks
    measuring fsync) stays on disk."""
    shm = Path("/dev/shm")
    if durable or not shm.is_dir() or not os.access(shm, os.W_OK):
        return None
    return str(shm)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Server:
    """One running cluster; `database()` makes a fresh, empty database and returns its URL."""

    bin_dir: Path
    root: Path
    port: int
    run_as: str | None
    _names: Iterator[int] = field(default_factory=itertools.count)

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, name: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    _template: str | None = None

    def database(self) -> str:
        """A fresh database already at the latest migration: a copy of one migrated once per session (the
        migrations themselves run for real, on the template; copying it is cheaper than migrating again)."""
        import psycopg

        if self._template is None:
            self._template = self._migrated_template()
        name = f"test_{next(self._names)}"
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self._template}"')
        return self.url(name)

    def _migrated_template(self) -> str:
        import asyncio
        import threading

        import psycopg

        from bot.storage.postgres import PostgresStorage

        name = "setcoach_template"
        with psycopg.connect(self.admin_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')

        async def migrate() -> None:
            await (await PostgresStorage.open(self.url(name))).close()

        failure: list[BaseException] = []

        def run() -> None:  # its own thread: the caller may be inside a running event loop
            try:
                asyncio.run(migrate())
            except BaseException as error:
                failure.append(error)

        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
        if failure:
            raise failure[0]
        with psycopg.connect(self.url(name), autocommit=True) as db:  # each copy starts with no owner or lease
            db.execute("DELETE FROM meta")
        return name

    def command(self, *argv: str) -> list[str]:
        return ["runuser", "-u", self.run_as, "--", *argv] if self.run_as else list(argv)

    def stop(self) -> None:
        subprocess.run(
            self.command(str(self.bin_dir / "pg_ctl"), "stop", "-D", str(self.root / "data"), "-m", "immediate"),
            capture_output=True,
            timeout=30,
        )
        shutil.rmtree(self.root, ignore_errors=True)


PORT_ATTEMPTS = 3  # a free port can be taken by someone else between the probe and the server's bind


def start(durable: bool = False, name: str = "") -> Server:
    """initdb + pg_ctl start on a temporary directory; raises Unavailable with the reason if it cannot.

    `durable` keeps fsync on (benchmarks); tests turn it off, their data is thrown away. `name` goes into
    the directory's name (the test worker's id, so each of `pytest -n` workers has a cluster of its own,
    each on its own free port)."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        _install()
        bin_dir = _bin_dir()
        if bin_dir is None:
            raise Unavailable("installed the postgresql package but found no initdb")
    run_as = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError as error:
            raise Unavailable("running as root and there is no `postgres` user to run the server as") from error
        run_as = "postgres"
    prefix = f"setcoach-pg-{name}-" if name else "setcoach-pg-"
    root = Path(tempfile.mkdtemp(prefix=prefix, dir=_scratch_dir(durable)))
    os.chmod(root, 0o755)
    if run_as:
        shutil.chown(root, run_as)
    server = Server(bin_dir=bin_dir, root=root, port=0, run_as=run_as)
    data = root / "data"
    fast = "" if durable else " -c fsync=off -c full_page_writes=off"

    def run(step: list[str]) -> str | None:
        """None when the step worked, else why not (its stderr and the server's log)."""
        done = subprocess.run(server.command(*step), capture_output=True, text=True, timeout=60)
        if done.returncode == 0:
            return None
        log = (root / "log").read_text() if (root / "log").exists() else ""
        return f"`{Path(step[0]).name}` failed: {(done.stderr + log).strip()[-500:]}"

    failure = run(
        [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]
    )
    for _ in range(PORT_ATTEMPTS):
        if failure is not None:
            break
        server.port = _free_port()
        failure = run([
            str(bin_dir / "pg_ctl"), "start", "-w", "-t", "30", "-D", str(data), "-l", str(root / "log"),
            # Throwaway data: no fsync. The code's durability does not depend on it (each write commits).
            "-o", f"-p {server.port} -h 127.0.0.1 -k {root} -c max_connections=200{fast}",
        ])  # fmt: skip
        if failure is None:
            return server
        if "could not bind" not in failure and "already in use" not in failure:
            break
        failure = None  # the port was taken meanwhile: another one
        (root / "log").unlink(missing_ok=True)
    shutil.rmtree(root, ignore_errors=True)
    raise Unavailable(failure or f"no free port for PostgreSQL after {PORT_ATTEMPTS} tries")


@contextmanager
def running() -> Iterator[Server]:
    server = start()
    try:
        yield server
    finally:
        server.stop()
