"""The static server the browser tests and the audit use: a dropped connection is quiet, a real error is not."""

from __future__ import annotations

import re
import socket
import struct
import subprocess
import sys
from pathlib import Path

from support import ROOT


def test_a_connection_reset_by_the_browser_prints_nothing(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve_static.py"), str(tmp_path), "--base", "/"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = server.stdout.readline() if server.stdout else ""
        match = re.search(r"127\.0\.0\.1:(\d+)", line)
        assert match, line
        with socket.create_connection(("127.0.0.1", int(match.group(1)))) as client:
            client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            assert client.recv(15) == b"HTTP/1.1 200 OK"
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close with a reset
        with socket.create_connection(("127.0.0.1", int(match.group(1)))) as client:  # the server still serves
            client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert client.recv(15) == b"HTTP/1.1 200 OK"
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=10)
    assert "Traceback" not in errors and "ConnectionResetError" not in errors
