"""Property: any essay the importer accepts builds, with every sentence once, in order, and every paragraph linkable.

Hypothesis writes essays in the plain-text shape of every kind the importer
accepts (no headings, one paragraph, repeated headings, headings only near
the end, very long paragraphs, CJK titles and headings, external links, new
and existing ``[terms](#)``, markup-looking characters, with and without a
``Note:`` line and a biography), imports each beside the real essay into a
fixture site, writes the stub glossary entries, builds it with
``mkdocs build --strict`` and the real hooks, and requires:

- the strict build passes (no warning);
- every sentence appears once, in reading order, on the section pages and on
  the whole-essay page, and each paragraph's page text is what the model reads;
- the whole-essay page exists;
- every paragraph id is on its page and on the whole-essay page, once.

A build takes a few seconds, so ``make test`` tries a handful of essays; the
profile ``long`` (``IMPORT_PROPERTY=long``, run by ``make test-long``) tries
many more.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from html import unescape
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from edition.content import essay_pages
from edition.content.markup import plain_text
from edition.features.importer.run import import_essay
from import_site import fill_stubs, site_with_real_essay
from support import property_settings
from test_commentary_fixture import run_build, warnings

PROFILE = property_settings(5, int(os.environ.get("IMPORT_PROPERTY_EXAMPLES", "150")), "IMPORT_PROPERTY")
SLUG = "generated"

WORDS = [
    "river",
    "archive",
    "memory",
    "signal",
    "harbour",
    "lantern",
    "quiet",
    "the",
    "of",
    "and",
    "was",
    "café",
    "naïve",
    "成都",
    "天府之国",
    "記憶",
    "Müller",
    "O'Brien",
    "well-known",
    "1984",
    "3.5",
    "e.g.",
    "“quoted”",
    "—",
]
# Characters Markdown, its extensions or HTML would read as markup, each with the words a reader must see.
SPECIALS = [
    ("<b>", "<b>"),
    ("</b>", "</b>"),
    ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    ("{: .x }", "{: .x }"),
    ("{ #id .c }", "{ #id .c }"),
    ('{: onclick="x" }', '{: onclick="x" }'),
    ("&amp;", "&amp;"),
    ("&lt;", "&lt;"),
    ("&#60;", "&#60;"),
    ("a_b_c", "a_b_c"),
    ("5 * 3", "5 * 3"),
    ("#tag", "#tag"),
    ("#", "#"),
    ("[x]", "[x]"),
    ("(y)", "(y)"),
    ("`c`", "`c`"),
    ("\\", "\\"),
    ("\\*", "\\*"),
    ("~~~", "~~~"),
    ("???", "???"),
    ("!!!", "!!!"),
    ("---", "---"),
    ("- -", "- -"),
    ("+", "+"),
    (">", ">"),
    ("1.", "1."),
    ("2)", "2)"),
    ("*[A]:", "*[A]:"),
    ("[^1]", "[^1]"),
    ("[r]: https://x.org", "[r]: https://x.org"),
    ("![i](https://example.org/i.png)", "!i"),
    ("[j](javascript:alert(1))", "[j](javascript:alert(1))"),
    ("|a|b|", "|a|b|"),
    ("<!-- c -->", "<!-- c -->"),
    ("==m==", "==m=="),
    (":::", ":::"),
    ("^", "^"),
]
EXISTING_TERMS = ["Liu Cixin", "soft power", "the Belt and Road Initiative", "Hugo Award"]
NEW_TERMS = [
    "river delta",
    "signal fire",
    "成都",
    "Index",
    "Print",
    "a_b",
    "<b>bold</b>",
    "Contents",
    "about the author",
    "Tags {: .x }",
    "The Archive",
]
HEADINGS = [
    "Morning",
    "Evening light",
    "成都 at night",
    "天府",
    "Index",
    "Print",
    "Commentary",
    "Contents",
    "About the author",
    "Note",
    "Opening",
    "The <b>bold</b> part",
    "Part {: .x } two",
    "Notes &amp; queries",
    "Café Müller",
    "1984 and after",
    "Sources [1]",
    "# Part",
    "What comes next",
    "Glossary",
]
AUTHORS = [("Ana", "Okafor"), ("Li", "Wei"), ("Jana", "Novak"), ("Sam", "Ng")]


@dataclass
class Essay:
    """A generated source and what a reader must find in it: the title, the headings and every sentence, in order."""

    title: str
    author: tuple[str, str]
    date: str
    blocks: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)  # (kind, [(source, shown)])
    headings: list[str] = field(default_factory=list)

    def text(self) -> str:
        lines = [self.title, "", f"By {' '.join(self.author)}", self.date, ""]
        for kind, sentences in self.blocks:
            lines += [kind[len("heading:") :] if kind.startswith("heading:") else " ".join(s for s, _ in sentences), ""]
        return "\n".join(lines)

    def sentences(self) -> list[str]:
        return [shown for kind, sentences in self.blocks if not kind.startswith("heading:") for _, shown in sentences]


def _token() -> st.SearchStrategy[tuple[str, str]]:
    word = st.sampled_from(WORDS).map(lambda w: (w, w))
    term = st.sampled_from(EXISTING_TERMS + NEW_TERMS).map(lambda t: (f"[{t}](#)", t))
    link = st.tuples(st.sampled_from(WORDS), st.integers(1, 9)).map(
        lambda p: (f"[{p[0]}](https://example.org/{p[1]})", p[0])
    )
    emphasis = st.sampled_from(WORDS).map(lambda w: (f"*{w}*", w))
    return st.one_of(word, word, st.sampled_from(SPECIALS), term, link, emphasis)


def _sentence(draw, number: int, first: bool) -> tuple[str, str]:
    """One sentence: a capitalized word (or, opening a paragraph, sometimes markup), tokens, a unique marker, a stop."""
    start = draw(
        st.one_of(
            st.sampled_from(["It", "The", "A", "成都", "Über"]).map(lambda w: (w, w)),
            *([st.sampled_from(SPECIALS), _token()] if first else []),
        )
    )
    tokens = [start, *draw(st.lists(_token(), max_size=draw(st.sampled_from([3, 8, 40]))))]
    stop = draw(st.sampled_from([".", "?", "!"]))
    return " ".join(s for s, _ in tokens) + f" q{number}{stop}", " ".join(w for _, w in tokens) + f" q{number}{stop}"


@st.composite
def essays(draw) -> Essay:
    """An essay in the plain-text shape, of any structure the importer accepts."""
    title_words = draw(
        st.lists(
            st.one_of(st.sampled_from(WORDS + HEADINGS), st.sampled_from(SPECIALS).map(lambda p: p[0])),
            min_size=1,
            max_size=8,
        )
    )
    title = " ".join(["The", *title_words, draw(st.sampled_from(["Archive", "成都", "Q"]))])
    essay = Essay(
        title, draw(st.sampled_from(AUTHORS)), draw(st.dates(date(1900, 1, 1), date(2100, 12, 31))).strftime("%B %d %Y")
    )
    counter = iter(range(1, 10**6))
    if draw(st.booleans()):
        source, shown = draw(_token())
        number = next(counter)
        note = (f"Note: First printed as {source} q{number}.", f"Note: First printed as {shown} q{number}.")
        essay.blocks.append(("note", [note]))
    shape = draw(st.lists(st.sampled_from(["paragraph", "paragraph", "heading", "long"]), min_size=1, max_size=10))
    if draw(st.booleans()):
        shape = [k for k in shape if k != "heading"] + ["heading"] * (shape.count("heading")) + ["paragraph"]
    if shape[-1] == "heading":
        shape.append("paragraph")
    for kind in shape:
        if kind == "heading":
            heading = draw(st.sampled_from(HEADINGS))
            essay.blocks.append((f"heading:{heading}", []))
            essay.headings.append(heading)
            continue
        count = draw(st.integers(40, 120)) if kind == "long" else draw(st.integers(1, 4))
        essay.blocks.append(("body", [_sentence(draw, next(counter), i == 0) for i in range(count)]))
    if draw(st.booleans()):
        name = " ".join(essay.author)
        essay.blocks.append(("bio", [(f"{name} writes about rivers q{next(counter)}.",) * 2]))
    return essay


def _paragraphs(html: str) -> dict[str, str]:
    """Each paragraph with an id on the page: its reader's text."""
    return {
        pid: unescape(" ".join(re.sub(r"<[^>]+>", "", inner).split()))
        for pid, inner in re.findall(r'<p [^>]*\bid="([^"]+)"[^>]*>(.*?)</p>', html, re.S)
    }


def _in_order(text: str, sentences: list[str]) -> None:
    """Every sentence once in ``text``, in order (emphasis marks, which the importer may read either way, set aside)."""
    text = re.sub(r"[*_]", "", text)
    position = 0
    for sentence in (re.sub(r"[*_]", "", s) for s in sentences):
        found = text.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence!r}"
        assert text.count(sentence) == 1, f"more than once: {sentence!r}"
        position = found + len(sentence)


def _page(site: Path, src: str) -> str:
    url = src[: -len("index.md")] if src.endswith("index.md") else src[: -len(".md")] + "/"
    return (site / url / "index.html").read_text(encoding="utf-8")


@PROFILE
@given(essay=essays())
def test_any_essay_the_importer_accepts_builds_with_every_sentence_once_in_order(essay):
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        project = site_with_real_essay(tmp)
        source = tmp / "incoming" / f"{SLUG}.txt"
        source.parent.mkdir()
        source.write_text(essay.text(), encoding="utf-8")
        report = import_essay(source, project)
        fill_stubs(project)
        result, site = run_build(project)
        assert result.returncode == 0 and warnings(result) == [], result.stderr[-3000:]

        model = essay_pages.load(project / "docs" / "essays" / SLUG, project / "docs")
        reading_order = model.paragraphs()
        whole_html = _page(site, f"essays/{SLUG}/print.md")
        shown: dict[str, str] = {}
        for paragraph in reading_order:
            html = _page(site, paragraph.page)
            assert html.count(f'id="{paragraph.id}"') == whole_html.count(f'id="{paragraph.id}"') == 1, paragraph.id
            shown[paragraph.id] = _paragraphs(html)[paragraph.id]
        whole = _paragraphs(whole_html)
        for paragraph in reading_order:
            assert shown[paragraph.id] == whole[paragraph.id] == plain_text(paragraph.text), paragraph.id
        _in_order(" ".join(shown.values()), essay.sentences())
        _in_order(" ".join(whole[p.id] for p in reading_order), essay.sentences())
        sections = [s for s in model.sections if s.slug != "index"]
        if not report.repairs:  # a heading followed by a paragraph in lower case reads as a broken paragraph, joined
            assert [s.title for s in sections] == essay.headings
        for section in sections:  # the words of each heading, as written
            h1 = re.search(
                r'<h1[^>]*>(.*?)<a class="headerlink"', _page(site, f"essays/{SLUG}/{section.slug}.md"), re.S
            )
            assert unescape(h1.group(1)) == section.title
        title = re.search(r"<title>(.*?)</title>", _page(site, f"essays/{SLUG}/index.md")).group(1)
        assert unescape(title) == f"{essay.title} - Import fixture"
