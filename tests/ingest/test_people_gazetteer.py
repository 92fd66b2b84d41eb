"""The people gazetteer: listed people are Leaders under any published spelling, one node across documents,
and two listed people are never folded into one because they share a surname or a kunya."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Span

from graph.ids import fold
from graph.ontology import NodeType
from graph.open import open_store
from graph.settings import Settings
from graph.sqlite.store import SqliteStore
from ingest.extract import extract, extract_doc
from ingest.extract.gazetteer import get_gazetteer
from ingest.extract.normalize import name_key
from ingest.models import Extraction
from ingest.nlp import load_pipeline
from ingest.pipeline import ingest_paths

# Each pair: two spellings of one listed person, one per document.
SPELLINGS = [
    ("Hafiz Saeed", "Hafiz Muhammad Saeed"),
    ("Masood Azhar", "Maulana Mohammad Masood Azhar"),
    ("Abubakar Shekau", "Abu Bakr Shekau"),
    ("Zakiur Rehman Lakhvi", "Zaki-ur-Rehman Lakhvi"),
    ("Sirajuddin Haqqani", "Siraj Haqqani"),
]
FIRST = (
    "Hafiz Saeed founded Lashkar-e-Taiba in 1987. Masood Azhar is the founder of Jaish-e-Mohammed. "
    "Abubakar Shekau led Boko Haram after 2009. Zakiur Rehman Lakhvi was the operations commander of "
    "Lashkar-e-Taiba. Sirajuddin Haqqani leads the Haqqani Network.\n"
)
SECOND = (
    "Hafiz Muhammad Saeed heads Jamaat-ud-Dawa, a front of Lashkar-e-Taiba. Maulana Mohammad Masood Azhar "
    "leads Jaish-e-Mohammed from Bahawalpur. Abu Bakr Shekau, the leader of Boko Haram, was reported dead. "
    "Zaki-ur-Rehman Lakhvi commanded Lashkar-e-Taiba operations. "
    "Siraj Haqqani commands the Haqqani Network.\n"
)
HAQQANIS = (
    "Jalaluddin Haqqani founded the Haqqani Network. His son Sirajuddin Haqqani now leads the Haqqani "
    "Network, and Khalil Haqqani raises funds for the Haqqani Network. Haqqani fighters attacked Kabul.\n"
)


def ingest_texts(tmp: Path, texts: dict[str, str]) -> SqliteStore:
    folder = tmp / "docs"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp / "mkg.db"
    store = open_store(str(db))
    assert isinstance(store, SqliteStore)
    report = ingest_paths([folder], store, settings=Settings(store=str(db)))
    assert report.failed == []
    return store


def leader_ids(store: SqliteStore, name: str) -> list[str]:
    return store.lookup_names([fold(name)], NodeType.LEADER).get(fold(name), [])


def leaders(ex: Extraction) -> dict[str, dict[str, Any]]:
    return {e.name: e.attributes for e in ex.entities if e.type is NodeType.LEADER}


@pytest.fixture(scope="module")
def two_documents(tmp_path_factory: pytest.TempPathFactory) -> SqliteStore:
    return ingest_texts(tmp_path_factory.mktemp("spellings"), {"first.txt": FIRST, "second.txt": SECOND})


@pytest.mark.parametrize(("one", "other"), SPELLINGS)
def test_spellings_in_two_documents_are_one_node(two_documents: SqliteStore, one: str, other: str) -> None:
    ids_one, ids_other = leader_ids(two_documents, one), leader_ids(two_documents, other)
    assert len(ids_one) == 1, f"{one}: {ids_one}"
    assert ids_one == ids_other, f"{one} / {other}"
    entity = two_documents.get_entity(ids_one[0])
    gaz = get_gazetteer()
    assert gaz.person_by_key(name_key(one)) is gaz.person_by_key(name_key(entity.name))


def test_the_two_documents_give_one_leader_per_person(two_documents: SqliteStore) -> None:
    assert two_documents.stats().entities.get(NodeType.LEADER.value) == len(SPELLINGS)


def test_listed_haqqanis_stay_apart_in_one_document_and_across_documents(tmp_path: Path) -> None:
    ex = extract(HAQQANIS)
    people = leaders(ex)
    assert {"Jalaluddin Haqqani", "Sirajuddin Haqqani", "Khalil Haqqani"} <= set(people)
    assert "Haqqani" not in people
    store = ingest_texts(tmp_path, {"haqqanis.txt": HAQQANIS, "siraj.txt": SECOND})
    ids = {
        name: leader_ids(store, name)
        for name in ("Jalaluddin Haqqani", "Sirajuddin Haqqani", "Khalil Haqqani")
    }
    assert all(len(found) == 1 for found in ids.values()), ids
    assert len({found[0] for found in ids.values()}) == 3
    assert leader_ids(store, "Siraj Haqqani") == ids["Sirajuddin Haqqani"]


def test_a_shared_kunya_does_not_merge_two_people_across_documents(tmp_path: Path) -> None:
    store = ingest_texts(
        tmp_path,
        {
            "one.txt": "Khalid Umar, also known as Abu Muhammad, leads Boko Haram.\n",
            "two.txt": "Tariq Aziz, also known as Abu Muhammad, is a commander of al-Shabaab.\n",
        },
    )
    khalid, tariq = leader_ids(store, "Khalid Umar"), leader_ids(store, "Tariq Aziz")
    assert len(khalid) == len(tariq) == 1 and khalid != tariq


def test_spellings_in_one_document_are_one_entity_keeping_both() -> None:
    ex = extract(
        "Abubakar Shekau led Boko Haram from 2009. In 2014 Abu Bakr Shekau declared a caliphate in Gwoza "
        "on behalf of Boko Haram."
    )
    ((name, attributes),) = leaders(ex).items()
    entity = next(e for e in ex.entities if e.name == name)
    assert attributes["gazetteer"] == "Abubakar Shekau"
    assert {name, *entity.aliases} >= {"Abubakar Shekau", "Abu Bakr Shekau"}


def test_a_listed_name_spacy_typed_otherwise_is_still_a_leader() -> None:
    text = "Sirajuddin Haqqani leads the Haqqani Network, which operates in Khost."
    doc = load_pipeline()(text)
    end = next(t.i for t in doc if t.text == "leads")
    doc.ents = [Span(doc, 0, end, label="GPE")]  # as if spaCy took the name for a place
    people = leaders(extract_doc(text, doc))
    assert people.get("Sirajuddin Haqqani", {}).get("gazetteer") == "Sirajuddin Haqqani"
    doc = load_pipeline()(text)
    doc.ents = []  # as if spaCy missed the name altogether
    assert "Sirajuddin Haqqani" in leaders(extract_doc(text, doc))


def test_a_listed_name_inside_a_longer_name_is_not_that_person() -> None:
    ex = extract(
        "Hafiz Saeed Khan led the Islamic State Khorasan Province. Hafiz Saeed leads Lashkar-e-Taiba."
    )
    people = leaders(ex)
    assert people["Hafiz Saeed Khan"]["gazetteer"] == "Hafiz Saeed Khan"
    assert people["Hafiz Saeed"]["gazetteer"] == "Hafiz Saeed"


def test_a_title_before_the_name_is_tolerated() -> None:
    ex = extract("Mufti Noor Wali Mehsud is the amir of Tehrik-e-Taliban Pakistan.")
    assert any(a.get("gazetteer") == "Noor Wali Mehsud" for a in leaders(ex).values())


def _people_data() -> dict[str, Any]:
    path = resources.files("ingest").joinpath("data", "people.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_the_people_file_is_valid() -> None:
    data = _people_data()
    assert data["description"].strip()
    people = data["people"]
    assert len(people) >= 200
    owner: dict[tuple[str, ...], str] = {}
    for person in people:
        assert person["name"].strip() and person["source"].strip(), person
        for spelling in (person["name"], *person.get("aliases", [])):
            key = name_key(spelling)
            assert len(key) >= 2, f"single-word alias {spelling!r} of {person['name']}"
            assert not (key[0] in {"abu", "umm"} and len(key) == 2), f"bare kunya {spelling!r}"
            assert owner.setdefault(key, person["name"]) == person["name"], (
                f"{spelling!r} names both {owner[key]} and {person['name']}"
            )
    assert len({p["name"] for p in people}) == len(people)


def test_no_listed_spelling_is_a_group_name() -> None:
    gaz = get_gazetteer()
    assert not set(gaz.person_keys) & set(gaz.group_keys)
