"""Reading a file we were pointed at (a snippet, a connection file, a lesson): bounded in size,
and never a device or a pipe, which could be read forever or block the open itself."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class UnreadableFile(OSError):
    """The file cannot be read as asked; the message says why, for the learner."""


def _kind(mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return None


def read_bytes(path: str | Path, limit: int) -> bytes:
    """The whole of a regular file of at most `limit` bytes; UnreadableFile otherwise."""
    try:
        # O_NONBLOCK: opening a FIFO would wait for a writer; the check below refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise UnreadableFile("no such file") from None
    except IsADirectoryError:
        raise UnreadableFile("that is a folder, not a file") from None
    except OSError as exc:
        raise UnreadableFile(exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        kind = _kind(info.st_mode)
        if kind is not None:
            raise UnreadableFile(f"that is {kind}, not a file")
        if info.st_size > limit:
            raise UnreadableFile(f"the file is {_size(info.st_size)}; at most {_size(limit)}")
        chunks = []
        total = 0
        while True:  # the size can grow while it is read: stop at the limit regardless
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UnreadableFile(f"the file is larger than {_size(limit)}")
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
        raise UnreadableFile(f"not valid UTF-8 (line {line})") from None


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1000:
        return f"{n / 1000:.0f} kB"
    return f"{n} bytes"
