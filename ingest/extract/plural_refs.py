"""'These groups also maintain a presence in eastern Syria', 'fighters of both factions have sheltered in
Kunar': a plural phrase for groups stands for each of the groups the text has just listed."""

from __future__ import annotations

from graph.ontology import NodeType
from ingest.extract.context import Ref
from ingest.extract.doc_view import DocView
from ingest.extract.reciprocal import LOOKBACK_SENTS, last_two_named

_PLURAL_GROUP_NOUNS = frozenset(
    {"groups", "factions", "militias", "outfits", "organisations", "organizations", "movements"}
)
_POINTING = frozenset({"these", "those", "both"})


def plural_group_refs(view: DocView, types: list[NodeType], refs: list[Ref]) -> list[Ref]:
    """One reference per group for 'these groups' / 'both factions' (never 'the groups', which may be
    any groups at all): 'both' means the last two groups named, 'these' and 'those' the groups of the
    last sentence that named more than one."""
    named = sorted(
        (r for r in refs if not r.anaphor and r.kind == "mention" and types[r.entity] is NodeType.GROUP),
        key=lambda r: r.root,
    )
    out: list[Ref] = []
    for noun in view.tokens_among(_PLURAL_GROUP_NOUNS):
        pointing = {c.lower_ for c in noun.children if c.dep_ in {"det", "predet"}} & _POINTING
        if not pointing or view.owner[noun.i] >= 0:
            continue
        sent = view.tok_sent[noun.i]
        if "both" in pointing:
            pair = last_two_named(named, noun.i, sent, view)
            meant = list(pair) if pair is not None else []
        else:
            meant = _last_listed([r for r in named if r.root < noun.i and sent - r.sent <= LOOKBACK_SENTS])
        out += [Ref(entity=e, root=noun.i, sent=sent, anaphor=True, kind="plural") for e in meant]
    return out


def _last_listed(before: list[Ref]) -> list[int]:
    by_sent: dict[int, list[int]] = {}
    for ref in before:
        listed = by_sent.setdefault(ref.sent, [])
        if ref.entity not in listed:
            listed.append(ref.entity)
    for sent in sorted(by_sent, reverse=True):
        if len(by_sent[sent]) >= 2:
            return by_sent[sent]
    return []
