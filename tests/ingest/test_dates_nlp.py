"""Dates in prose and the spaCy pipeline loader."""

from __future__ import annotations

import pytest

from ingest.dates import document_date, find_dates
from ingest.nlp import PipelineUnavailable, load_pipeline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on May 7, 2019 at noon.", "2019-05-07"),
        ("listed on 17 October 2001 pursuant", "2001-10-17"),
        ("in September 2014, the group", "2014-09"),
        ("formed in 2007 to oppose", "2007"),
        ("dated 2020-03-09 in the file", "2020-03-09"),
        ("the 3rd of March, 2015", "2015-03-03"),
    ],
)
def test_find_dates(text: str, expected: str) -> None:
    found = find_dates(text)
    assert [d[2] for d in found] == [expected]
    start, end, _ = found[0]
    assert text[start:end].strip()


def test_find_dates_ignores_numbers_and_the_verb_may() -> None:
    assert find_dates("They may strike 5000 targets; resolution 1267 (QDe.004) covers 26/11.") == []
    assert [d[2] for d in find_dates("between 1997 and August 1998")] == ["1997", "1998-08"]


def test_document_date_from_dateline_and_header() -> None:
    assert document_date("Muridke [Pakistan], May 7, 2019 -- The group said ...") == "2019-05-07"
    assert document_date("Title\nPosted on: 16 January 2023\n\nText from 1999.") == "2023-01-16"
    assert document_date("Foreign Terrorist Organizations: Abu Sayyaf Group (April 2014)\nBody") == "2014-04"
    assert document_date("A report with no date at the top.\nIt mentions 2001 later.") is None


def test_pipeline_is_loaded_once_and_parses() -> None:
    nlp = load_pipeline()
    assert load_pipeline() is nlp
    doc = nlp("Jaish-e-Mohammed was founded by Masood Azhar.")
    assert doc[0].text == "Jaish-e-Mohammed"  # transliterated names stay one token
    assert {"parser", "ner"} <= set(nlp.pipe_names)


def test_unknown_pipeline_falls_back_to_a_bundled_one() -> None:
    nlp = load_pipeline("no_such_spacy_package_xyz")
    assert nlp("Kabul is a city.")[0].text == "Kabul"
    assert issubclass(PipelineUnavailable, Exception)


def test_no_pipeline_at_all_raises_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.nlp as nlp_module

    monkeypatch.setattr(nlp_module, "_FALLBACKS", ())
    with pytest.raises(PipelineUnavailable) as err:
        nlp_module._load("no_such_spacy_package_xyz")
    assert "make install" in err.value.message


def test_a_possessive_comes_off_a_hyphenated_name_that_stays_whole() -> None:
    doc = load_pipeline()("al-Shabaab's security wing and Jaish-e-Mohammed's chief met Lashkar-e-Taiba men.")
    words = [t.text for t in doc]
    assert words[:2] == ["al-Shabaab", "'s"]
    assert "Jaish-e-Mohammed" in words and "Lashkar-e-Taiba" in words


def test_a_name_with_several_connectors_stays_one_token() -> None:
    doc = load_pipeline()("An outfit calling itself Jaish-e-Fursan-e-Muhammad claimed the attack.")
    assert "Jaish-e-Fursan-e-Muhammad" in [t.text for t in doc]


def test_a_transliterated_name_kept_whole_is_tagged_a_proper_noun() -> None:
    doc = load_pipeline()(
        "In 2012 the commanders set up an alliance called the Shura Ittehad-ul-Mujahideen, and "
        "Jaish-e-Fursan-e-Muhammad and Jamaat-ul-Ahrar claimed attacks."
    )
    tagged = {t.text: t.pos_ for t in doc if "-" in t.text}
    assert tagged == {
        "Ittehad-ul-Mujahideen": "PROPN",
        "Jaish-e-Fursan-e-Muhammad": "PROPN",
        "Jamaat-ul-Ahrar": "PROPN",
    }
