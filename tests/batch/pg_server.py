"""A throw-away PostgreSQL server for tests: initdb + pg_ctl in a temporary folder, listening
on a free loopback port, with trust authentication for the one local user.

PostgreSQL refuses to run as root, and CI runs as root: then the server runs as an
unprivileged user (`nobody`, or the owner named by VBPARSE_PG_USER), and its folder is created
outside pytest's root-only temporary tree and handed to that user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "vbparse"


def find_bin_dir() -> Path | None:
    """The newest PostgreSQL bin folder with initdb (Debian puts it outside PATH)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    return Path(candidates[-1]).parent if candidates else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="vbparse-pg-"))
        self.data = self.root / "data"
        self.drop: dict[str, object] = {}  # subprocess arguments that drop root's privileges
        if os.geteuid() == 0:
            entry = pwd.getpwnam(os.environ.get("VBPARSE_PG_USER", "nobody"))
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
            self.drop = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        os.chmod(self.root, 0o700)

    def _run(self, *args: str) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        # The child sets its uid, gid and groups before exec; cwd must be readable by that user.
        result = subprocess.run(
            command, cwd=self.root, env=env, capture_output=True, text=True, timeout=120,
            **self.drop,  # type: ignore[call-overload]
        )  # fmt: skip
        if result.returncode:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")

    def start(self) -> str:
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8")  # fmt: skip
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                  str(self.root / "server.log"), "-w", "-t", "60", "start")  # fmt: skip
        return self.url("postgres")

    def url(self, database: str) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
