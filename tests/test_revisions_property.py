"""Property: over any sequence of edits, no id is given to other text and every address ever published resolves.

Hypothesis writes an essay (sections of paragraphs, each sentence carrying a
serial word of its own, so the tests can follow a sentence wherever it goes)
and a sequence of revisions made of edits of every kind: a word changed, a
paragraph added, removed, split at a sentence, joined with the next, moved
(within or across sections), a heading renamed, a heading inserted. Each
version is imported with the real importer, and then:

- an id is never reissued: the versions that publish it are consecutive;
- the revision record replays exactly: the text it gives for each revision
  (:meth:`edition.content.history.History.texts_at`) is what that version
  published, page by page, id by id;
- every (page, id) any version published is on the page at that address
  once the old ids are added (:func:`edition.features.reading.permalinks.add_permalinks`),
  the pages earlier revisions had included, and on the whole-essay page;
- an old id that leads to a current paragraph leads to one that holds one
  of its sentences (split and joined paragraphs land where their text is).
"""

from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from edition.addresses import INDEX, linker
from edition.content import essay_pages
from edition.content.history import History
from edition.content.markup import plain_text
from edition.content.site import load_site
from edition.features.importer.run import import_essay
from edition.features.reading.permalinks import add_permalinks, retired_page_html, retired_pages
from support import property_settings
from test_revisions_fixture import ids_of

PROFILE = property_settings(20, int(os.environ.get("IMPORT_PROPERTY_EXAMPLES", "150")), "IMPORT_PROPERTY")
SLUG = "evolving"
WORDS = "river stone lamp harbour window thread ledger marsh signal garden bridge lantern orchard winter".split()
HEADINGS = "Morning Evening Harbour Orchard Winter Lanterns Thresholds Crossings Ledgers Marshes".split()


class Essay:
    """An essay being revised: sections of paragraphs of sentences; every sentence has a serial word."""

    def __init__(self, sections: list[tuple[str, list[list[str]]]]):
        self.sections = sections
        self.serial = sum(len(p) for _, ps in sections for p in ps)

    def sentence(self, draw) -> str:
        self.serial += 1
        # distinct words: a sentence of one word repeated looks like any other, and the importer
        # rightly cannot tell which of two such paragraphs an edited one was
        words = draw(st.lists(st.sampled_from(WORDS), min_size=4, max_size=8, unique=True))
        return f"Serial{self.serial} {' '.join(words)}."

    def paragraphs(self) -> list[tuple[int, int]]:
        return [(s, p) for s, (_, ps) in enumerate(self.sections) for p in range(len(ps))]

    def text(self) -> str:
        blocks = ["Evolving Essay", "", "Ada Fenwick", "March 3 2024", ""]
        for heading, paragraphs in self.sections:
            if heading:
                blocks += [heading, ""]
            blocks += [" ".join(p) + "\n" for p in paragraphs]
        return "\n".join(blocks)


def first_essay(draw) -> Essay:
    essay = Essay([])
    names = draw(st.lists(st.sampled_from(HEADINGS), min_size=1, max_size=3, unique=True))
    for heading in ["", *names]:
        count = draw(st.integers(1, 3))
        essay.sections.append(
            (heading, [[essay.sentence(draw) for _ in range(draw(st.integers(1, 3)))] for _ in range(count)])
        )
    return essay


def edit(draw, essay: Essay) -> None:
    """One edit of any kind to ``essay`` (a kind that cannot apply leaves it unchanged)."""
    kind = draw(st.sampled_from(["word", "add", "remove", "split", "join", "move", "rename", "heading"]))
    spots = essay.paragraphs()
    s, p = draw(st.sampled_from(spots))
    paragraphs = essay.sections[s][1]
    if kind == "word":
        n = draw(st.integers(0, len(paragraphs[p]) - 1))
        words = paragraphs[p][n].rstrip(".").split(" ")
        at = draw(st.integers(1, len(words) - 1))
        words[at] = draw(st.sampled_from([w for w in WORDS if w != words[at]]))
        paragraphs[p][n] = " ".join(words) + "."
    elif kind == "add":
        paragraphs.insert(p, [essay.sentence(draw) for _ in range(draw(st.integers(1, 2)))])
    elif kind == "remove" and len(spots) > 1:
        paragraphs.pop(p)
    elif kind == "split" and len(paragraphs[p]) > 1:
        cut = draw(st.integers(1, len(paragraphs[p]) - 1))
        paragraphs[p : p + 1] = [paragraphs[p][:cut], paragraphs[p][cut:]]
    elif kind == "join" and p + 1 < len(paragraphs):
        paragraphs[p : p + 2] = [paragraphs[p] + paragraphs[p + 1]]
    elif kind == "move" and len(spots) > 1:
        moved = paragraphs.pop(p)
        to = draw(st.sampled_from(range(len(essay.sections))))
        essay.sections[to][1].insert(draw(st.integers(0, len(essay.sections[to][1]))), moved)
    elif kind == "rename" and s > 0:
        used = {h for h, _ in essay.sections}
        free = [h for h in HEADINGS if h not in used]
        if free:
            essay.sections[s] = (draw(st.sampled_from(free)), paragraphs)
    elif kind == "heading":
        used = {h for h, _ in essay.sections}
        free = [h for h in HEADINGS if h not in used]
        if free and p > 0:
            essay.sections.insert(s + 1, (draw(st.sampled_from(free)), paragraphs[p:]))
            del paragraphs[p:]
    essay.sections = [sec for n, sec in enumerate(essay.sections) if n == 0 or sec[1]]  # no empty section
    if not essay.sections[-1][1]:
        essay.sections[-1][1].append([essay.sentence(draw)])


def published(root: Path) -> dict[str, tuple[str, str]]:
    """What the essay's pages publish now: id -> (its page's slug, its Markdown)."""
    essay = essay_pages.load(root / "docs" / "essays" / SLUG, root / "docs")
    return {p.id: (Path(p.page).stem, p.text) for p in essay.paragraphs()}


def serials(text: str) -> set[str]:
    return {word for word in plain_text(text).replace(".", " ").split() if word.startswith("Serial")}


@PROFILE
@given(st.data())
def test_ids_are_never_reissued_and_every_published_address_resolves(data):
    essay = first_essay(data.draw)
    versions: list[tuple[int, dict[str, tuple[str, str]]]] = []  # (revision, what it published)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "docs").mkdir()
        (root / "sources").mkdir()
        source = root / "incoming" / f"{SLUG}.txt"
        source.parent.mkdir()
        source.write_text(essay.text(), encoding="utf-8")
        import_essay(source, root, slug=SLUG, today="2025-12-01")
        versions.append((1, published(root)))
        source = root / "sources" / f"{SLUG}.txt"
        for _ in range(data.draw(st.integers(1, 4))):
            for _ in range(data.draw(st.integers(1, 3))):
                edit(data.draw, essay)
            source.write_text(essay.text(), encoding="utf-8")
            report = import_essay(source, root, slug=SLUG, message="An edit", today="2025-12-01")
            versions.append((report.revision or versions[-1][0], published(root)))
        site = load_site(root / "docs", root)
        assert site.problems == []
        history = History(site.essays[SLUG])
    present: dict[str, list[int]] = defaultdict(list)
    for number, (_, texts) in enumerate(versions):
        for pid in texts:
            present[pid].append(number)
    for pid, seen in present.items():
        assert seen == list(range(seen[0], seen[-1] + 1)), f"{pid} was given out again"
    for revision, texts in versions:
        replayed = {pid: (v.page, v.text) for pid, v in history.texts_at(revision).items()}
        assert replayed == texts, f"revision {revision} does not replay"
    check_addresses(history, versions)


def check_addresses(history: History, versions: list[tuple[int, dict[str, tuple[str, str]]]]) -> None:
    link = linker({}, "essays/evolving/x/")  # no addresses needed: only ids are checked
    current_pages: dict[str, list[str]] = defaultdict(list)
    for pid, version in history.current.items():
        current_pages[version.page].append(pid)
    retired = retired_pages(history)
    whole = ids_of(add_permalinks(_page(history.current), history, None, link, {}))
    for _, texts in versions:
        for pid, (page, text) in texts.items():
            body = _page({p: history.current[p] for p in current_pages[page]}) if page not in retired else ""
            if page in retired:
                body = retired_page_html(history, link)
            assert ids_of(add_permalinks(body, history, page, link, {})).count(pid) == 1, (page, pid)
            assert whole.count(pid) == 1, pid
            landing = history.landing(pid)
            assert landing is not None
            if landing.removal is None and landing.id != pid:
                assert serials(text) & serials(history.current[landing.id].text), (pid, landing.id)
    assert INDEX not in retired


def _page(paragraphs) -> str:
    return "<h1>Page</h1>\n" + "".join(f'<p id="{pid}">{v.text}</p>\n' for pid, v in paragraphs.items())
