"""What the web tests share: the corpus paths and `vbparse serve` run as a real process."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "seed" / "kh-36-thbtd.txt"
PLANS = ROOT / "corpus" / "plans"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """`vbparse serve` in a child process, as a user starts it."""

    def __init__(self, db: Path, *extra: str) -> None:
        self.port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "vbparse", "serve", "--db", str(db), "--port", str(self.port),
             *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )  # fmt: skip
        self.address = self._wait_for_address()

    def _wait_for_address(self) -> str:
        deadline = time.monotonic() + 60
        assert self.process.stdout is not None
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the server stopped: " + (self.process.stderr.read() or ""))  # type: ignore[union-attr]
            found = re.search(r"open (http://\S+)", line)
            if found:
                return found.group(1).split("/?")[0].rstrip("/")
        raise RuntimeError("the server printed no address in 60 s")

    def stop(self) -> tuple[int, str]:
        """Ctrl-C, as a user stops it; returns the exit code and the rest of its output."""
        import signal

        self.process.send_signal(signal.SIGINT)
        out, _err = self.process.communicate(timeout=30)
        return self.process.returncode, out
