"""The plain-text parser: header detection, headings, repairs, biography, escaping."""

from __future__ import annotations

import pytest

from edition.features.importer.parse import (
    SourceError,
    check_date_flag,
    check_text_flag,
    decode,
    ends_sentence,
    looks_like_author,
    looks_like_heading,
    parse,
    parse_date,
    publication_in,
    repair_breaks,
    split_blocks,
)


@pytest.mark.parametrize(
    "line, iso",
    [
        ("February 24 2023", "2023-02-24"),
        ("February 24, 2023", "2023-02-24"),
        ("24 February 2023", "2023-02-24"),
        ("12th March 2024", "2024-03-12"),
        ("Feb 24 2023", "2023-02-24"),
        ("2024-05-01", "2024-05-01"),
        ("Published: 1 May 2024", "2024-05-01"),
        ("Marina Zhang", None),
        ("February 30 2023", None),
    ],
)
def test_parse_date(line, iso):
    assert parse_date(line) == iso


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Marina Zhang", True),
        ("By Ana de Souza", True),
        ("Li Wei", True),
        ("Introduction", False),
        ("China's global strategy", False),
        ("This is a sentence.", False),
    ],
)
def test_looks_like_author(line, expected):
    assert looks_like_author(line) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("China's global strategy", True),
        ("Reflection", True),
        ("People and culture", True),
        ("A full sentence that ends.", False),
        ("Is this a question?", False),
        ("lower case start", False),
        ("1984 and after", True),
        ("'quoted' start", False),
        ("\u6210\u90fd at night", True),
        ("[The zero-sum game](#) described", False),
        ("A heading that is far too long to be a heading because it keeps going on and on", False),
    ],
)
def test_looks_like_heading(text, expected):
    assert looks_like_heading(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It ends.", True),
        ("It ends.'", True),
        ("Quoted 'position of strength.'", True),
        ("in scenes of drone", False),
        ("*The Wandering Earth II*", False),
        ("A question?", True),
    ],
)
def test_ends_sentence(text, expected):
    assert ends_sentence(text) is expected


@pytest.mark.parametrize(
    "blocks, joined, repairs",
    [
        (["in scenes of drone", "swarm battles, and more."], ["in scenes of drone swarm battles, and more."], 1),
        (["A heading", "Starts upper."], ["A heading", "Starts upper."], 0),
        (["Ends.", "lower start."], ["Ends.", "lower start."], 0),
        (["one", "two", "three."], ["one two three."], 2),
        (["A heading", "1984 was a year."], ["A heading", "1984 was a year."], 0),
        (["in scenes of drone", "*swarm* battles."], ["in scenes of drone *swarm* battles."], 1),
    ],
)
def test_repair_breaks(blocks, joined, repairs):
    out, found = repair_breaks(blocks)
    assert out == joined
    assert len(found) == repairs


def test_split_blocks_treats_space_only_lines_as_blank():
    assert split_blocks("one\n  \t \ntwo\nwrapped\n\n\nthree") == ["one", "two wrapped", "three"]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\xff\xfe bad", "is not UTF-8 text (byte 0xff at offset 0)"),
        (b"ok \xc3", "is not UTF-8 text (byte 0xc3 at offset 3)"),
    ],
)
def test_decode_rejects_non_utf8(data, message):
    with pytest.raises(SourceError, match="not UTF-8"):
        decode(data)
    with pytest.raises(SourceError) as info:
        decode(data)
    assert str(info.value).startswith(message)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"Title\n\nBy A Writer\n\x00", "line 4 has a control character (U+0000)"),
        (b"T\r\nA\rB\n\x1b[31mred", "line 4 has a control character (U+001B)"),
        (b"Page one.\x0cPage two.", "line 1 has a control character (U+000C)"),
        (b"a\x0bb", "line 1 has a control character (U+000B)"),
        (b"a\n\x7f", "line 2 has a control character (U+007F)"),
        ("a\n\nb\u0085c".encode(), "line 3 has a control character (U+0085)"),
        ("\ufeffok\n\u009b".encode(), "line 2 has a control character (U+009B)"),
    ],
    ids=["NUL", "escape after CRLF and CR", "form feed", "vertical tab", "DEL", "NEL (C1)", "CSI (C1) after a BOM"],
)
def test_decode_refuses_control_characters_naming_the_line(data, message):
    with pytest.raises(SourceError) as info:
        decode(data)
    assert str(info.value) == (
        f"{message}; remove it and try again (tab and line breaks are the only control characters a source may hold)"
    )


@pytest.mark.parametrize(
    "text, decoded",
    [
        ("a\tb\r\nc", "a\tb\nc"),
        ("one\u2028two\u2029three", "one\ntwo\n\nthree"),
        ("\u200bzero width", "\u200bzero width"),
    ],
    ids=["tab and CRLF", "Unicode line and paragraph separators", "format characters are words' business"],
)
def test_decode_keeps_tabs_and_reads_unicode_separators_as_line_breaks(text, decoded):
    assert decode(text.encode()) == decoded


@pytest.mark.parametrize(
    "name, value, expected",
    [
        ("--title", None, None),
        ("--title", " A Title ", "A Title"),
        ("--author", "", SourceError),
        ("--author", "Jane\nDoe", SourceError),
        ("--title", "Bell\x07", SourceError),
        ("--title", "\u00e9t\u00e9", "\u00e9t\u00e9"),
    ],
)
def test_check_text_flag(name, value, expected):
    if expected is SourceError:
        with pytest.raises(SourceError, match=f"^{name} .* must be words on one line, without control characters$"):
            check_text_flag(name, value)
    else:
        assert check_text_flag(name, value) == expected


def test_decode_drops_bom_and_normalizes_line_ends():
    assert decode("\ufeffa\r\nb\rc".encode()) == "a\nb\nc"


SEED_SHAPE = """Title of the Essay

Jane Doe
March 3 2021

Note: First published elsewhere.

Opening paragraph.

Section one

Body paragraph in
section one.

Jane Doe is a writer.
"""


def test_parse_seed_shape():
    essay = parse(SEED_SHAPE)
    assert (essay.title, essay.author, essay.date, essay.published) == (
        "Title of the Essay",
        "Jane Doe",
        "2021-03-03",
        "March 3 2021",
    )
    assert [(b.kind, b.text) for b in essay.blocks] == [
        ("note", "Note: First published elsewhere."),
        ("body", "Opening paragraph."),
        ("heading", "Section one"),
        ("body", "Body paragraph in section one."),
        ("bio", "Jane Doe is a writer."),
    ]


@pytest.mark.parametrize(
    "text, flags, message",
    [
        ("   \n\n \t\n", {}, "is empty"),
        ("This first line is a long sentence that ends with a full stop.\n\nMore.", {}, "pass --title"),
        ("A Title\n\nThe body starts here and goes on.", {}, "pass --author"),
        ("A Title\n\nJane Doe\n\nThe body starts here and goes on.", {}, "pass --date"),
    ],
)
def test_parse_errors_name_the_flag(text, flags, message):
    with pytest.raises(SourceError, match=message):
        parse(text, **flags)


def test_flags_supply_what_detection_misses():
    essay = parse(
        "A long first sentence without a title line.\n\nMore text.",
        title="Given",
        author="A. Person",
        when="2020-01-02",
    )
    assert (essay.title, essay.author, essay.date) == ("Given", "A. Person", "2020-01-02")
    assert [b.text for b in essay.blocks] == ["A long first sentence without a title line.", "More text."]


@pytest.mark.parametrize("value, ok", [("2023-02-24", True), ("24/02/2023", False), ("2023-02-30", False)])
def test_check_date_flag(value, ok):
    if ok:
        assert check_date_flag(value) == value
    else:
        with pytest.raises(SourceError, match="YYYY-MM-DD"):
            check_date_flag(value)


@pytest.mark.parametrize(
    "note, publication",
    [
        (
            "Note: This article appeared in the Australian Institute of International Affairs' blog, "
            "*Australian Outlook*, on February 24 2023.",
            "Australian Outlook",
        ),
        ("Note: First published in _The  Interpreter_ and *later* elsewhere.", "The Interpreter"),  # the first
        ("Note: First published elsewhere.", ""),
        ("Note: a 2*3*4 grid and snake_case_name are not italics.", ""),
        ("Note: \\*not italics\\* here.", ""),
    ],
)
def test_the_note_line_names_the_publication_in_italics(note, publication):
    assert publication_in(note) == publication


@pytest.mark.parametrize(
    "flags, publication",
    [({}, "Elsewhere Weekly"), ({"publication": "The Given Review"}, "The Given Review")],
)
def test_the_publication_comes_from_the_flag_else_the_note_line(flags, publication):
    text = SEED_SHAPE.replace("Note: First published elsewhere.", "Note: First published in *Elsewhere Weekly*.")
    assert parse(text, **flags).publication == publication
