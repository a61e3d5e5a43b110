"""A synthetic corpus in the shape of the seed essay, written into a throw-away project folder.

Essays are produced as *plain text* (title, author, date, ``Note:`` line,
short section headings, ``[words](#)`` term links, one paragraph broken in
mid-sentence, a closing biography) and go through the real importer, so the
benchmark measures the pages the project really produces. The glossary is
written after the import, over the importer's stubs, with real summaries and
aliases; notes are written last, because they quote the imported paragraphs
and link to them by id.

Ordinary prose is drawn from a fixed list of English words, while every term
name is an invented word ("Varonel Accord"), so the only glossary names in
the text are the ones the generator put there, and no two entries share a
name (the glossary linter would fail the strict build). Everything is seeded:
the same :class:`Spec` always gives the same corpus.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from benchmark.stages import timed
from edition import addresses
from edition.content import essay_pages, frontmatter
from edition.content.files import write_atomic
from edition.content.markup import plain_text
from edition.content.model import Essay, Paragraph
from edition.content.note_schema import KINDS
from edition.content.text import normalize, slugify
from edition.features.glossary.lint import common_words
from edition.features.importer.run import import_essay

TERMS_PER_PAGE = 5  # the target corpus: 1,000 pages, 5,000 terms, 10,000 notes
NOTES_PER_PAGE = 10
QUOTE_WORDS = (5, 12)  # a quote starts this short and grows until it is unique in its essay

FILLER = """
the of and to in a that is was for on as with by at from this which but not be are have had
it its their they were more than also into over after before about between through during
within without under against among across toward while where when because although however
city river harbour treaty market archive letter memory empire border island province council
court village school garden factory railway bridge library museum journal ministry office
policy reform trade labour harvest coast valley mountain forest winter summer season decade
century generation family language culture history science theory method evidence record
report question answer argument reader writer author critic editor translator scholar student
people nation state region world power influence order change growth decline crisis recovery
early late long short small large old new young distant local public private common rare
quiet open careful slow steady sudden modern ancient northern southern eastern western
wrote read argued noted claimed showed found described recalled suggested explained believed
built carried followed returned opened closed crossed divided joined shaped moved held kept
many several few most some every each other another same different whole entire only
often rarely still already perhaps almost nearly largely partly widely closely slowly
""".split()
KINDS_OF_TERM = """Accord Institute Doctrine Prize Conference Movement Programme Treaty Society
Archive Festival Museum Charter Initiative Review Expedition Commission Press Dynasty Valley""".split()
SYLLABLES = """va ro nel ka mi tor lu sen dra pel qui zan or bex fa lin mar tu vi sol
quen dar ith ul mos keth ra bo cas fen gor hal jir lom nus pyr""".split()
FIRST_NAMES = "Ada Bruno Chen Dara Elin Farid Greta Hiro Ines Jonas Kira Leon Mei Nadia Omar Priya".split()
SURNAMES = "Abara Bellamy Castell Dumont Ekwueme Falk Grau Holloway Iqbal Jansen Kowal Lindqvist".split()
MONTHS = "January February March April May June July August September October November December".split()


@dataclass(frozen=True)
class Spec:
    """The size of a corpus; ``sections`` counts the opening, so pages = essays x sections."""

    essays: int
    terms: int
    comments: int
    sections: int = 10
    paragraphs: int = 4  # per section
    seed: int = 7

    @property
    def pages(self) -> int:
        return self.essays * self.sections

    @classmethod
    def for_pages(cls, pages: int, sections: int = 10) -> Spec:
        """The target corpus's proportions scaled to about ``pages`` essay pages."""
        essays = max(1, round(pages / sections))
        return cls(essays, essays * sections * TERMS_PER_PAGE, essays * sections * NOTES_PER_PAGE, sections)


@dataclass(frozen=True)
class CorpusTerm:
    """A generated glossary entry; ``title`` is also the text of its ``[words](#)`` links."""

    slug: str
    title: str
    aliases: tuple[str, ...]
    summary: str


@dataclass
class Corpus:
    """What was generated, with the figures the report needs."""

    root: Path
    spec: Spec
    essays: dict[str, Essay] = field(default_factory=dict)
    terms: list[CorpusTerm] = field(default_factory=list)
    words: int = 0
    import_seconds: float = 0.0  # wall clock
    import_cpu_seconds: float = 0.0


class Prose:
    """Seeded sentences, paragraphs and invented names."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self._coined: set[str] = set(FILLER)

    def coin(self) -> str:
        """A new invented word, never an English filler word and never coined before."""
        while True:
            word = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4)))
            if word not in self._coined:
                self._coined.add(word)
                return word.capitalize()

    def phrase(self, count: int) -> str:
        return " ".join(self.rng.choice(FILLER) for _ in range(count))

    def sentence(self, mention: str = "") -> str:
        """About a dozen words ending in a full stop, with ``mention`` somewhere in the middle."""
        head = self.phrase(self.rng.randint(3, 8))
        tail = self.phrase(self.rng.randint(3, 8))
        middle = f" {mention} " if mention else " "
        return f"{head[0].upper()}{head[1:]}{middle}{tail}."

    def paragraph(self, mentions: list[str]) -> str:
        """Four to six sentences carrying ``mentions``, one per sentence."""
        count = max(len(mentions), self.rng.randint(4, 6))
        slots = mentions + [""] * (count - len(mentions))
        self.rng.shuffle(slots)
        return " ".join(self.sentence(m) for m in slots)

    def heading(self) -> str:
        """A short line without closing punctuation: the importer's section heading."""
        text = self.phrase(self.rng.randint(2, 4))
        return text[0].upper() + text[1:]

    def person(self) -> tuple[str, str]:
        return self.rng.choice(FIRST_NAMES), self.rng.choice(SURNAMES)


def make_terms(prose: Prose, count: int) -> list[CorpusTerm]:
    """``count`` entries; about half carry the bare invented word as an alias, some a second one.

    An alias the glossary's linter would refuse (a common English word) is left out.
    """
    common = common_words()
    terms = []
    for _ in range(count):
        word, kind = prose.coin(), prose.rng.choice(KINDS_OF_TERM)
        title = f"{word} {kind}"
        aliases: tuple[str, ...] = ()
        if prose.rng.random() < 0.5:
            aliases = (word,) if prose.rng.random() < 0.6 else (word, f"{kind} of {word}")
            aliases = tuple(a for a in aliases if a.lower() not in common)  # an invented word can be English ("Faith")
        summary = f"{title}: {prose.phrase(12)}."
        terms.append(CorpusTerm(slugify(title), title, aliases, summary[0].upper() + summary[1:]))
    return terms


def essay_text(prose: Prose, spec: Spec, index: int, terms: list[CorpusTerm]) -> str:
    """One essay in the seed's plain-text shape; ``terms`` are the names it mentions."""
    first, last = prose.person()
    published = date(2020, 1, 1) + timedelta(days=index * 3)
    when = f"{MONTHS[published.month - 1]} {published.day} {published.year}"
    title = f"Essay {index + 1}: {prose.heading()}"
    blocks = [title, f"{first} {last}\n{when}", f"Note: This essay appeared in *The Review* on {when}."]
    mentions = iter(_mentions(prose, terms, spec.sections * spec.paragraphs))
    broken = prose.rng.randrange(spec.sections * spec.paragraphs)
    for number in range(spec.sections * spec.paragraphs):
        if number and number % spec.paragraphs == 0:
            blocks.append(prose.heading())
        text = prose.paragraph(next(mentions))
        blocks.append(_break_mid_sentence(text) if number == broken else text)
    blocks.append(f"{first} {last} is a writer and editor at the {prose.coin()} {prose.phrase(6)} {prose.phrase(5)}.")
    return "\n\n".join(blocks) + "\n"


def _mentions(prose: Prose, terms: list[CorpusTerm], paragraphs: int) -> list[list[str]]:
    """Each paragraph's term mentions: the first of a term is a ``[title](#)`` link, later ones plain names."""
    linked: set[str] = set()
    out = []
    for _ in range(paragraphs):
        chosen = prose.rng.sample(terms, min(len(terms), prose.rng.randint(1, 3))) if terms else []
        mentions = []
        for term in chosen:
            if term.slug not in linked:
                linked.add(term.slug)
                mentions.append(f"[{term.title}](#)")
            else:
                mentions.append(prose.rng.choice((term.title, *term.aliases)))
        out.append(mentions)
    return out


def _break_mid_sentence(text: str) -> str:
    """Split a paragraph before a lower-case word inside a sentence, as the seed's conversion did."""
    tokens = text.split(" ")
    for cut in range(len(tokens) // 2, len(tokens)):
        if tokens[cut][:1].islower() and not tokens[cut - 1].endswith((".", ")")) and "[" not in tokens[cut - 1]:
            return " ".join(tokens[:cut]) + "\n\n" + " ".join(tokens[cut:])
    return text


def term_entry(term: CorpusTerm, see_also: list[CorpusTerm]) -> str:
    """The entry's Markdown: the front matter the glossary loader and linter expect, and a body."""
    meta: dict = {"title": term.title, "summary": term.summary}
    if term.aliases:
        meta["aliases"] = list(term.aliases)
    meta["see_also"] = [t.slug for t in see_also]
    meta["sources"] = [{"title": f"{term.title} (reference)", "url": f"https://example.org/{term.slug}"}]
    links = ", ".join(f"[{t.title}]({t.slug}.md)" for t in see_also)
    return frontmatter.dump(meta, f"{term.title} is {term.summary.split(': ', 1)[1]} Compare {links}.\n")


def write_glossary(docs: Path, prose: Prose, terms: list[CorpusTerm]) -> None:
    """Write every entry, replacing the importer's stubs; a stub no term replaces is a generator bug."""
    folder = docs / addresses.GLOSSARY
    for term in terms:
        write_atomic(folder / f"{term.slug}.md", term_entry(term, prose.rng.sample(terms, min(2, len(terms)))))
    known = {f"{t.slug}.md" for t in terms}
    strays = sorted(p.name for p in folder.glob("*.md") if p.name not in known)
    if strays:
        raise AssertionError(f"the importer made entries no generated term replaces: {', '.join(strays[:5])}")


def unique_quote(paragraph: Paragraph, texts: list[str], rng: random.Random) -> str | None:
    """Words of ``paragraph`` that occur exactly once in the essay (``texts``: its folded paragraphs)."""
    tokens = normalize(plain_text(paragraph.text)).split(" ")
    shortest, longest = QUOTE_WORDS
    start = rng.randrange(max(1, len(tokens) - shortest))
    for width in range(shortest, longest + 1):
        quote = " ".join(tokens[start : start + width])
        if sum(text.count(quote) for text in texts) == 1:
            return quote
    return None


def note_file(prose: Prose, number: int, paragraph: Paragraph, quote: str, links: list[str]) -> str:
    """One note in the commentary schema, its body citing ``links`` (Markdown links)."""
    first, last = prose.person()
    meta = {
        "title": f"Note {number}: {prose.heading()}",
        "author": f"{first} {last}",
        "date": (date(2024, 1, 1) + timedelta(days=number % 700)).isoformat(),
        "kind": prose.rng.choice(KINDS),
        "target": {"paragraph": paragraph.id, "quote": quote},
    }
    return frontmatter.dump(meta, note_body(prose, links))


def note_body(prose: Prose, links: list[str]) -> str:
    """A note's Markdown body: two sentences or more, one per link in ``links``."""
    return " ".join(prose.sentence(link) for link in [*links, "", ""][: max(2, len(links))]) + "\n"


def write_notes(docs: Path, prose: Prose, corpus: Corpus) -> None:
    """``spec.comments`` notes on random passages; some link another essay's paragraph or an entry."""
    rng = prose.rng
    essays = list(corpus.essays.values())
    bodies = {e.slug: [p for s in e.sections for p in s.paragraphs] for e in essays}
    folded = {e.slug: [normalize(plain_text(p.text)) for p in e.paragraphs()] for e in essays}
    written = 0
    while written < corpus.spec.comments:
        essay = essays[written % len(essays)]
        paragraph = rng.choice(bodies[essay.slug])
        quote = unique_quote(paragraph, folded[essay.slug], rng)
        if quote is None:
            continue
        links = []
        if rng.random() < 0.3:
            other = rng.choice(bodies[rng.choice(essays).slug])
            links.append(f"[this passage](../../{other.page}#{other.id})")
        if corpus.terms and rng.random() < 0.3:
            term = rng.choice(corpus.terms)
            links.append(f"[{term.title}]({addresses.glossary_link_from_essay(term.slug)})")
        written += 1
        path = docs / "commentary" / essay.slug / f"note-{written:05d}.md"
        write_atomic(path, note_file(prose, written, paragraph, quote, links))


def copy_shell(site_docs: Path, docs: Path) -> None:
    """The real site's home page and assets (style sheets, images), which the theme and nav expect."""
    docs.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(site_docs / "index.md", docs / "index.md")
    if (site_docs / "assets").is_dir():
        shutil.copytree(site_docs / "assets", docs / "assets", dirs_exist_ok=True)


def generate(spec: Spec, root: Path, site_docs: Path, progress: Callable[[str], None] | None = None) -> Corpus:
    """Write the corpus's sources and docs under ``root`` (an empty folder) and import it.

    ``site_docs`` is the real site's ``docs/``, whose home page and assets are
    copied; ``progress`` is told after every tenth of the essays is imported
    (a large corpus takes minutes).
    """
    prose = Prose(spec.seed)
    corpus = Corpus(root, spec, terms=make_terms(prose, spec.terms))
    docs = root / "docs"
    copy_shell(site_docs, docs)
    (docs / addresses.GLOSSARY).mkdir(parents=True, exist_ok=True)
    sources = root / "sources"
    sources.mkdir(exist_ok=True)
    share = max(1, -(-len(corpus.terms) // spec.essays))
    for index in range(spec.essays):
        own = corpus.terms[index * share : (index + 1) * share]
        slug = f"essay-{index + 1:04d}"
        source = sources / f"{slug}.txt"
        source.write_text(essay_text(prose, spec, index, own), encoding="utf-8")
        _, wall, cpu = timed(import_essay, source, root, slug=slug)
        corpus.import_seconds += wall
        corpus.import_cpu_seconds += cpu
        corpus.essays[slug] = essay_pages.load(docs / "essays" / slug, docs)
        if progress and (index + 1) % max(1, spec.essays // 10) == 0:
            progress(f"imported {index + 1}/{spec.essays} essays ({corpus.import_seconds:.1f} s)")
    corpus.words = sum(essay_pages.plain_words(e) for e in corpus.essays.values())
    write_glossary(docs, prose, corpus.terms)
    write_notes(docs, prose, corpus)
    return corpus
