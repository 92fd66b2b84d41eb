"""How a place's name is cut from the words around it. Sentences written for these tests."""

from __future__ import annotations

from graph.ontology import NodeType, RelType
from ingest.extract import extract
from tests.ingest.readers import names


def test_a_lower_case_administrative_word_after_a_name_is_not_part_of_it() -> None:
    ex = extract("The camp lies in Thanchi upazila, and a second one in Kitaya village near the border.")
    places = names(ex, NodeType.PLACE)
    assert {"Thanchi", "Kitaya"} <= places
    assert not places & {"Thanchi upazila", "Kitaya village"}


def test_a_capitalised_administrative_word_stays_in_the_name() -> None:
    ex = extract("The group is active in Idlib Governorate and in Borno State.")
    assert {"Idlib Governorate", "Borno State"} <= names(ex, NodeType.PLACE)


def test_a_name_set_beside_a_kind_of_place_is_that_place() -> None:
    ex = extract(
        "ISIL remains active in the central Syrian desert, the Badiyah, where its cells ambush convoys."
    )
    assert "Badiyah" in {e.name for e in ex.entities if e.type is NodeType.PLACE}
    assert ("ISIL", "Badiyah") in {
        (r.source, r.target) for r in ex.relations if r.type is RelType.OPERATES_IN
    }
    said = extract("After the raid on the town, the Rangers said, the militants fled.")
    assert not [e for e in said.entities if e.type is NodeType.PLACE]
