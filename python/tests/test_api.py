"""The typed API: code, parse, Coder, Document, Event, Actor, published dates and errors."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import eventcoder as ec

EXPEL = "Russia expelled 23 British diplomats on Friday."


def test_code_returns_typed_events() -> None:
    events = ec.code(EXPEL, published="2018-03-17")
    assert len(events) == 1
    e = events[0]
    assert isinstance(e, ec.Event)
    assert isinstance(e.source, ec.Actor) and isinstance(e.target, ec.Actor)
    assert (e.source.country, e.target.country) == ("RUS", "GBR")
    assert (e.source.code, e.target.code) == ("RUS", "GBRGOV")
    assert e.cameo.code == "161" and e.cameo.root == "16"
    assert e.cameo.quad_class == 4 and isinstance(e.cameo.goldstein, float)
    assert "diplomatic relations" in e.cameo.label
    assert e.plover.type == "SANCTION"
    assert isinstance(e.plover.contexts, list)
    assert e.date == datetime.date(2018, 3, 16)  # the Friday before the published Saturday
    assert e.date_source == "explicit"
    assert e.sentence_index == 0 and e.sentence == EXPEL
    assert e.trigger.startswith("expelled") and EXPEL[slice(*e.trigger_span)] == e.trigger
    assert ".tsv:" in e.rule
    assert 0.0 < e.confidence <= 1.0
    assert e.negated is False
    assert e.reported_by is None and e.location is None
    assert e.mentions == 1 and [m.trigger for m in e.evidence] == [e.trigger]


def test_parse_gives_the_whole_document() -> None:
    doc = ec.parse(ec.EXAMPLE_ARTICLE, id="kz")
    assert isinstance(doc, ec.Document)
    assert doc.id == "kz" and doc.text == ec.EXAMPLE_ARTICLE
    assert doc.published == datetime.date(2022, 10, 18)  # from the article's date line
    assert doc.dateline is not None and doc.dateline.place == "ASTANA"
    assert doc.dateline.outlet == "Reuters" and doc.reported_by == "Reuters"
    assert doc.text[slice(*doc.dateline.place_span)] == "ASTANA"
    assert len(doc.sentences) >= 5 and doc.sentences[0].index == 0
    assert len(doc) == len(doc.events) > 5 and list(doc) == doc.events
    assert all(e.article_id == "kz" for e in doc.events)
    # Tokens are the body's; every sentence's token range covers its words.
    s0 = doc.sentences[0]
    words = doc.tokens[s0.tokens[0] : s0.tokens[1]]
    assert words[0].text == s0.text.split()[0] and words[-1].span[1] == s0.span[1]
    assert doc.dates and all(isinstance(d.date, datetime.date) for d in doc.dates)
    consult = next(e for e in doc.events if e.cameo.root == "04")
    assert consult.source is not None and consult.source.name == "Kassym-Jomart Tokayev"
    assert consult.target is not None and consult.target.name == "Vladimir Putin"
    assert consult.location is not None and consult.location.name == "Astana"
    assert consult.location.country == "KAZ"


def test_coder_options() -> None:
    text = "Kremlin spokesman Dmitry Peskov said on Tuesday that talks would continue."
    loose = ec.Coder().code(text, published="2022-03-01")
    strict = ec.Coder(require_dyad=True).code(text, published="2022-03-01")
    assert any(e.target is None for e in loose)
    assert all(e.target is not None for e in strict)
    negated = "Iran did not attack Israel on Sunday."
    assert ec.Coder().code(negated, "2024-04-15") == []
    kept = ec.Coder(keep_negated=True).code(negated, "2024-04-15")
    assert kept and all(e.negated for e in kept)
    high = ec.Coder(min_confidence=0.99).code(ec.EXAMPLE_ARTICLE)
    assert len(high) < len(ec.code(ec.EXAMPLE_ARTICLE))
    c = ec.Coder(require_dyad=True, keep_negated=True, min_confidence=0.5)
    assert (c.require_dyad, c.keep_negated, c.min_confidence) == (True, True, 0.5)
    assert "require_dyad=True" in repr(c)
    with pytest.raises(ec.InvalidInputError, match="min_confidence"):
        ec.Coder(min_confidence=1.5)


def test_user_dictionaries(verb_dictionary: Path) -> None:
    text = "Russia gave a public dressing-down to Georgia on Monday."
    assert not [e for e in ec.code(text, "2021-01-05") if e.cameo.code == "111"]
    coder = ec.Coder(dictionaries=[verb_dictionary])
    assert coder.dictionaries == [str(verb_dictionary)]
    e = next(e for e in coder.code(text, "2021-01-05") if e.cameo.code == "111")
    assert e.target is not None and e.target.country == "GEO"
    assert "mine.tsv:2" in e.rule
    assert ec.Coder(dictionaries=[str(verb_dictionary)]) == coder


def test_dictionary_errors_say_where(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("code\tpattern\n999\toops\n", encoding="utf-8")
    with pytest.raises(ec.DictionaryError, match=r"bad\.tsv:2:.*unknown CAMEO code"):
        ec.Coder(dictionaries=[bad])
    assert issubclass(ec.DictionaryError, ValueError)
    with pytest.raises(FileNotFoundError, match="nowhere.tsv"):
        ec.Coder(dictionaries=[tmp_path / "nowhere.tsv"])


def test_dictionary_errors_carry_file_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "agents.tsv"
    bad.write_text(
        "# my roles\nphrases\tcameo\tsector\tflags\nwater minister\tGOV\tQQQ\t\n",
        encoding="utf-8",
    )
    with pytest.raises(ec.DictionaryError) as info:
        ec.Coder(dictionaries=[bad])
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.file, e.line, e.column) == (str(bad), 3, 20)
    assert str(e).startswith(f"{bad}:3:20: unknown sector")
    # A header after comment lines is reported on its own line.
    odd = tmp_path / "odd.tsv"
    odd.write_text("# a\n# b\nphrase\tcode\n", encoding="utf-8")
    with pytest.raises(ec.DictionaryError) as info:
        ec.Coder(dictionaries=[odd])
    assert (info.value.file, info.value.line, info.value.column) == (str(odd), 3, 1)
    # Invalid UTF-8: the line and column of the first bad byte.
    raw = tmp_path / "raw.tsv"
    raw.write_bytes(b"code\tpattern\n042\tvisit \xff\n")
    with pytest.raises(ec.DictionaryError, match="invalid UTF-8") as info:
        ec.Coder(dictionaries=[raw])
    assert (info.value.line, info.value.column) == (2, 11)
    # Too large: no line or column.
    big = tmp_path / "big.tsv"
    with big.open("wb") as f:
        f.truncate(ec.MAX_DICTIONARY_BYTES + 1)
    with pytest.raises(ec.DictionaryError, match="exceeds the limit") as info:
        ec.Coder(dictionaries=[big])
    assert (info.value.file, info.value.line, info.value.column) == (str(big), None, None)
    # A missing file is an OSError (FileNotFoundError), not a DictionaryError.
    with pytest.raises(FileNotFoundError) as missing:
        ec.Coder(dictionaries=[tmp_path / "missing.tsv"])
    assert isinstance(missing.value, OSError)
    assert "missing.tsv" in str(missing.value)


@pytest.mark.parametrize(
    "published",
    [
        "2018-03-17",
        " 2018-03-17 ",
        "2018-03-17T09:30:00Z",
        "2018-03-17 09:30:00",
        "2018-03-17T23:59:59.999+05:30",
        datetime.date(2018, 3, 17),
        datetime.datetime(2018, 3, 17, 23, 59),
    ],
)
def test_published_forms(published: object) -> None:
    doc = ec.parse(EXPEL, published=published)  # type: ignore[arg-type]
    assert doc.published == datetime.date(2018, 3, 17)
    assert doc.events[0].date == datetime.date(2018, 3, 16)


def test_no_published_date_means_no_event_date() -> None:
    for published in (None, ""):
        doc = ec.parse(EXPEL, published=published)
        assert doc.published is None
        assert doc.events[0].date is None and doc.events[0].date_source == "none"


@pytest.mark.parametrize(
    "bad", ["2018-13-01", "17/03/2018", "yesterday", "2018-02-30", "2018-03-17Tnonsense"]
)
def test_bad_published_is_a_value_error(bad: str) -> None:
    with pytest.raises(ValueError, match="published"):
        ec.code(EXPEL, published=bad)


@pytest.mark.parametrize("wrong", [20180317, 2018.0, ["2018-03-17"], b"2018-03-17"])
def test_wrong_published_type_is_a_type_error(wrong: object) -> None:
    with pytest.raises(TypeError, match="published must be"):
        ec.code(EXPEL, published=wrong)  # type: ignore[arg-type]


def test_wrong_text_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        ec.code(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ec.Coder().parse(b"Russia expelled diplomats.")  # type: ignore[arg-type]


def test_bad_date_line_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="2021-13-01"):
        ec.parse("date 2021-13-01\nRussia expelled diplomats.")


def test_too_large_is_a_typed_error() -> None:
    big = "a " * (ec.MAX_ARTICLE_BYTES // 2 + 1)
    with pytest.raises(ec.InputTooLargeError, match="exceeds the limit"):
        ec.code(big)


@pytest.mark.parametrize(
    "odd",
    ["", " ", "\n\n\n", ".", "\x00\x01", "🇹🇷" * 50, "((((", "Mr. " * 1000, "\u200b\ufeff x"],
)
def test_odd_input_never_crashes(odd: str) -> None:
    doc = ec.parse(odd)
    assert doc.text == odd
    for t in doc.tokens:
        assert odd[t.span[0] : t.span[1]] == t.text


def _spans(doc: ec.Document) -> list[tuple[tuple[int, int], str]]:
    out: list[tuple[tuple[int, int], str]] = []
    for e in doc.events:
        for a in (e.source, e.target):
            if a is not None:
                out.append((a.span, a.text))
        out.append((e.trigger_span, e.trigger))
        out.append((e.sentence_span, e.sentence))
        if e.location is not None:
            out.append((e.location.span, e.location.text))
        out.extend((m.trigger_span, m.trigger) for m in e.evidence)
    out.extend((s.span, s.text) for s in doc.sentences)
    out.extend((d.span, d.text) for d in doc.dates)
    out.extend((t.span, t.text) for t in doc.tokens)
    return out


def test_spans_are_string_indices_on_non_ascii_text(non_ascii: str) -> None:
    doc = ec.parse(non_ascii)
    assert doc.events, "the story codes"
    spans = _spans(doc)
    assert len(spans) > 50
    for (a, b), text in spans:
        assert non_ascii[a:b] == text
    names = {a.name for e in doc.events for a in (e.source, e.target) if a is not None}
    assert "Mevlüt Çavuşoğlu" in names
    assert any("🇹🇷" in t.text for t in doc.tokens)


def test_event_to_dict_is_the_cli_record() -> None:
    e = ec.code(EXPEL, published="2018-03-17")[0]
    d = e.to_dict()
    assert d["cameo"]["code"] == "161" and d["date"] == "2018-03-16"
    assert d["source"]["span"] == list(e.source.span) if e.source else False
    assert d["plover"]["type"] == "SANCTION" and d["mentions"] == 1
    assert set(d) >= {"article_id", "source", "target", "cameo", "plover", "trigger", "rule"}
    import json

    assert json.loads(e.to_json()) == d
    assert e.source is not None and e.source.to_dict()["country"] == "RUS"


def test_equality_and_repr() -> None:
    a = ec.code(EXPEL, published="2018-03-17")
    b = ec.code(EXPEL, published="2018-03-17")
    assert a == b and a[0] is not b[0]
    assert a != ec.code(EXPEL, published="2019-03-17")
    assert a[0].source == b[0].source and hash(a[0].source) == hash(b[0].source)
    assert len({a[0].source, b[0].source}) == 1
    r = repr(a[0])
    assert "RUS -> GBRGOV" in r and "161" in r and "2018-03-16" in r
    assert "Document(" in repr(ec.parse(EXPEL)) and "Actor(" in repr(a[0].source)
    assert ec.parse(EXPEL, "2018-03-17") == ec.parse(EXPEL, "2018-03-17")


def test_duplicates_collapse_with_every_mention() -> None:
    text = (
        "date 2023-05-10\n"
        "Ukraine accused Russia of shelling Kherson on Tuesday. "
        "Separately, officials met aid groups. "
        "Ukraine accused Russia of shelling Kherson on Tuesday."
    )
    accusations = [e for e in ec.code(text) if e.cameo.code.startswith("112")]
    assert len(accusations) == 1
    assert accusations[0].mentions == 2
    assert [m.sentence_index for m in accusations[0].evidence] == [0, 2]


def test_version_and_constants() -> None:
    assert ec.__version__.count(".") == 2
    assert ec.MAX_ARTICLE_BYTES == 16 * 1024 * 1024
    assert ec.COLUMNS[0] == "article_id" and len(set(ec.COLUMNS)) == len(ec.COLUMNS)


def test_every_public_name_has_a_runtime_docstring() -> None:
    """help() and Jupyter's ``?`` read runtime docstrings, not the stubs."""
    missing = []
    for name in ec.__all__:
        obj = getattr(ec, name)
        if not isinstance(obj, type) and not callable(obj):
            continue
        if not (obj.__doc__ or "").strip():
            missing.append(name)
        if isinstance(obj, type):
            for attr, value in vars(obj).items():
                if not attr.startswith("_") and not (getattr(value, "__doc__", "") or "").strip():
                    missing.append(f"{name}.{attr}")
    assert not missing, missing


def test_byte_order_mark_changes_nothing():
    # A leading UTF-8 byte-order mark is stripped where text enters the library: the date
    # header is still read.
    plain = ec.code(ec.EXAMPLE_ARTICLE)
    marked = ec.code("\ufeff" + ec.EXAMPLE_ARTICLE)
    assert plain and all(e.date is not None for e in plain)
    assert [e.to_dict() for e in plain] == [e.to_dict() for e in marked]


def test_exceptions_are_typed() -> None:
    """Bad input raises InvalidInputError subclasses (all ValueErrors); files raise OSError."""
    for cls in (ec.InvalidDateError, ec.DictionaryError, ec.InputTooLargeError):
        assert issubclass(cls, ec.InvalidInputError)
    assert issubclass(ec.InvalidInputError, ValueError)
    with pytest.raises(ec.InvalidDateError, match="published") as info:
        ec.parse("Japan condemned North Korea.", published="2023-02-30")
    assert info.value.value == "2023-02-30"
    with pytest.raises(ec.InputTooLargeError):
        ec.parse("a" * (ec.MAX_ARTICLE_BYTES + 1))
    with pytest.raises(OSError):
        ec.Coder(dictionaries=["/no/such/dir/roles.tsv"])
