"""Synthetic document graphs for store benchmarks: no reading or extraction, just graph-shaped data.

`make_document_graphs(n_relations, seed)` yields `DocumentGraph`s of about 50 relations each, about
n_relations relation statements in all, over about n_relations / 3 entities of every type. Half of the
endpoint picks follow a Zipf law, so a few groups and places become hubs as in real reporting; the other
half are uniform, so nearly every entity is used. Every relation carries one evidence sentence with its
offsets in the document text and a date. The same arguments give the same graphs.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Iterator
from itertools import accumulate

from graph.ids import canonical_pair, document_id, entity_id
from graph.models import Document, DocumentGraph, EntityRecord, Evidence, RelationRecord
from graph.ontology import ENDPOINTS, NodeType, Reliability, RelType

RELATIONS_PER_DOCUMENT = 50
# fmt: off
_ONSETS = ("b", "d", "f", "gh", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "w", "z")
_SYLLABLES = tuple(o + v for o in _ONSETS for v in ("a", "i", "u", "aa", "ee", "oo"))
_GROUP_PREFIXES = ("Lashkar-e-", "Jaish-e-", "Tehrik-i-", "Harkat-ul-", "Jamaat-ul-", "Ansar al-", "Hizb-ul-")
_FIRST_NAMES = ("Abdul Karim", "Muhammad", "Mohammed", "Zahid", "Tariq", "Nasir", "Sajjad", "Yasin", "Khalid",
                "Bashir", "Umar", "Saifullah", "Nur Ahmed", "Fazal", "Idris", "Hamza", "Ismail", "Habib")
_PLACE_SUFFIXES = ("abad", "pur", "kot", "garh", " Valley", " District")
_TITLES = ("Maulana", "Mufti", "Qari", "Commander", "Amir")
# fmt: on
_ENTITY_SHARE = {NodeType.GROUP: 0.15, NodeType.LEADER: 0.45, NodeType.CAMP: 0.15, NodeType.PLACE: 0.25}
_RELATION_SHARE = {
    RelType.LEADS: 0.10,
    RelType.MEMBER_OF: 0.22,
    RelType.TRAINS_AT: 0.10,
    RelType.ALLIED_WITH: 0.10,
    RelType.RIVAL_OF: 0.06,
    RelType.LOCATED_IN: 0.14,
    RelType.OPERATES_IN: 0.18,
    RelType.RELATED_TO: 0.10,
}
_PHRASES = {
    RelType.LEADS: "leads",
    RelType.MEMBER_OF: "is a member of",
    RelType.TRAINS_AT: "trains at",
    RelType.ALLIED_WITH: "is allied with",
    RelType.RIVAL_OF: "is a rival of",
    RelType.LOCATED_IN: "is located in",
    RelType.OPERATES_IN: "operates in",
    RelType.RELATED_TO: "is a brother of",
}
_SOURCES = ("synthetic wire", "synthetic monitor", "synthetic court records", None)


def _word(index: int) -> str:
    """A distinct pronounceable word for every index (at least two syllables)."""
    parts = []
    index += len(_SYLLABLES)
    while index:
        index, digit = divmod(index, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts).capitalize()


def _name(node_type: NodeType, index: int) -> tuple[str, list[str]]:
    """Name and aliases of the index-th entity of a type; distinct within the type by construction."""
    if node_type is NodeType.GROUP:
        prefix = _GROUP_PREFIXES[index % len(_GROUP_PREFIXES)]
        name = prefix + _word(index // len(_GROUP_PREFIXES))
        return name, [name.replace("-e-", "-i-")] if "-e-" in name else []
    if node_type is NodeType.LEADER:
        first = _FIRST_NAMES[index % len(_FIRST_NAMES)]
        name = f"{first} {_word(index // len(_FIRST_NAMES))}"
        return name, [f"{_TITLES[index % len(_TITLES)]} {name}"]
    if node_type is NodeType.CAMP:
        return f"Markaz {_word(index)}", []
    suffix = _PLACE_SUFFIXES[index % len(_PLACE_SUFFIXES)]
    return _word(index // len(_PLACE_SUFFIXES)) + suffix, []


class _Pool:
    """The entities of one type, picked half by a Zipf law over their rank and half uniformly."""

    def __init__(self, node_type: NodeType, size: int, exponent: float) -> None:
        self.type = node_type
        self.size = max(2, size)
        self.cum_weights = list(accumulate(1.0 / (rank + 1) ** exponent for rank in range(self.size)))
        # Rank -> name index through a bijection, so the hubs of different types get unrelated names.
        self.stride = next(p for p in (7919, 7927, 7933, 7937) if self.size % p)
        self.offset = len(node_type.value) * 101
        self._names: dict[int, tuple[str, str, list[str]]] = {}  # index -> (id, name, aliases)

    def pick(self, rng: random.Random) -> int:
        if rng.random() < 0.5:
            return rng.randrange(self.size)
        return min(bisect_left(self.cum_weights, rng.random() * self.cum_weights[-1]), self.size - 1)

    def record(self, index: int) -> EntityRecord:
        known = self._names.get(index)
        if known is None:  # names and ids are costly to make and entities recur: make each once
            name, aliases = _name(self.type, (index * self.stride + self.offset) % self.size)
            known = self._names[index] = (entity_id(self.type, name), name, aliases)
        eid, name, aliases = known
        return EntityRecord(id=eid, type=self.type, name=name, aliases=list(aliases))


def _pools(n_relations: int) -> dict[NodeType, _Pool]:
    n_entities = max(8, n_relations // 3)
    exponents = {NodeType.GROUP: 1.0, NodeType.PLACE: 1.0, NodeType.LEADER: 0.8, NodeType.CAMP: 0.8}
    return {t: _Pool(t, round(n_entities * share), exponents[t]) for t, share in _ENTITY_SHARE.items()}


def _endpoints(
    rng: random.Random, rel: RelType, pools: dict[NodeType, _Pool]
) -> tuple[_Pool, int, _Pool, int]:
    sources, targets = ENDPOINTS[rel]
    source_pool = pools[rng.choice(sorted(sources))]
    target_pool = pools[rng.choice(sorted(targets))]
    source, target = source_pool.pick(rng), target_pool.pick(rng)
    while source_pool is target_pool and source == target:
        target = target_pool.pick(rng)
    return source_pool, source, target_pool, target


def _date(rng: random.Random) -> str:
    return f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _document_graph(
    rng: random.Random, seed: int, number: int, k: int, pools: dict[NodeType, _Pool]
) -> DocumentGraph:
    date = _date(rng)
    title = f"Synthetic report {seed}-{number}"
    source = rng.choice(_SOURCES)
    reliability = rng.choice(list(Reliability))
    text = f"{title}\n\nPublished: {date}\n\n"
    entities: dict[str, EntityRecord] = {}
    relations: dict[tuple[RelType, str, str], RelationRecord] = {}
    rel_types, shares = list(_RELATION_SHARE), list(_RELATION_SHARE.values())
    for rel in rng.choices(rel_types, weights=shares, k=k):
        source_pool, source_index, target_pool, target_index = _endpoints(rng, rel, pools)
        src, tgt = source_pool.record(source_index), target_pool.record(target_index)
        entities.setdefault(src.id, src)
        entities.setdefault(tgt.id, tgt)
        sentence = f"{src.name} {_PHRASES[rel]} {tgt.name}."
        start = len(text)
        text += sentence + " "
        evidence = Evidence(
            doc_id="",
            sentence=sentence,
            start=start,
            end=start + len(sentence),
            date=date if rng.random() < 0.8 else date[:4],
            confidence=round(rng.uniform(0.5, 0.95), 2),
            method="synthetic",
            doc_title=title,
            source=source,
            reliability=reliability,
        )
        key = (rel, *canonical_pair(rel, src.id, tgt.id))
        if key in relations:
            relations[key].evidence.append(evidence)
        else:
            relations[key] = RelationRecord(type=rel, source=src.id, target=tgt.id, evidence=[evidence])
    text = text.rstrip() + "\n"
    doc_id = document_id(text.encode("utf-8"))
    for record in relations.values():
        for evidence in record.evidence:
            evidence.doc_id = doc_id
    document = Document(
        id=doc_id,
        text=text,
        title=title,
        date=date,
        source=source,
        reliability=reliability,
        filename=f"synthetic-{seed}-{number:07d}.txt",
        size=len(text.encode("utf-8")),
    )
    return DocumentGraph(
        document=document, entities=list(entities.values()), relations=list(relations.values())
    )


def make_document_graphs(n_relations: int, seed: int) -> Iterator[DocumentGraph]:
    """Yield document graphs holding about `n_relations` relation statements in all."""
    rng = random.Random(f"synthetic-graph:{seed}")
    pools = _pools(n_relations)
    made = number = 0
    while made < n_relations:
        k = min(n_relations - made, max(1, round(rng.gauss(RELATIONS_PER_DOCUMENT, 10))))
        yield _document_graph(rng, seed, number, k, pools)
        made += k
        number += 1
