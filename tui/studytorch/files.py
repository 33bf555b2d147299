"""Reading a file we were pointed at (a snippet, a connection file, a lesson): bounded in size,
and never a device or a pipe, which could be read forever or block the open itself."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from studytorch.notice import Notice


class UnreadableFile(OSError):
    """The file cannot be read as asked; the message says why in English (`run --json`), and
    `notice` says it in the catalogue's words, so a Korean learner reads Korean."""

    def __init__(self, message: str, notice: Notice | None = None) -> None:
        super().__init__(message)
        self.notice = notice or Notice("file.os_error", {"reason": message})


def _not_a_file(key: str) -> UnreadableFile:
    english = {"folder": "a folder", "pipe": "a pipe (FIFO)", "device": "a device"}
    return UnreadableFile(
        f"that is {english.get(key, 'a socket')}, not a file", Notice(f"file.{key}")
    )


def _kind(mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return None


def read_bytes(path: str | Path, limit: int) -> bytes:
    """The whole of a regular file of at most `limit` bytes; UnreadableFile otherwise."""
    try:
        # O_NONBLOCK: opening a FIFO would wait for a writer; the check below refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise UnreadableFile("no such file", Notice("file.missing")) from None
    except IsADirectoryError:
        raise _not_a_file("folder") from None
    except OSError as exc:
        raise UnreadableFile(exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        kind = _kind(info.st_mode)
        if kind is not None:
            raise _not_a_file(kind)
        if info.st_size > limit:
            size, most = _size(info.st_size), _size(limit)
            raise UnreadableFile(
                f"the file is {size}; at most {most}",
                Notice("file.too_big", {"size": size, "limit": most}),
            )
        chunks = []
        total = 0
        while True:  # the size can grow while it is read: stop at the limit regardless
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                most = _size(limit)
                raise UnreadableFile(
                    f"the file is larger than {most}", Notice("file.grew", {"limit": most})
                )
        return b"".join(chunks)
    except UnreadableFile:
        raise
    except OSError as exc:
        raise UnreadableFile(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


def read_text(path: str | Path, limit: int) -> str:
    """`read_bytes` decoded as UTF-8; an undecodable file is UnreadableFile too."""
    data = read_bytes(path, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UnreadableFile(
            f"not valid UTF-8 (line {line})", Notice("file.not_utf8", {"line": line})
        ) from None


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1000:
        return f"{n / 1000:.0f} kB"
    return f"{n} bytes"
