import pickle
import re

import eventcoder


def test_version_is_semver():
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", eventcoder.__version__)


def test_tokenize_spans_are_string_indices_on_non_ascii_text():
    text = "Çavuşoğlu’s “talks” with Bùi Thanh Sơn — in 習近平's 🇺🇸 visit"
    tokens = eventcoder.tokenize(text)
    assert tokens, "no tokens"
    for t in tokens:
        assert text[t.span[0] : t.span[1]] == t.text
    words = [t.text for t in tokens]
    assert words[:2] == ["Çavuşoğlu", "’s"]
    assert tokens[1].kind == "possessive" and tokens[1].norm == "'s"
    assert "Sơn" in words


def test_tokenize_keeps_all_text():
    text = "U.S.-led talks, Sept. 11 ... $6.2-million\n\n@UN #peace https://un.org/x."
    tokens = eventcoder.tokenize(text)
    rebuilt = []
    last = 0
    for t in tokens:
        gap = text[last : t.span[0]]
        assert gap.strip() == ""
        rebuilt.append(gap + t.text)
        last = t.span[1]
    assert "".join(rebuilt) + text[last:] == text
    kinds = {t.text: t.kind for t in tokens}
    assert kinds["U.S.-led"] == "word"
    assert kinds["@UN"] == "handle"
    assert kinds["#peace"] == "hashtag"
    assert kinds["https://un.org/x"] == "url"


def test_token_pickles_and_compares():
    t = eventcoder.tokenize("Kremlin")[0]
    assert pickle.loads(pickle.dumps(t)) == t
    assert "Kremlin" in repr(t)


def test_tokenize_rejects_non_str():
    import pytest

    with pytest.raises(TypeError):
        eventcoder.tokenize(b"bytes")  # type: ignore[arg-type]


def test_example_article_is_embedded():
    assert eventcoder.EXAMPLE_ARTICLE.startswith("date ")
