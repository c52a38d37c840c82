"""The exit codes every `vbparse` command shares, and the exceptions of the Python API.

Each exception class carries the exit code the command line ends with when it escapes, so the
CLI needs no table of its own: `UsageError` → 2, `InputError` (and its kinds) → 3, anything
else → 4 (internal error: one line, the traceback only under --verbose).

A reader's failure is a `ReadError` subclass chosen by its stable kind (`FileNotFound`,
`EmptyFile`, …): callers catch the class, never compare `kind` strings.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    """What `vbparse` returns to the shell (docs/cli.md)."""

    OK = 0  # done
    FINDINGS = 1  # findings, a threshold not met, or some files of several failed
    USAGE = 2  # bad usage: unknown option, bad value, nothing to do
    UNREADABLE = 3  # the input cannot be read (missing, empty, corrupt, not a registry …)
    INTERNAL = 4  # a bug in vbparse: one-line message; --verbose shows the traceback


class VbparseError(Exception):
    """Base of every error vbparse raises on purpose."""

    exit_code: ExitCode = ExitCode.INTERNAL


class MessageError(Exception):
    """An error whose text is a catalogue message (messages.py): `key` and `params`, shown in the
    reader's language by `text(lang)` at the command line; str() is the English, for logs and
    the Python API."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, lang: str) -> str:
        from .messages import render

        return render(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.text("en")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.key, self.params))


def _rebuild(cls: type[MessageError], key: str, params: dict[str, Any]) -> MessageError:
    return cls(key, **params)


class UsageError(VbparseError, ValueError):
    """A bad argument: an unknown role mode, a threshold out of range, no input."""

    exit_code = ExitCode.USAGE


class SettingsError(MessageError, UsageError):
    """A settings file or --set value that cannot be used (vbparse.settings)."""


class InputError(VbparseError):
    """An input (document, registry, parent plan) cannot be used; names the file and why."""

    exit_code = ExitCode.UNREADABLE

    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ReadError(InputError):
    """A file could not be read. `kind` is a short stable code (kept for JSON and registries);
    the class says the same for Python callers: ReadError("x", "empty", …) is an EmptyFile."""

    kind_name = ""

    def __new__(cls, path: str, kind: str, message: str) -> Any:
        if cls is ReadError:
            cls = READ_ERROR_KINDS.get(kind, ReadError)
        return super().__new__(cls)

    def __init__(self, path: str, kind: str, message: str) -> None:
        # One line whatever the cause says (lxml's messages run over several): an error is
        # printed as one line per file.
        message = " ".join(message.split())
        super().__init__(path, message)
        self.args = (path, kind, message)
        self.kind = kind

    def __reduce__(self) -> tuple[Any, ...]:
        # Worker processes send these back: rebuild from the three fields, not from str(self).
        return (ReadError, self.args)


class FileNotFound(ReadError):
    """No such file."""


class NotAFile(ReadError):
    """A folder where a document was expected."""


class EmptyFile(ReadError):
    """The file has no bytes."""


class BinaryFile(ReadError):
    """Bytes that are no document format vbparse reads."""


class CorruptFile(ReadError):
    """A known format, damaged (or encrypted)."""


class EncodingFailure(ReadError):
    """Text whose encoding cannot be decoded."""


class NoText(ReadError):
    """A file with no text in it (an empty PDF, a blank page)."""


class EncryptedFile(ReadError):
    """A password-protected file."""


class TooLarge(ReadError):
    """A file beyond the size vbparse reads."""


class ReadTimeout(ReadError):
    """A converter (LibreOffice) took too long."""


class MissingTool(ReadError):
    """A reader needs a program that is not installed (LibreOffice, Tesseract)."""


class Unreadable(ReadError):
    """The operating system refused to read the file."""


READ_ERROR_KINDS: dict[str, type[ReadError]] = {
    "not_found": FileNotFound,
    "is_directory": NotAFile,
    "not_regular": NotAFile,
    "link_loop": NotAFile,
    "dangling_link": FileNotFound,
    "empty": EmptyFile,
    "binary": BinaryFile,
    "corrupt": CorruptFile,
    "encrypted": EncryptedFile,
    "too_large": TooLarge,
    "timeout": ReadTimeout,
    "encoding": EncodingFailure,
    "no_text": NoText,
    "no_pages": NoText,
    "missing_tool": MissingTool,
    "unreadable": Unreadable,
}


def describe(exc: BaseException, lang: str = "vi", *, verbose: bool = False) -> str:
    """One line for a failure: the file and why, in `lang` (vi: the reason in Vietnamese words;
    --verbose adds the reader's own English detail). A checker's InputError raised while a
    reader failed speaks as that reader's error."""
    from .messages import read_error_text, render

    cause = exc.__context__
    if (
        isinstance(exc, InputError)
        and not isinstance(exc, ReadError)
        and isinstance(cause, ReadError)
    ):
        exc = cause
    if isinstance(exc, ReadError):
        reason = read_error_text(exc.kind, exc.message, lang)
        if verbose and reason != exc.message:
            reason += f" ({exc.message})"
        return f"{exc.path}: {reason}"
    if isinstance(exc, MessageError):
        return exc.text(lang)
    key = getattr(exc, "key", None)
    if isinstance(exc, InputError) and key:
        return f"{exc.path}: {render(key, lang, **getattr(exc, 'params', {}))}"
    if isinstance(exc, (InputError, UsageError)):
        return str(exc)  # says what is wrong; no "internal error" around it
    return render("cli.internal", lang, error=f"{type(exc).__name__}: {exc}")
