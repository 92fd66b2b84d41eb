"""The curated place lists (places.json, regions.json): well-formed entries, no name that would make an
ordinary word a place, and English names of subdivisions the offline packages spell otherwise."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from graph.ontology import NodeType, RelType
from ingest.extract import extract
from ingest.extract.gazetteer import get_gazetteer
from ingest.extract.normalize import name_key
from ingest.extract.paths import place_fits
from tests.ingest.readers import names, rels

_FILES = ("places.json", "regions.json")
_FIELDS = {"name", "aliases", "country", "parent", "lat", "lon", "kind"}
_LONE_WORDS = {"north", "south", "east", "west", "central", "state", "region", "province", "district", "the"}


def _entries(file: str) -> list[dict[str, Any]]:
    raw = resources.files("ingest").joinpath("data", file).read_text(encoding="utf-8")
    places: list[dict[str, Any]] = json.loads(raw)["places"]
    return places


@pytest.mark.parametrize("file", _FILES)
def test_every_entry_has_the_fields_and_sane_coordinates(file: str) -> None:
    for entry in _entries(file):
        assert set(entry) == _FIELDS, entry["name"]
        assert entry["name"].strip() == entry["name"] and entry["name"]
        if entry["lat"] is not None:
            assert -90 <= entry["lat"] <= 90 and -180 <= entry["lon"] <= 180, entry["name"]


@pytest.mark.parametrize("file", _FILES)
def test_no_name_reduces_to_a_lone_ordinary_word(file: str) -> None:
    for entry in _entries(file):
        for name in [entry["name"], *entry["aliases"]]:
            key = name_key(name)
            assert key, name
            assert not (len(key) == 1 and key[0] in _LONE_WORDS), name


def test_english_subdivision_names_resolve_to_their_country() -> None:
    gaz = get_gazetteer()
    for name, country in [
        ("Sistan and Baluchestan", "Iran"),
        ("East Java", "Indonesia"),
        ("Nineveh", "Iraq"),
        ("Far North Region", "Cameroon"),
    ]:
        idx = gaz.place_keys.get(name_key(name))
        assert idx is not None, name
        assert gaz.places[idx].country == country, name


def test_a_curated_country_holds_places_of_its_country_code() -> None:
    gaz = get_gazetteer()
    derna = gaz.places[gaz.place_keys[name_key("Derna")]]
    libya = gaz.places[gaz.place_keys[name_key("Libya")]]
    assert place_fits(derna, libya)


def test_english_region_names_are_places_in_running_text() -> None:
    ex = extract(
        "Jaish al-Adl attacked a border post in Sistan and Baluchestan, and JAD cells hid in East Java."
    )
    places = names(ex, NodeType.PLACE)
    assert {"Sistan and Baluchestan", "East Java"} <= places
    assert ("Jaish al-Adl", "Sistan and Baluchestan") in rels(ex, RelType.OPERATES_IN)


@pytest.mark.parametrize("file", _FILES)
def test_no_alias_swallows_the_place_its_entry_lies_in(file: str) -> None:
    # 'Mopti region of Mali' as an alias would make one mention of Mopti and Mali, and lose Mali.
    gaz = get_gazetteer()
    for entry in _entries(file):
        first = entry["name"].split()[0].lower()
        for alias in entry["aliases"]:
            if " of " not in alias or alias.split()[0].lower() != first:
                continue
            container = gaz.place_by_key(name_key(alias.split(" of ", 1)[1]))
            assert container is None or container.name == entry["name"], (entry["name"], alias)


def test_a_region_of_its_country_is_two_places() -> None:
    ex = extract("JNIM claimed a suicide attack in Sevare, in the Mopti region of Mali, in June 2018.")
    assert {"Mali"} <= names(ex, NodeType.PLACE)
    assert not any(" of " in p for p in names(ex, NodeType.PLACE))
