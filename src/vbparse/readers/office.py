"""Word 97-2003 .doc, .rtf and OpenDocument .odt: converted to .docx by LibreOffice, then read
by the .docx reader, so that the header table, numbering and fonts survive.

LibreOffice runs headless with a throw-away profile (parallel conversions with one shared
profile block each other) and a timeout; the profile and the output are removed afterwards.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import uuid
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
    name = str(path)
    exe = soffice()
    if exe is None:
        raise ReadError(name, "missing_tool", f"reading .{fmt} needs LibreOffice: {INSTALL_HINT}")
    tmp = Path(tempfile.mkdtemp(prefix="vbparse-conv-"))
    profile = Path(tempfile.gettempdir()) / f"vbparse-lo-{uuid.uuid4().hex}"
    try:
        src = tmp / f"input{_EXT.get(fmt, '.' + fmt)}"  # a plain name: no shell or option surprises
        src.write_bytes(data)
        outdir = tmp / "out"
        outdir.mkdir()
        cmd = [
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
            str(outdir),
            str(src),
        ]
        env = dict(os.environ, HOME=str(tmp))  # LibreOffice writes next to $HOME on first run
        try:
            returncode, stdout, stderr = _run(cmd, env)
        except subprocess.TimeoutExpired as exc:
            raise ReadError(
                name, "timeout", f"LibreOffice did not convert the .{fmt} file within {TIMEOUT} s"
            ) from exc
        except OSError as exc:
            raise ReadError(
                name, "missing_tool", f"LibreOffice could not be started ({exc}): {INSTALL_HINT}"
            ) from exc
        out = outdir / "input.docx"
        if returncode != 0 or not out.exists() or out.stat().st_size == 0:
            detail = (stderr or stdout or b"").decode("utf-8", "replace").strip().splitlines()
            why = detail[-1] if detail else f"exit code {returncode}"
            raise ReadError(
                name,
                "corrupt",
                f"LibreOffice cannot open this .{fmt} file (damaged or not a {fmt}): {why}",
            )
        return out.read_bytes()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)


def _run(cmd: list[str], env: dict[str, str]) -> tuple[int, bytes, bytes]:
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
        stdout, stderr = proc.communicate(timeout=TIMEOUT)
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
