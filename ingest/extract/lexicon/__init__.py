"""Cue words of the domain (titles, roles, relation triggers, place and group head words), split by kind."""

# All entries are lower case; lookups use token.lower_ (or the lemma where noted).

from __future__ import annotations

from .groups import (
    CAMP_HEADS,
    CAMP_PREFIXES,
    GROUP_HEADS,
    GROUP_PART_NOUNS,
    MILITANT_CUES,
    NON_GROUP_WORDS,
    POLITICAL_PARTIES,
    WEAK_GROUP_HEADS,
)
from .people import CREEDS, NAME_HONORIFICS, PEOPLES, PERSON_STOP, ROLE_TITLES, TITLE_ADJECTIVES
from .places import (
    COMPASS_ADJECTIVES,
    COMPASS_POINTS,
    DEMONYM_SKIP,
    DEMONYMS,
    LOWER_ADMIN_HEADS,
    PLACE_HEADS,
    PLACE_PREFIX_HEADS,
    PLURAL_PLACE_HEADS,
    SETTLEMENT_NOUNS,
)
from .relation_cues import (
    LEAD_NOUNS,
    LEAD_VERBS,
    LOCATIVE_PREPS,
    MEMBER_NOUNS,
    MEMBER_VERBS,
    OPERATE_WORDS,
    TRAIN_WORDS,
)
from .tie_cues import ALLY_WORDS, KIN_WORDS, RIVAL_WORDS

__all__ = [
    "ALLY_WORDS",
    "CAMP_HEADS",
    "CAMP_PREFIXES",
    "COMPASS_ADJECTIVES",
    "COMPASS_POINTS",
    "CREEDS",
    "DEMONYMS",
    "DEMONYM_SKIP",
    "GROUP_HEADS",
    "GROUP_PART_NOUNS",
    "KIN_WORDS",
    "LEAD_NOUNS",
    "LEAD_VERBS",
    "LOCATIVE_PREPS",
    "LOWER_ADMIN_HEADS",
    "MEMBER_NOUNS",
    "MEMBER_VERBS",
    "MILITANT_CUES",
    "NAME_HONORIFICS",
    "NON_GROUP_WORDS",
    "OPERATE_WORDS",
    "PEOPLES",
    "PERSON_STOP",
    "PLACE_HEADS",
    "PLACE_PREFIX_HEADS",
    "PLURAL_PLACE_HEADS",
    "POLITICAL_PARTIES",
    "RIVAL_WORDS",
    "ROLE_TITLES",
    "SETTLEMENT_NOUNS",
    "TITLE_ADJECTIVES",
    "TRAIN_WORDS",
    "WEAK_GROUP_HEADS",
]
