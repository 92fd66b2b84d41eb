"""User text becomes a safe FTS5 query: quoted prefix terms, never raw syntax."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.sqlite.fts import MAX_TERMS, match_query


def test_words_become_quoted_prefixes() -> None:
    assert match_query("Jaish-e-Moh") == '"Jaish"* "e" "Moh"*'
    assert match_query("jaish") == '"jaish"*'


def test_folded_spelling_is_tried_too() -> None:
    assert match_query("Da'esh") == '("Da"* "esh"*) OR ("daesh"*)'


@pytest.mark.parametrize("text", ["", "   ", '"', "*", "(", "-", "^", ":", "\x00"])
def test_text_without_words_gives_no_query(text: str) -> None:
    assert match_query(text) is None


def test_operators_are_only_words() -> None:
    assert match_query("AND OR (") == '"AND"* "OR"*'
    assert match_query("NEAR(a b)") == '"NEAR"* "a" "b"'


def test_long_text_is_cut_to_a_few_terms() -> None:
    query = match_query(" ".join(f"w{i}" for i in range(100)))
    assert query is not None and query.count('"') == 2 * MAX_TERMS


@given(st.text(max_size=60))
def test_any_text_gives_a_query_fts5_accepts(text: str) -> None:
    query = match_query(text)
    if query is None:
        return
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5 (a, tokenize='unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t (a) VALUES ('jaish e mohammed')")
    db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchone()
    db.close()
