"""The per-build session: settings, the site listing and the summary line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from edition.features.linkcheck.session import LinkCheck, edit_prefixes, list_site


@pytest.mark.parametrize(
    ("env", "setting", "online"),
    [
        ({}, False, False),
        ({"LINKCHECK_EXTERNAL": "1"}, False, True),
        ({"LINKCHECK_EXTERNAL": "true"}, False, True),
        ({"LINKCHECK_EXTERNAL": "0"}, False, False),
        ({}, True, True),
    ],
)
def test_online_is_opt_in(env: dict[str, str], setting: bool, online: bool, tmp_path: Path) -> None:
    check = LinkCheck(root=str(tmp_path), docs_dir=str(tmp_path / "docs"), online=setting, env=env)
    assert check.online is online


def test_an_offline_check_never_imports_the_online_checker(tmp_path: Path) -> None:
    """Sockets, TLS and threads cost every build 20 ms to import; only a check that goes online needs them."""
    (tmp_path / "site").mkdir()
    code = (
        "import sys\n"
        "from edition.features.linkcheck.session import LinkCheck\n"
        f"check = LinkCheck(root={str(tmp_path)!r}, docs_dir={str(tmp_path / 'docs')!r}, env={{}})\n"
        "check.add_page('index.html', '<a href=\"https://example.org/\">x</a>')\n"
        f"print(check.finish({str(tmp_path / 'site')!r})[1])\n"
        "print(sorted({'ssl', 'http.client', 'edition.features.linkcheck.external'} & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    summary, imported = done.stdout.splitlines()[-2:]
    assert summary.endswith("1 external link skipped (offline)") and imported == "[]", done.stderr


def test_cache_path_and_ttl_are_configurable(tmp_path: Path) -> None:
    check = LinkCheck(root=str(tmp_path), docs_dir=str(tmp_path / "docs"), cache="tmp/links.json", cache_ttl=60, env={})
    assert (check.cache_path, check.online_options().ttl) == (tmp_path / "tmp" / "links.json", 60.0)
    default = LinkCheck(root=str(tmp_path), docs_dir=str(tmp_path / "docs"), env={})
    assert (default.cache_path, default.online_options().ttl) == (tmp_path / ".cache" / "linkcheck.json", 86400.0)


@pytest.mark.parametrize(
    ("repo_url", "edit_uri", "prefixes"),
    [
        ("", "edit/main/docs/", ()),
        (
            "https://git.example.org/o/r",
            "edit/main/docs/",
            ("https://git.example.org/o/r/edit/main/docs/", "https://git.example.org/o/r/raw/main/docs/"),
        ),
    ],
)
def test_edit_prefixes(repo_url: str, edit_uri: str, prefixes: tuple[str, ...]) -> None:
    assert edit_prefixes(repo_url, edit_uri) == prefixes


def test_finish_checks_the_written_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<a href="a/">a</a>')
    (site / "a" / "index.html").write_text('<a href="../b/">b</a><a href="https://example.org/">w</a>')
    assert list_site(str(site)) == {"index.html", "a/index.html"}
    check = LinkCheck(root=str(tmp_path), docs_dir=str(tmp_path / "docs"), env={})
    (tmp_path / "docs" / "a").mkdir(parents=True)
    for file, src in [("index.html", "index.md"), ("a/index.html", "a/index.md")]:
        html = (site / file).read_text()
        check.add_page(file, html, str(tmp_path / "docs" / src), src, html)
    problems, summary = check.finish(str(site))
    assert [str(p) for p in problems] == ["docs/a/index.md: link '../b/' points to a page that does not exist (b/)."]
    assert re.fullmatch(
        r"2 pages, 3 links checked, 1 problem in \d+\.\d\ds, 1 external link skipped \(offline\)", summary
    )


def test_finish_checks_web_addresses_online_when_asked(tmp_path: Path) -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from edition.features.linkcheck.external import Options

    class Gone(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Gone)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        # A made-up name the check resolves to the local server, as if DNS had
        # said so (a literal 127.0.0.1 is refused before the online check).
        address = f"http://gone.test:{server.server_address[1]}/gone"
        site = tmp_path / "site"
        site.mkdir()
        html = f'<a href="{address}">gone</a>'
        (site / "index.html").write_text(html)
        check = LinkCheck(
            root=str(tmp_path),
            docs_dir=str(tmp_path / "docs"),
            env={"LINKCHECK_EXTERNAL": "1"},
            options=Options(
                timeout=0.5,
                retries=0,
                ttl=60,
                resolver=lambda host, port: ["127.0.0.1"],
                allowed=lambda ip: ip.is_loopback,
            ),
        )
        check.add_page("index.html", html, str(tmp_path / "docs" / "index.md"), "index.md", html)
        problems, summary = check.finish(str(site))
    finally:
        server.shutdown()
        server.server_close()
    assert [str(p) for p in problems] == [f"docs/index.md: link '{address}' is broken: HTTP 404."]
    assert summary.endswith(", 1 external URL checked online")
    assert (tmp_path / ".cache" / "linkcheck.json").is_file()


def test_list_site_walks_folders_but_not_links_to_folders(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a" / "b").mkdir(parents=True)
    (site / "a" / "b" / "index.html").write_text("x")
    (site / "top.css").write_text("x")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.html").write_text("x")
    (site / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (site / "file-link.html").symlink_to(site / "top.css")
    assert list_site(str(site)) == {"a/b/index.html", "top.css", "file-link.html"}
