"""Two batches on one registry split the work instead of each parsing every file.

Before a batch hands files to its workers it claims them in the registry's `claims` table
(path, owner, expiry); a file another batch holds a live claim on is put aside, and recording a
file deletes its claim in the same transaction. A batch renews its claims every LEASE / 3
seconds from a thread of its own, so a claim outlives its lease only when its batch is gone: a
batch killed on another machine frees its files after LEASE seconds, one killed on this machine
at once (its process id is checked). Files put aside are looked at again once everything the batch
claimed is recorded (so that two batches never wait for each other): done by the other batch →
counted as such; claim expired or released → claimed and parsed here, in another round; still
held → wait and look again.

Expiries are wall-clock times of the claiming machine: machines sharing a registry need clocks
that agree to well under LEASE (NTP does this).
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from .storage import Execute, Registry, open_registry

LEASE = 120.0  # seconds a claim lives without renewal
POLL = 2.0  # seconds between looks at files another batch holds
CLAIM_BATCH = 64  # files claimed per transaction


def new_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's live process
    return True


class WorkShare:
    """This batch's claims in the registry at `target` (its own connection: the renewing
    thread must not share the writer's)."""

    def __init__(self, target: str, *, lease: float = LEASE, poll: float = POLL) -> None:
        self.owner = new_owner()
        self.lease = lease
        self.poll = poll
        self.registry: Registry = open_registry(target)
        self._lock = threading.Lock()  # the connection is used by the renewing thread too
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._renew_loop, daemon=True)
        self._thread.start()
        self.aside: list[str] = []  # files another batch held when this one came to them
        self.done_elsewhere: set[str] = set()  # files another batch recorded meanwhile

    def _do(self, work: Any) -> Any:
        with self._lock:
            return self.registry.transaction(work)

    def claim(self, paths: list[str], stored: dict[str, tuple[str | None, str]]) -> list[str]:
        """The subset of `paths` this batch now holds (free, expired, or its own already) and
        must parse. A file recorded since `stored` was read (by a batch that has released it)
        is not taken: it goes to `done_elsewhere`, and `stored` learns its record."""
        now = time.time()
        expires = now + self.lease

        def take(execute: Execute) -> list[str]:
            won = []
            for path in paths:
                if not execute(
                    "INSERT INTO claims (path, owner, expires) VALUES (?, ?, ?) "
                    "ON CONFLICT (path) DO UPDATE SET owner = excluded.owner, "
                    "expires = excluded.expires "
                    "WHERE claims.expires < ? OR claims.owner = excluded.owner RETURNING path",
                    (path, self.owner, expires, now),
                ):
                    continue
                record = execute("SELECT sha256, status FROM documents WHERE path = ?", (path,))
                if record and record[0] != stored.get(path):
                    stored[path] = record[0]
                    self.done_elsewhere.add(path)
                    execute("DELETE FROM claims WHERE path = ?", (path,))
                else:
                    won.append(path)
            return won

        return list(self._do(take))

    def reap_dead_local_owners(self) -> None:
        """Free the claims of batches on this machine whose process is gone."""
        host = socket.gethostname()

        def reap(execute: Execute) -> None:
            for (owner,) in execute("SELECT DISTINCT owner FROM claims", ()):
                parts = owner.split(":")
                local = len(parts) == 3 and parts[0] == host and parts[1].isdigit()
                if local and not _pid_alive(int(parts[1])):
                    execute("DELETE FROM claims WHERE owner = ?", (owner,))

        self._do(reap)

    def claimed(
        self, files: Iterable[str], stored: dict[str, tuple[str | None, str]]
    ) -> Iterator[str]:
        """Those of `files` this batch claims; the ones other batches hold are put aside for
        `next_round`. Never waits: a batch waiting while it holds claims of its own could wait
        for a batch that waits for it."""
        self.reap_dead_local_owners()
        batch: list[str] = []
        for path in files:
            batch.append(path)
            if len(batch) >= CLAIM_BATCH:
                yield from self._split(batch, stored)
                batch = []
        yield from self._split(batch, stored)

    def next_round(self, stored: dict[str, tuple[str | None, str]]) -> list[str] | None:
        """Files put aside that are now free and claimed by this batch, waiting until some
        are; None when none is left. Call it only when everything claimed so far is recorded."""
        while self.aside:
            self.reap_dead_local_owners()
            waiting = self.aside
            self.aside = []
            free = list(self._split(waiting, stored))
            if free:
                return free
            if self.aside:
                time.sleep(self.poll)
        return None

    def _split(self, batch: list[str], stored: dict[str, tuple[str | None, str]]) -> Iterator[str]:
        """Claim `batch`: yield the files won, put aside those others hold."""
        won = set(self.claim(batch, stored)) if batch else set()
        done = self.done_elsewhere
        self.aside.extend(p for p in batch if p not in won and p not in done)
        yield from (p for p in batch if p in won)

    def release(self, paths: list[str]) -> None:
        """Give up the claims on `paths` (files found unchanged: nothing to record)."""
        if paths:
            self._do(
                lambda execute: [
                    execute("DELETE FROM claims WHERE path = ? AND owner = ?", (p, self.owner))
                    for p in paths
                ]
            )

    def _renew_loop(self) -> None:
        while not self._stop.wait(self.lease / 3):
            try:
                self._do(
                    lambda execute: execute(
                        "UPDATE claims SET expires = ? WHERE owner = ?",
                        (time.time() + self.lease, self.owner),
                    )
                )
            except Exception:  # a missed renewal only shortens the lease; try again later
                continue

    def close(self) -> None:
        """Release every claim left (files handed out but not recorded: interrupted, skipped)."""
        self._stop.set()
        self._thread.join()
        self._do(lambda execute: execute("DELETE FROM claims WHERE owner = ?", (self.owner,)))
        self.registry.close()
