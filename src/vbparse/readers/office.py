"""Word 97-2003 .doc, .rtf and OpenDocument .odt: converted to .docx by LibreOffice, then read
by the .docx reader, so that the header table, numbering and fonts survive.

LibreOffice runs headless in its own process group, with a throw-away profile private to the
process and a timeout; the profile and the output are removed afterwards, and those left by a
killed process are removed (with any LibreOffice still on them) at the next conversion.
Several files are converted by one LibreOffice start (`prefetch`): a start costs more than a
conversion. A batch worker keeps one LibreOffice running for its whole life (`keep_running`):
each conversion is handed to it, and it is restarted when it has died or hung.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

from .base import RawDocument, ReadError

TIMEOUT = 60  # seconds
INSTALL_HINT = "apt-get install libreoffice-writer-nogui"
_EXT = {"doc": ".doc", "rtf": ".rtf", "odt": ".odt"}
# The import filter is named, so that a damaged file is refused instead of being opened by
# LibreOffice's fallback as plain text (which "succeeds" with garbage).
_FILTERS = {"doc": "MS Word 97", "rtf": "Rich Text Format", "odt": "writer8"}


def soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        exe = shutil.which(name)
        if exe:
            return exe
    return None


def _format_of(path: Path, data: bytes) -> str:
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"PK\x03\x04"):
        return "odt"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    ext = path.suffix.lower().lstrip(".")
    return ext if ext in _EXT else "doc"


def convert_to_docx(path: Path, data: bytes, fmt: str) -> bytes:
    """The file as .docx bytes, converted by LibreOffice; ReadError when that is not possible."""
    ready = _converted.pop(_key(data), None)
    if ready is not None:
        return ready
    name = str(path)
    exe = _require_soffice(name, fmt)
    with _workspace() as (tmp, profile):
        src = tmp / f"input{_EXT.get(fmt, '.' + fmt)}"  # a plain name: no shell or option surprises
        src.write_bytes(data)
        try:
            returncode, stdout, stderr = _convert(exe, profile, tmp, fmt, [src], TIMEOUT)
        except subprocess.TimeoutExpired as exc:
            raise ReadError(
                name, "timeout", f"LibreOffice did not convert the .{fmt} file within {TIMEOUT} s"
            ) from exc
        except OSError as exc:
            raise ReadError(
                name, "missing_tool", f"LibreOffice could not be started ({exc}): {INSTALL_HINT}"
            ) from exc
        out = tmp / "out" / "input.docx"
        if returncode != 0 or not out.exists() or out.stat().st_size == 0:
            detail = (stderr or stdout or b"").decode("utf-8", "replace").strip().splitlines()
            why = detail[-1] if detail else f"exit code {returncode}, no .docx written"
            raise ReadError(
                name,
                "corrupt",
                f"LibreOffice cannot open this .{fmt} file (damaged or not a {fmt}): {why}",
            )
        return out.read_bytes()


# .docx bytes converted ahead by `prefetch`, by the sha256 of the original bytes; taken (and
# dropped) by the file's own read.
_converted: dict[str, bytes] = {}


def _key(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def prefetch(paths: list[str] | list[Path]) -> int:
    """Convert the .doc/.rtf/.odt files among `paths` with one LibreOffice start per format,
    instead of one per file (a start is most of a conversion's time). Files that fail here are
    left alone: their own read converts them again and reports why. Returns files converted."""
    from . import sniff_format

    groups: dict[str, list[tuple[Path, bytes]]] = {}
    for name in paths:
        p = Path(name)
        try:
            with p.open("rb") as f:
                head = f.read(512)
                fmt = sniff_format(p, head)
                if fmt in _FILTERS:  # only office files are read whole here
                    groups.setdefault(fmt, []).append((p, head + f.read()))
        except OSError:
            continue
    exe = soffice()
    done = 0
    for fmt, files in groups.items():
        if exe is None or len(files) < 2:
            continue
        with _workspace() as (tmp, profile):
            sources = []
            for n, (_p, data) in enumerate(files):
                src = tmp / f"input{n}{_EXT[fmt]}"
                src.write_bytes(data)
                sources.append(src)
            try:
                _convert(exe, profile, tmp, fmt, sources, TIMEOUT + 10 * len(files))
            except (subprocess.TimeoutExpired, OSError):
                continue  # each file is converted on its own when it is read
            for src, (_p, data) in zip(sources, files, strict=True):
                out = tmp / "out" / f"{src.stem}.docx"
                if out.exists() and out.stat().st_size:
                    _converted[_key(data)] = out.read_bytes()
                    done += 1
    return done


def _require_soffice(name: str, fmt: str) -> str:
    exe = soffice()
    if exe is None:
        raise ReadError(name, "missing_tool", f"reading .{fmt} needs LibreOffice: {INSTALL_HINT}")
    return exe


# Temporary folders carry the owner's pid, so that a later run can tell those of a process that
# was killed (kill -9 leaves no chance to clean up) and remove them with their LibreOffice.
_PREFIXES = ("vbparse-lo-", "vbparse-conv-")


@contextlib.contextmanager
def _workspace() -> Iterator[tuple[Path, Path]]:
    """A work folder and a LibreOffice profile private to this process (parallel conversions
    with one shared profile block each other), both removed afterwards."""
    sweep_stale()
    pid = os.getpid()
    tmp = Path(tempfile.mkdtemp(prefix=f"vbparse-conv-{pid}-"))
    profile = Path(tempfile.gettempdir()) / f"vbparse-lo-{pid}-{uuid.uuid4().hex}"
    try:
        (tmp / "out").mkdir()
        yield tmp, profile
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale() -> list[Path]:
    """Remove the work folders and profiles of vbparse processes that no longer exist, after
    killing any LibreOffice still running on them. Returns the folders removed."""
    removed = []
    for folder in Path(tempfile.gettempdir()).iterdir():
        prefix = next((p for p in _PREFIXES if folder.name.startswith(p)), None)
        owner = folder.name[len(prefix) :].split("-", 1)[0] if prefix else ""
        if not owner.isdigit() or _alive(int(owner)):
            continue
        _kill_users_of(str(folder))
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _kill_users_of(folder: str) -> None:
    """SIGKILL every process whose command line names `folder` (an orphaned soffice.bin)."""
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if folder.encode() in cmdline:
            with contextlib.suppress(OSError):
                os.kill(int(proc.name), signal.SIGKILL)


def _convert(
    exe: str, profile: Path, tmp: Path, fmt: str, sources: list[Path], timeout: float
) -> tuple[int, bytes, bytes]:
    resident = _resident.get("office")
    if resident is not None:
        return resident.convert(exe, tmp, fmt, sources, timeout)
    note_start(profile)
    return _run(_convert_cmd(exe, profile, tmp, fmt, sources), _env(tmp), timeout)


def _convert_cmd(exe: str, profile: Path, tmp: Path, fmt: str, sources: list[Path]) -> list[str]:
    return [
        exe,
        "--headless",
        "--norestore",
        "--nologo",
        "--nodefault",
        f"-env:UserInstallation={profile.as_uri()}",
        f"--infilter={_FILTERS.get(fmt, 'MS Word 97')}",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(tmp / "out"),
        *map(str, sources),
    ]


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, HOME=str(home))  # LibreOffice writes next to $HOME on first run


# --- one LibreOffice for a worker's life ---------------------------------------------------------

STARTS_LOG = "VBPARSE_OFFICE_STARTS_LOG"  # a file each LibreOffice start is noted in (tests)
starts = 0  # LibreOffice starts in this process


def note_start(profile: Path) -> None:
    global starts
    starts += 1
    log = os.environ.get(STARTS_LOG)
    if log:
        with contextlib.suppress(OSError), open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()} {profile}\n")


_resident: dict[str, _Resident] = {}


def keep_running() -> None:
    """From now on this process converts through one LibreOffice kept running (started at the
    first office file), its profile private to the process and removed when the process ends:
    a batch worker pays one start, not one per file or per chunk."""
    if "office" not in _resident:
        _resident["office"] = _Resident()
        atexit.register(stop_resident)
        # Pool workers leave through multiprocessing's exit, which runs its finalisers, not
        # atexit's.
        import multiprocessing.util

        multiprocessing.util.Finalize(None, stop_resident, exitpriority=10)


def stop_resident() -> None:
    resident = _resident.pop("office", None)
    if resident is not None:
        resident.close()


class _Resident:
    """A LibreOffice started once and kept alive by a document it holds open (one that has
    nothing open quits after its first conversion); each conversion is a short `soffice
    --convert-to` call with the same profile, which hands the work to the running one."""

    def __init__(self) -> None:
        pid = os.getpid()
        self.home = Path(tempfile.mkdtemp(prefix=f"vbparse-conv-{pid}-"))
        self.profile = Path(tempfile.gettempdir()) / f"vbparse-lo-{pid}-{uuid.uuid4().hex}"
        self.pipe = f"vbparse{pid}x{uuid.uuid4().hex[:12]}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.lock = threading.Lock()  # a Dask worker runs tasks in threads

    def convert(
        self, exe: str, tmp: Path, fmt: str, sources: list[Path], timeout: float
    ) -> tuple[int, bytes, bytes]:
        with self.lock:
            self._ensure(exe, timeout)
            try:
                return _run(
                    _convert_cmd(exe, self.profile, tmp, fmt, sources), _env(self.home), timeout
                )
            except BaseException:  # hung (timeout), or the file's time limit: start afresh
                self._kill()
                raise

    def _ensure(self, exe: str, timeout: float) -> None:
        if self.proc is not None and self.proc.poll() is None:
            return
        self._kill()  # a crashed one: its profile may hold a stale lock
        keep = self.home / "keep-alive.txt"
        keep.write_bytes(b"")
        cmd = [
            *(exe, "--headless", "--norestore", "--nologo", "--nodefault"),
            f"--accept=pipe,name={self.pipe};urp;",
            f"-env:UserInstallation={self.profile.as_uri()}",
            str(keep),
        ]
        self.proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_env(self.home),
            start_new_session=True,
        )
        note_start(self.profile)
        # Ready once its UNO pipe is there; a conversion sent before would start a second one.
        ready = self._pipe()
        deadline = time.monotonic() + timeout
        while not ready.exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self._kill()
                raise subprocess.TimeoutExpired(cmd, timeout)
            time.sleep(0.05)

    def _kill(self) -> None:
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            self.proc = None
        shutil.rmtree(self.profile, ignore_errors=True)
        with contextlib.suppress(OSError):  # a killed one leaves its pipe: not a sign of life
            self._pipe().unlink()

    def _pipe(self) -> Path:
        return Path("/tmp") / f"OSL_PIPE_{os.getuid()}_{self.pipe}"

    def close(self) -> None:
        with self.lock:
            self._kill()
        shutil.rmtree(self.home, ignore_errors=True)


def _run(cmd: list[str], env: dict[str, str], timeout: float = TIMEOUT) -> tuple[int, bytes, bytes]:
    """Run LibreOffice in its own process group; on timeout kill the whole group (soffice
    starts soffice.bin as a child, which a plain kill would leave running)."""
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    return proc.returncode, stdout, stderr


def read(path: Path, data: bytes) -> RawDocument:
    from . import docx as docx_reader

    fmt = _format_of(path, data)
    converted = convert_to_docx(path, data, fmt)
    try:
        raw = docx_reader.read(path, converted)
    except ReadError as exc:
        raise ReadError(
            str(path),
            "corrupt",
            f"LibreOffice converted the .{fmt} file to an unreadable .docx: {exc.message}",
        ) from exc
    raw.format = fmt
    raw.warnings.append(f"read through LibreOffice (.{fmt} → .docx)")
    return raw
