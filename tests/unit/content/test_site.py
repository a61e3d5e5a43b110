"""Where a page sits in the edition, read from its path."""

from __future__ import annotations

import pytest

from edition.content.site import index_paragraphs, load_essays, load_site

ESSAY_PAGE = "---\ntitle: E\nessay: e\nauthor: A\ndate: '2024-01-01'\norder: 0\n---\n\n# E\n\nText.\n{: #opening-1 }\n"


@pytest.mark.parametrize(
    "change, message",
    [
        (
            ("date: '2024-01-01'", "date: 2023-02-30"),
            "index.md: front matter is not valid YAML (line 5): '2023-02-30' cannot be read as a date: "
            "day is out of range for month",
        ),
        (("order: 0", "order: [1]"), "index.md: 'order' must be a whole number, not a list"),
        (("order: 0", "order: 0\nreading_time: soon"), "index.md: 'reading_time' must be a whole number, not text"),
    ],
    ids=["impossible date", "order a list", "reading time text"],
)
def test_an_essay_page_that_cannot_be_read_is_a_problem_naming_the_page(tmp_path, change, message):
    """A hand-edited page: a TypeError from int([1]) was a traceback, and no message named the page."""
    folder = tmp_path / "docs" / "essays" / "e"
    folder.mkdir(parents=True)
    (folder / "index.md").write_text(ESSAY_PAGE.replace(*change))
    essays, problems = load_essays(tmp_path / "docs", tmp_path)
    assert essays == {}
    assert [str(p) for p in problems] == [
        f"docs/essays/e: cannot be read as an essay: {message}. Re-import it with scripts/import_essay.py."
    ]


SECTION_PAGE = (
    ESSAY_PAGE.replace("order: 0", "order: 1")
    .replace("title: E", "title: Part")
    .replace("# E", "# Part")
    .replace("opening-1", "part-1")
)


@pytest.mark.parametrize(
    ("plant", "essays", "sections"),
    [
        (lambda docs, outside: None, ["e"], ["index", "part"]),
        (lambda docs, outside: (docs / "essays" / "x").symlink_to(outside), ["e"], ["index", "part"]),
        (
            lambda docs, outside: (docs / "essays" / "e" / "secret.md").symlink_to(outside / "index.md"),
            ["e"],
            ["index", "part"],
        ),
        (lambda docs, outside: (docs / "essays" / "e" / "zero.md").symlink_to("/dev/zero"), ["e"], ["index", "part"]),
        (lambda docs, outside: (docs / "essays" / "e" / "dir.md").mkdir(), ["e"], ["index", "part"]),
    ],
    ids=["none", "a linked essay folder", "a linked page", "a link to /dev/zero", "a folder named .md"],
)
def test_the_essays_are_read_without_following_a_link(tmp_path, plant, essays, sections):
    """What a link points to is never read (the build names the link); a folder named like a page is no page."""
    docs, outside = tmp_path / "docs", tmp_path / "outside"
    (docs / "essays" / "e").mkdir(parents=True)
    outside.mkdir()
    (docs / "essays" / "e" / "index.md").write_text(ESSAY_PAGE)
    (docs / "essays" / "e" / "part.md").write_text(SECTION_PAGE)
    (outside / "index.md").write_text(ESSAY_PAGE.replace("Text.", "A secret."))
    plant(docs, outside)
    found, problems = load_essays(docs, tmp_path)
    assert (sorted(found), problems) == (essays, [])
    assert [s.slug for s in found["e"].sections] == sections


@pytest.mark.parametrize(
    ("source", "where"),
    [("sources/e.txt", "the essay's source, sources/e.txt,"), ("", "the essay's source")],
    ids=["with its source", "without"],
)
def test_prose_a_hand_edit_left_without_an_id_is_a_problem_naming_its_line(tmp_path, source, where):
    """Shown on the page but not in the model: no link, citation or note could reach it, and nothing said so."""
    folder = tmp_path / "docs" / "essays" / "e"
    folder.mkdir(parents=True)
    page = ESSAY_PAGE.replace("order: 0", f"order: 0\nsource: {source}" if source else "order: 0")
    (folder / "index.md").write_text(page + "\nAdded by hand.\n")
    essays, problems = load_essays(tmp_path / "docs", tmp_path)
    line = 15 if source else 14
    assert [p.id for p in essays["e"].paragraphs()] == ["opening-1"]
    assert [(str(p), p.line) for p in problems] == [
        (
            f"docs/essays/e/index.md: line {line}: this paragraph has no id line ('{{: #...}}' below its text): it is "
            f"shown, but readers cannot link to it, cite it or annotate it. Make the change in {where} and import "
            "it again: the importer gives each paragraph an id no other text has had.",
            line,
        )
    ]


@pytest.mark.parametrize(
    ("folders", "problem"),
    [
        (
            {"e": ESSAY_PAGE + "\nCopied.\n{: #opening-1 }\n"},
            "docs/essays/e/index.md: paragraph id 'opening-1' is also used in docs/essays/e/index.md. Each paragraph "
            "has an id of its own: a hand edit copied this one. Give the paragraph back its own id (git shows it), or "
            "make the change in the essay's source and import it again.",
        ),
        (
            {"e": ESSAY_PAGE, "f": ESSAY_PAGE.replace("essay: e", "essay: f")},
            "docs/essays/f/index.md: paragraph id 'opening-1' is also used in docs/essays/e/index.md. Paragraph ids "
            "must be unique across the site: re-import the newer essay.",
        ),
    ],
    ids=["copied within an essay", "two essays"],
)
def test_an_id_used_twice_is_a_problem_whose_advice_fits_its_cause(tmp_path, folders, problem):
    for slug, text in folders.items():
        folder = tmp_path / "docs" / "essays" / slug
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(text)
    essays, _ = load_essays(tmp_path / "docs", tmp_path)
    _, problems = index_paragraphs(essays, tmp_path, tmp_path / "docs")
    assert [str(p) for p in problems] == [problem]


@pytest.mark.parametrize(
    ("folders", "copied"),
    [
        ({"e": ESSAY_PAGE}, set()),
        ({"e": ESSAY_PAGE + "\nCopied.\n{: #opening-1 }\n"}, {("docs/essays/e/index.md", "opening-1")}),
        (
            {"e": ESSAY_PAGE, "f": ESSAY_PAGE.replace("essay: e", "essay: f")},
            {("docs/essays/f/index.md", "opening-1")},  # the later essay's: the first keeps the id
        ),
    ],
    ids=["none", "copied within an essay", "two essays"],
)
def test_the_copied_ids_are_those_of_the_paragraphs_reported(tmp_path, folders, copied):
    """What the link check is told the model reported: each later holder of an id, by file, not the first."""
    for slug, text in folders.items():
        folder = tmp_path / "docs" / "essays" / slug
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(text)
    assert load_site(tmp_path / "docs", tmp_path).copied_ids() == copied


@pytest.mark.parametrize(
    ("change", "problem_line"),
    [
        (("# Part", "# Part"), None),
        (("# Part", "# A part renamed by hand"), 9),
        (("title: Part", "title: A title renamed by hand"), 9),
        (("# Part", "#  Part  "), None),  # Markdown trims a heading: the same name
        (("# Part", "## Part"), None),  # no title heading left: nothing to compare
        (("title: Part\n", ""), None),  # no title in the front matter: MkDocs takes the heading
    ],
    ids=["as imported", "heading renamed", "title renamed", "spaces around", "no heading", "no title"],
)
def test_a_heading_renamed_without_its_title_is_a_problem_naming_its_line(tmp_path, change, problem_line):
    """The navigation, the whole-essay page and search show the front matter's title, the page its heading."""
    folder = tmp_path / "docs" / "essays" / "e"
    folder.mkdir(parents=True)
    (folder / "index.md").write_text(ESSAY_PAGE)
    (folder / "part.md").write_text(SECTION_PAGE.replace(*change))
    _, problems = load_essays(tmp_path / "docs", tmp_path)
    title = "A title renamed by hand" if "title:" in change[1] else "Part"
    expected = (
        []
        if problem_line is None
        else [
            f"docs/essays/e/part.md: line {problem_line}: the page's heading is not its title ('{title}' in its front "
            "matter), which the navigation, the whole-essay page and search show. Change both together, or make the "
            "change in the essay's source and import it again."
        ]
    )
    assert [str(p) for p in problems] == expected
