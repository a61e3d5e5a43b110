"""The bounded reader: regular files only, links never followed, at most ``limit`` bytes read."""

from __future__ import annotations

import os

import pytest

from edition.content.contributed import reader
from edition.content.contributed.reader import TooLarge, Unreadable, read_bounded

LIMIT = 1024


def make(tmp_path, kind):
    path = tmp_path / "n.md"
    if kind == "regular":
        path.write_bytes(b"x" * LIMIT)
    elif kind == "too large":
        path.write_bytes(b"x" * (LIMIT + 1))
    elif kind == "link to a file":
        (tmp_path / "target.md").write_text("secret")
        path.symlink_to(tmp_path / "target.md")
    elif kind == "link to /dev/zero":
        path.symlink_to("/dev/zero")
    elif kind == "dangling link":
        path.symlink_to(tmp_path / "nowhere")
    elif kind == "named pipe":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        return "/dev/null"
    return path


@pytest.mark.parametrize(
    "kind, error",
    [
        ("regular", None),
        ("too large", "is 1 KB"),
        ("link to a file", "is a symbolic link, not a regular file"),
        ("link to /dev/zero", "is a symbolic link, not a regular file"),
        ("dangling link", "is a symbolic link, not a regular file"),
        ("named pipe", "is a named pipe, not a regular file"),
        ("folder", "is a folder, not a regular file"),
        ("device", "is a device, not a regular file"),
        ("missing", "cannot be read (No such file or directory)"),
    ],
)
def test_only_regular_files_within_the_limit_are_read(tmp_path, kind, error):
    path = make(tmp_path, kind)
    if error is None:
        assert read_bounded(path, LIMIT) == b"x" * LIMIT
        return
    with pytest.raises(Unreadable) as caught:
        read_bounded(path, LIMIT)
    assert caught.value.reason == error


def test_a_file_larger_than_its_size_said_is_read_no_further_than_the_limit(tmp_path, monkeypatch):
    """A file that grows after the size check (here: a size that lies) costs at most ``limit + 1`` bytes."""
    path = tmp_path / "n.md"
    path.write_bytes(b"x" * (50 * LIMIT))
    real = os.lstat

    class Small:
        def __init__(self, info):
            self.st_mode, self.st_size = info.st_mode, 10

    monkeypatch.setattr(reader.os, "lstat", lambda p: Small(real(p)))
    reads = []
    real_read = os.read
    monkeypatch.setattr(reader.os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    with pytest.raises(TooLarge) as caught:
        read_bounded(path, LIMIT)
    assert caught.value.size == LIMIT + 1
    assert sum(reads) <= LIMIT + 1


def test_a_link_swapped_in_after_the_check_is_not_followed(tmp_path, monkeypatch):
    """``O_NOFOLLOW``: the open fails on a link even when the ``lstat`` saw a regular file."""
    (tmp_path / "target.md").write_text("secret")
    path = tmp_path / "n.md"
    path.symlink_to(tmp_path / "target.md")
    real = os.lstat
    monkeypatch.setattr(reader.os, "lstat", lambda p: real(tmp_path / "target.md"))
    with pytest.raises(Unreadable) as caught:
        read_bounded(path, LIMIT)
    assert caught.value.reason.startswith("cannot be read (Too many levels of symbolic links")
