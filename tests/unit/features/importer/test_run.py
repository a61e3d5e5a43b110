"""Importing into a scratch repository: output, idempotence, stable ids, nothing lost."""

from __future__ import annotations

import os
import re
import shutil
import socket
from pathlib import Path

import pytest

from edition.content import essay_pages, fields, frontmatter
from edition.content.markup import plain_text
from edition.content.term_schema import MAX_NAME
from edition.features.importer import lock, run
from edition.features.importer.parse import SourceError
from edition.features.importer.run import MAX_SLUG, ImportRefused, check_slug, import_essay, read_source
from support import FIXTURE_SOURCES, SEED, snapshot


def reading_order_text(root: Path, slug: str) -> str:
    """The essay as a reader meets it following previous/next: every page's text, in page order."""
    pages = []
    for path in (root / "docs" / "essays" / slug).glob("*.md"):
        meta, body = frontmatter.split(path.read_text())
        lines = [line.lstrip("#0123456789. ") for line in body.splitlines() if not line.startswith("{:")]
        pages.append((meta["order"], plain_text(" ".join(lines))))
    return " ".join(text for _, text in sorted(pages))


def test_seed_import_layout(repo, seed_copy):
    report = import_essay(seed_copy, repo, slug="wandering-earth-ii")
    folder = repo / "docs/essays/wandering-earth-ii"
    assert sorted(p.name for p in folder.glob("*.md")) == [
        "chinas-global-strategy.md",
        "diplomacy-and-geopolitics.md",
        "index.md",
        "people-and-culture.md",
        "reflection.md",
        "technology-and-humanity.md",
    ]
    assert (repo / "sources/wandering-earth-ii.txt").read_bytes() == SEED.read_bytes()
    assert report.repairs == ["joined '...scenes of drone' / 'swarm battles, space...'"]
    assert len(report.glossary_links) == 11
    index = (folder / "index.md").read_text()
    for expected in [
        "# Wandering Earth II: Can hard Chinese",
        "By Marina Zhang · February 24 2023 · 6 min read",
        "{: #note-1 .publication-note }",
        "## Contents",
        "1. [China's global strategy](chinas-global-strategy.md)",
        "[Liu Cixin](../../glossary/liu-cixin.md)",
        "{: #opening-3 }",
        "reading_time: 6",
        "publication: Australian Outlook",  # the Note: line's words in italics
    ]:
        assert expected in index
    assert essay_pages.load(folder, repo / "docs").publication == "Australian Outlook"
    reflection = (folder / "reflection.md").read_text()
    assert "in scenes of drone swarm battles" in reflection
    assert "## About the author" in reflection and "{: #about-the-author-1 .author-bio }" in reflection
    assert "despidal" in (folder / "people-and-culture.md").read_text()


def test_every_sentence_once_in_reading_order(repo, seed_copy):
    import_essay(seed_copy, repo, slug="wandering-earth-ii")
    text = reading_order_text(repo, "wandering-earth-ii")
    lines = [plain_text(line) for line in SEED.read_text().splitlines() if line.strip()]
    sentences = [s for line in lines for s in re.split(r"(?<=[.!?])\s+", line)]
    position = 0
    for sentence in sentences:
        if len(sentence.split()) >= 4:  # header lines such as the author's name recur in the biography
            assert text.count(sentence) == 1, sentence
        found = text.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence}"
        position = found


def test_stubs_created_but_never_overwritten(repo, seed_copy):
    entry = repo / "docs/glossary/soft-power.md"
    entry.parent.mkdir(parents=True)
    entry.write_text("---\ntitle: Soft power\nsummary: Written by hand.\n---\n\nKeep me.\n")
    report = import_essay(seed_copy, repo, slug="wandering-earth-ii")
    assert entry.read_text().endswith("Keep me.\n")
    assert "docs/glossary/soft-power.md" not in report.stubs
    stub = (repo / "docs/glossary/zero-sum-game.md").read_text()
    assert "title: zero-sum game" in stub and "status: stub" in stub


def test_alias_links_to_existing_entry(repo, seed_copy):
    entry = repo / "docs/glossary/bri.md"
    entry.parent.mkdir(parents=True)
    entry.write_text("---\ntitle: BRI\naliases:\n- Belt and Road Initiative\nsummary: x.\n---\n")
    import_essay(seed_copy, repo, slug="wandering-earth-ii")
    text = (repo / "docs/essays/wandering-earth-ii/chinas-global-strategy.md").read_text()
    assert "[the Belt and Road Initiative](../../glossary/bri.md)" in text


def test_reimport_is_byte_identical(repo, seed_copy):
    import_essay(seed_copy, repo, slug="wandering-earth-ii")
    before = snapshot(repo)
    report = import_essay(seed_copy, repo, slug="wandering-earth-ii")
    assert snapshot(repo) == before
    assert report.written == [] and report.new_ids == []


def ids_by_text(root: Path, slug: str) -> dict[str, str]:
    essay = essay_pages.load(root / "docs/essays" / slug, root / "docs")
    return {plain_text(p.text): p.id for p in essay.paragraphs()}


def test_ids_survive_edits(repo, seed_copy):
    import_essay(seed_copy, repo, slug="wandering-earth-ii")
    before = ids_by_text(repo, "wandering-earth-ii")
    source = repo / "sources/wandering-earth-ii.txt"
    text = source.read_text()
    text = text.replace("Liu's despidal of authoritarianism", "Liu's disdain for authoritarianism")  # a word fixed
    text = text.replace(
        "Technology and humanity\n", "Technology and humanity\n\nA new paragraph, inserted by the editor.\n"
    )
    text = text.replace(
        "People and culture\n", "People and culture\n\nAnother new paragraph about culture and people.\n"
    )
    source.write_text(text)
    report = import_essay(source, repo, slug="wandering-earth-ii", message="A word fixed, two paragraphs added")
    after = ids_by_text(repo, "wandering-earth-ii")
    unchanged = {t: i for t, i in before.items() if t in after}
    assert all(after[t] == i for t, i in unchanged.items())
    edited = next(t for t in after if "disdain for authoritarianism" in t)
    assert after[edited] == "people-and-culture-3"
    assert sorted(report.new_ids) == ["people-and-culture-4", "technology-and-humanity-3"]
    assert report.kept_ids == 17


def test_removed_id_is_never_reissued(repo, seed_copy):
    import_essay(seed_copy, repo, slug="wandering-earth-ii")
    source = repo / "sources/wandering-earth-ii.txt"
    text = source.read_text()
    removed = text.split("\n\nReflection\n\n")[1].split("\n\n")[2]  # second Reflection paragraph
    source.write_text(text.replace(removed + "\n\n", ""))
    first = import_essay(source, repo, slug="wandering-earth-ii", message="A paragraph cut")
    assert first.retired_ids == ["reflection-2"]
    source.write_text(
        source.read_text().replace(
            "Dr Marina Zhang", "A brand new closing paragraph, quite unlike the old one.\n\nDr Marina Zhang"
        )
    )
    second = import_essay(source, repo, slug="wandering-earth-ii", message="A paragraph added")
    assert second.new_ids == ["reflection-3"]


def test_hand_edit_is_refused_then_forced(repo, seed_copy):
    import_essay(seed_copy, repo, slug="wandering-earth-ii")
    page = repo / "docs/essays/wandering-earth-ii/reflection.md"
    page.write_text(page.read_text() + "\nA hand edit.\n")
    before = snapshot(repo)
    with pytest.raises(
        ImportRefused,
        match=r"docs/essays/wandering-earth-ii/reflection.md: was edited by hand since the last import; "
        r"re-run with --force",
    ):
        import_essay(seed_copy, repo, slug="wandering-earth-ii")
    assert snapshot(repo) == before
    import_essay(seed_copy, repo, slug="wandering-earth-ii", force=True)
    assert "A hand edit." not in page.read_text()


def test_page_not_written_by_importer_is_refused(repo, seed_copy):
    page = repo / "docs/essays/wandering-earth-ii/index.md"
    page.parent.mkdir(parents=True)
    page.write_text("My own page.\n")
    with pytest.raises(ImportRefused, match="exists but was not written by the importer"):
        import_essay(seed_copy, repo, slug="wandering-earth-ii")
    assert page.read_text() == "My own page.\n"


def test_existing_different_source_is_never_overwritten(repo, seed_copy):
    kept = repo / "sources/wandering-earth-ii.txt"
    kept.write_text("Something else.\n")
    with pytest.raises(ImportRefused, match="sources are never overwritten"):
        import_essay(seed_copy, repo, slug="wandering-earth-ii")
    assert kept.read_text() == "Something else.\n"
    assert not (repo / "docs/essays").exists()


def test_dry_run_writes_nothing(repo, seed_copy):
    before = snapshot(repo)
    report = import_essay(seed_copy, repo, slug="wandering-earth-ii", dry_run=True)
    assert snapshot(repo) == before
    assert len(report.written) == 6 and report.source_copy == "sources/wandering-earth-ii.txt"
    assert sum(report.pages.values()) == 17


@pytest.mark.parametrize(
    "name, pages, paragraphs, repairs",
    [
        ("no-headings.txt", ["index.md"], 4, 0),
        ("two-rivers.txt", ["evening-2.md", "evening.md", "index.md", "morning-2.md", "morning.md"], 8, 1),
    ],
)
def test_other_sources(repo, name, pages, paragraphs, repairs):
    source = repo / "incoming" / name
    source.parent.mkdir()
    shutil.copy(FIXTURE_SOURCES / name, source)
    report = import_essay(source, repo)
    slug = source.stem
    assert sorted(p.name for p in (repo / "docs/essays" / slug).glob("*.md")) == pages
    assert sum(report.pages.values()) == paragraphs
    assert len(report.repairs) == repairs


def test_second_essay_gets_site_unique_ids(repo, seed_copy):
    import_essay(seed_copy, repo, slug="wandering-earth-ii")
    source = repo / "incoming2" / "two-rivers.txt"
    source.parent.mkdir()
    shutil.copy(FIXTURE_SOURCES / "two-rivers.txt", source)
    import_essay(source, repo)
    first = set(ids_by_text(repo, "wandering-earth-ii").values())
    second = set(ids_by_text(repo, "two-rivers").values())
    assert not first & second
    assert (
        "two-rivers-note-1" in second
        and "https://www.cdrb.com.cn/" in (repo / "docs/essays/two-rivers/morning.md").read_text()
    )
    assert "成都 (Chéngdū)" in (repo / "docs/essays/two-rivers/index.md").read_text()


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.txt", "does not exist"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "empty.txt", b"  \n\t\n"), "is empty"),
        (lambda d: _write(d / "latin1.txt", "Caf\xe9 title\n".encode("latin-1")), "is not UTF-8"),
        (lambda d: _write(d / "notitle.txt", b"This is a sentence, not a title.\n\nMore."), "pass --title"),
    ],
)
def test_bad_input_writes_nothing(repo, make, message):
    source = make(repo / "sources")
    before = snapshot(repo)
    with pytest.raises(SourceError, match=message):
        import_essay(source, repo, slug="x")
    assert snapshot(repo) == before


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _fifo(d: Path) -> Path:
    os.mkfifo(d / "pipe.txt")
    return d / "pipe.txt"


def _socket(d: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(d / "sock.txt"))
    server.close()
    return d / "sock.txt"


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda d: d / "missing.txt", "does not exist"),
        (lambda d: d, "is a directory, not a text file"),
        (_fifo, "is a FIFO (named pipe), not a text file"),
        (_socket, "is a socket, not a text file"),
        (lambda d: Path("/dev/zero"), "is a character device, not a text file"),
        (lambda d: _link(d / "to-fifo.txt", _fifo(d)), "is a FIFO (named pipe), not a text file"),
    ],
    ids=["missing", "directory", "FIFO", "socket", "endless device", "symlink to a FIFO"],
)
def test_only_a_regular_file_is_opened(tmp_path, make, message):
    """Nothing here blocks: a FIFO with no writer is refused by its type, never opened."""
    with pytest.raises(SourceError) as info:
        read_source(make(tmp_path))
    assert str(info.value) == message


def _link(path: Path, target: Path) -> Path:
    path.symlink_to(target)
    return path


@pytest.mark.parametrize(
    "slug, message",
    [
        ("", "--slug '' is empty; give the essay's folder name, e.g. --slug my-essay"),
        ("Bad Slug", "--slug 'Bad Slug' must be lower case words joined by hyphens (e.g. 'bad-slug')"),
        ("-", "--slug '-' must be lower case words joined by hyphens (e.g. 'essay')"),
        ("../up", "--slug '../up' must be lower case words joined by hyphens (e.g. 'up')"),
        (
            "a" * (MAX_SLUG + 1),
            f"--slug 'aaaaaaaaaaaaaaaaaaaa'... is {MAX_SLUG + 1} characters long; give one of at most {MAX_SLUG}",
        ),
        ("my-essay", None),
        ("\u6210\u90fd-2024", "--slug '\u6210\u90fd-2024' must be lower case words joined by hyphens (e.g. '2024')"),
        ("chengdu-2024", None),
    ],
)
def test_check_slug(slug, message):
    if message is None:
        assert check_slug(slug) == slug
    else:
        with pytest.raises(SourceError) as info:
            check_slug(slug)
        assert str(info.value) == message


def test_an_empty_slug_is_refused_not_replaced_by_the_file_name(repo, seed_copy):
    before = snapshot(repo)
    with pytest.raises(SourceError, match="--slug '' is empty"):
        import_essay(seed_copy, repo, slug="")
    assert snapshot(repo) == before


def test_the_kept_source_is_the_bytes_that_were_imported(repo, seed_copy, monkeypatch):
    """The source is read once: a file changing meanwhile cannot give pages of one text and a copy of another."""
    reads = []
    original = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or original(self))
    import_essay(seed_copy, repo, slug="wandering-earth-ii")
    assert seed_copy not in reads
    assert (repo / "sources/wandering-earth-ii.txt").read_bytes() == SEED.read_bytes()


def test_an_import_started_while_another_writes_is_refused_and_replaces_nothing(repo, tmp_path, monkeypatch):
    """The interleaving that let two importers both exit 0: the second checked sources/ before the first wrote."""
    texts = {name: tmp_path / "incoming" / f"{name}.txt" for name in ("first", "second")}
    texts["first"].parent.mkdir()
    for name, path in texts.items():
        path.write_text(f"{name.title()}\n\nBy Jane Writer\nMay 1 2024\n\nThe opening of {name}, which says a thing.\n")
    second: list[BaseException | None] = []

    def first_writes(path, data):
        if not second:
            second.append(None)  # the second import starts once, at the first import's first write
            try:
                import_essay(texts["second"], repo, slug="race")
            except (ImportRefused, lock.ImportLocked) as exc:
                second[0] = exc
        original(path, data)

    original = run.write_atomic
    monkeypatch.setattr(run, "write_atomic", first_writes)
    import_essay(texts["first"], repo, slug="race")
    assert isinstance(second[0], lock.ImportLocked)
    lock_file = repo / ".cache" / "import.lock"
    assert str(second[0]) == f"another import is running in {repo} (lock {lock_file}); wait for it to finish"
    assert (repo / "sources/race.txt").read_bytes() == texts["first"].read_bytes()


@pytest.mark.parametrize(
    "slug, expected",
    [
        ("chinas-global-strategy", "chinas-global-strategy"),
        ("a" * 180, "a" * 180),
        ("word-" * 40, ("word-" * 36).rstrip("-")),
        ("\u6210" * 80, "\u6210" * 60),
        ("\u6210" * 59 + "-" + "\u90fd" * 20, "\u6210" * 59),
    ],
)
def test_file_slug_fits_a_file_name(slug, expected):
    assert run.file_slug(slug) == expected


def test_long_words_make_file_names_that_fit(repo, tmp_path):
    """A heading of 80 Chinese characters and a long term were file names too long to write (a traceback)."""
    source = tmp_path / "long.txt"
    heading, term = "\u6210" * 80, " ".join(["word"] * 60)
    text = f"Title\n\nBy Jane Writer\nMay 1 2024\n\nOpening [{term}](#).\n\n{heading}\n\nBody.\n"
    source.write_text(text, encoding="utf-8")
    report = import_essay(source, repo, slug="long")
    assert f"docs/essays/long/{'成' * 60}.md" in report.written
    assert report.stubs == [f"docs/glossary/{('word-' * 36).rstrip('-')}.md"]


@pytest.mark.parametrize(
    "words, slug",
    [
        ("soft power", "soft-power"),
        ("the Index", "index-term"),
        ("Index", "index-term"),
        ("Indexes", "indexes"),
        (" ".join(["word"] * 60), ("word-" * 36).rstrip("-")),
    ],
)
def test_entry_slug_is_never_the_glossary_index(words, slug):
    assert run.entry_slug(words) == slug


@pytest.mark.parametrize(
    "words, title",
    [
        ("the Belt and Road Initiative", "Belt and Road Initiative"),
        ('<b>term</b> {: onclick="t" }', 'b term /b {: onclick="t" }'),
        ("word " * 30, ("word " * 20).strip()),
        ("<>", "Untitled term"),
    ],
    ids=["article dropped", "angle brackets", "too long", "nothing left"],
)
def test_a_stub_title_is_one_the_entry_schema_accepts(words, title):
    assert run.stub_title(words) == title
    errors: list[str] = []
    fields.text(title, "title", errors, MAX_NAME)
    assert errors == []


def test_a_source_larger_than_the_bound_is_refused_after_reading_at_most_the_bound(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(run.MAX_SOURCE_BYTES * 4)  # sparse: the size a reader would see, without the disk
    with pytest.raises(SourceError, match=r"^is larger than 16 MB; split it into several essays$"):
        read_source(big)
