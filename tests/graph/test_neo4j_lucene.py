"""User text to Lucene queries for the Neo4j full-text indexes: words only, escaped, never syntax."""

from __future__ import annotations

import pytest

from graph.neo4j import lucene

SPECIAL = '+-&|!(){}[]^"~*?:\\/'


def test_escape_backslashes_every_special_character() -> None:
    assert lucene.escape(SPECIAL) == "".join("\\" + ch for ch in SPECIAL)
    assert lucene.escape("jaish") == "jaish"


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Jaish-e-Moh", "+jaish* +e +moh*"),
        ("MUZAFFARĀBĀD", "+muzaffarabad*"),
        ("Da'esh", "(+da* +esh*) OR (+daesh*)"),
        ('jaish"*) OR (x', "+jaish* +or* +x"),
        ("taliban AND OR (", "+taliban* +and* +or*"),
    ],
)
def test_entity_query_keeps_words_only(q: str, expected: str) -> None:
    assert lucene.entity_query(q) == expected


@pytest.mark.parametrize("q", ['"', "*", "^", ":", "-", "{}", "\x00", "", "  "])
def test_no_word_no_query(q: str) -> None:
    assert lucene.entity_query(q) is None
    assert lucene.document_query(q) is None


def test_document_query_drops_stop_words_unless_nothing_is_left() -> None:
    assert lucene.document_query("the camp in Kashmir") == "+camp* +kashmir*"
    assert lucene.document_query("the") == "+the*"


def test_queries_are_bounded() -> None:
    query = lucene.entity_query(" ".join(f"w{i}" for i in range(50)))
    assert query is not None and query.count("+") == lucene.MAX_TERMS


def test_search_tokens_hold_plain_and_folded_words() -> None:
    tokens = lucene.search_tokens(["Muzaffarābād", "Da'esh", "لشكر"]).split(" ")
    assert {"muzaffarabad", "da", "esh", "daesh", "لشكر"} <= set(tokens)
    assert tokens == sorted(set(tokens))


def test_name_keys_are_one_token_per_folded_name() -> None:
    assert lucene.name_keys(["jaish e mohammed", "jem", "", "jem"]) == "jaish_e_mohammed jem"
    assert lucene.key_query("a+b (c)") == r"a\+b_\(c\)"


def test_snippet_is_plain_text_around_the_first_hit() -> None:
    words = " ".join(f"w{i}" for i in range(100))
    text = f"{words} The <b>brother</b> of Masood Azhar. {words}"
    snippet = lucene.snippet(text, "BROTHER")
    assert "<b>brother</b>" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet.split()) <= 30
    assert lucene.snippet("short text", "absent") == "short text"
