"""Text -> Extraction: entities (groups, leaders, camps, places) and relations, with evidence.

One spaCy pass per document; everything else works on that one parsed Doc: gazetteer look-up,
cue-word patterns, dependency paths between mentions, and a little anaphora.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from graph.errors import MkgError
from graph.ontology import NodeType
from ingest.extract.accused import accused_lists
from ingest.extract.banners import banner_alliances
from ingest.extract.build import build_extraction
from ingest.extract.camps import find_place_camps
from ingest.extract.chains import cross_sentence
from ingest.extract.context import (
    Salience,
    anaphor_refs,
    ignored_mentions,
    mention_ref,
    refs_by_sentence,
)
from ingest.extract.demonyms import country_frames, demonym_places
from ingest.extract.doc_view import DocView
from ingest.extract.factions import faction_leaders
from ingest.extract.gazetteer import get_gazetteer
from ingest.extract.group_aliases import add_group_aliases
from ingest.extract.infobox import infobox_fields
from ingest.extract.leader_frames import leader_frames
from ingest.extract.leader_ties import share_with_listed_people
from ingest.extract.mentions import add_nested_camp_places, find_mentions
from ingest.extract.operations import (
    carried_places,
    claimed_attacks,
    described_as_active,
    drop_loose_containers,
    groupless_operations,
    joint_operations,
    leaders_operations,
    main_group_places,
    sole_group_places,
    spread_over_place_lists,
)
from ingest.extract.place_chains import (
    bracketed_containers,
    comma_chains,
    comma_in_places,
    drop_implied_containers,
    listed_in_place,
    listed_places_within,
    narrowed_places,
    nested_camp_places,
    places_like,
)
from ingest.extract.plural_refs import plural_group_refs
from ingest.extract.reciprocal import joined_fronts, merger_lists, merger_verbs, the_two_groups
from ingest.extract.relations import RelationFinder
from ingest.extract.resolve import add_defined_acronyms, resolve
from ingest.extract.succession import leadership_handed_on, successions
from ingest.models import Extraction
from ingest.nlp import load_pipeline

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ExtractionFailed", "extract", "extract_doc", "extract_many"]

_BATCH = 8


class ExtractionFailed(MkgError):
    """The extractor met text it could not handle."""


def extract(text: str, *, doc_date: str | None = None) -> Extraction:
    """Entities and relations stated in `text` (offsets in evidence refer to `text` itself)."""
    if not text or not text.strip():
        return Extraction()
    nlp = load_pipeline()
    return extract_doc(text, nlp(text), doc_date=doc_date)


def extract_many(texts: Iterable[str], *, batch_size: int = _BATCH) -> list[Extraction]:
    """Like `extract` for many texts, parsing them in batches with nlp.pipe."""
    items = list(texts)
    out: list[Extraction] = [Extraction() for _ in items]
    todo = [i for i, t in enumerate(items) if t and t.strip()]
    if not todo:
        return out
    nlp = load_pipeline()
    for i, doc in zip(todo, nlp.pipe((items[i] for i in todo), batch_size=batch_size), strict=True):
        out[i] = extract_doc(items[i], doc)
    return out


def extract_doc(text: str, doc: Doc, *, doc_date: str | None = None) -> Extraction:
    """Extraction from an already parsed Doc of `text`."""
    try:
        return _extract(text, doc)
    except MkgError:
        raise
    except Exception as exc:  # a bug must not surface as a stack trace to users
        raise ExtractionFailed("The extractor could not process this document.") from exc


_NOT_ACTING = frozenset({"affiliation", "owner"})


def _extract(text: str, doc: Doc) -> Extraction:
    gaz = get_gazetteer()
    view = DocView.build(text, doc)
    find_mentions(view, gaz)
    find_place_camps(view)
    add_nested_camp_places(view, gaz)
    links = add_defined_acronyms(view)
    links.update(add_group_aliases(view))
    for idx in ignored_mentions(view):
        view.mentions[idx].entity = -2
    entities = resolve(view, links)
    types = [e.type for e in entities]
    refs = [mention_ref(view, m) for m in view.mentions if m.entity >= 0 and not m.nested]
    salience = Salience(view, refs, types)
    refs += anaphor_refs(view, salience)
    refs += plural_group_refs(view, types, refs)
    by_sent = refs_by_sentence(sorted(refs, key=lambda r: r.root))
    doc.user_data["place_tokens"] = {
        i for m in view.mentions if m.type is NodeType.PLACE for i in range(m.tok_start, m.tok_end)
    }
    finder = RelationFinder(view, types, [e.place for e in entities])
    for sent_refs in by_sent.values():
        finder.sentence(sent_refs)
    comma_chains(finder, view)
    comma_in_places(finder, view)
    places_like(finder, view)
    listed_places_within(finder, view)
    listed_in_place(finder, view)
    narrowed_places(finder, view)
    demonym_places(finder, view)
    country_frames(finder, view)
    bracketed_containers(finder, view)
    nested_camp_places(finder, view)
    cross_sentence(finder, view, refs, salience)
    accused_lists(finder, view, refs, salience)
    share_with_listed_people(finder)
    successions(finder, view, salience)
    leadership_handed_on(finder, view, salience)
    faction_leaders(finder, view)
    leader_frames(finder, view)
    the_two_groups(finder, view, refs)
    merger_lists(finder, view, refs)
    merger_verbs(finder, view)
    joined_fronts(finder, view)
    banner_alliances(finder, view)
    acting = [r for r in refs if r.kind not in _NOT_ACTING]  # the loose place rules read actors only
    groupless_operations(finder, view, acting, salience)
    leaders_operations(finder, view, acting)
    claimed_attacks(finder, view, acting)
    described_as_active(finder, view)
    main_group_places(finder, view, acting, salience)
    sole_group_places(finder, view, acting)
    carried_places(finder, view, acting)
    infobox_fields(finder, view, refs, salience)
    spread_over_place_lists(finder, view)
    joint_operations(finder, view)
    drop_implied_containers(finder)
    drop_loose_containers(finder)
    return build_extraction(view, entities, finder.found)
