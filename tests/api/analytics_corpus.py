"""Dated documents whose network has known analytics answers (invented sentences, written for these tests).

    2010 "Alpha Wire" (B): West One..Four all allied; Amir Khan leads West One; Basit Rauf member of West One.
    2015-06 "Beta Post" (C): East One..Four all allied; Middle Front allied with West One, West Two,
                             East One, East Two.
    2016 "Gamma Daily" (A): Middle Front allied with West One (again: two sources, one graded A).
    2018 (no source, F): Amir Khan and Basit Rauf members of West Two; West One and West Two train at
                         Hill Camp.

Without Middle Front the network falls into the west (West One..Four, both leaders, the camp: 7) and the
east (East One..Four: 4): it is the only broker and has the top betweenness. Amir Khan and Basit Rauf
share two groups; West One and West Two share a camp.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from graph.ids import document_id, entity_id
from graph.models import Document, DocumentGraph, EntityRecord, Evidence, RelationRecord
from graph.ontology import NodeType, Reliability, RelType
from graph.store import GraphStore

G, L, C = NodeType.GROUP, NodeType.LEADER, NodeType.CAMP

WEST = [entity_id(G, f"West {n}") for n in ("One", "Two", "Three", "Four")]
EAST = [entity_id(G, f"East {n}") for n in ("One", "Two", "Three", "Four")]
MIDDLE = entity_id(G, "Middle Front")
AMIR = entity_id(L, "Amir Khan")
BASIT = entity_id(L, "Basit Rauf")
CAMP = entity_id(C, "Hill Camp")
NAMES = {
    **{i: f"West {n}" for i, n in zip(WEST, ("One", "Two", "Three", "Four"), strict=True)},
    **{i: f"East {n}" for i, n in zip(EAST, ("One", "Two", "Three", "Four"), strict=True)},
    MIDDLE: "Middle Front",
    AMIR: "Amir Khan",
    BASIT: "Basit Rauf",
    CAMP: "Hill Camp",
}
TYPES = {i: NodeType(i.split(":")[0].capitalize()) for i in NAMES}

Link = tuple[RelType, str, str]


@dataclass(frozen=True)
class Doc:
    key: str
    date: str | None
    source: str | None
    reliability: Reliability
    links: tuple[Link, ...]


def _allied(ids: list[str]) -> tuple[Link, ...]:
    return tuple((RelType.ALLIED_WITH, a, b) for a, b in combinations(ids, 2))


DOCS = (
    Doc(
        "alpha",
        "2010",
        "Alpha Wire",
        Reliability.B,
        (*_allied(WEST), (RelType.LEADS, AMIR, WEST[0]), (RelType.MEMBER_OF, BASIT, WEST[0])),
    ),
    Doc(
        "beta",
        "2015-06",
        "Beta Post",
        Reliability.C,
        (*_allied(EAST), *((RelType.ALLIED_WITH, MIDDLE, x) for x in (WEST[0], WEST[1], EAST[0], EAST[1]))),
    ),
    Doc("gamma", "2016", "Gamma Daily", Reliability.A, ((RelType.ALLIED_WITH, MIDDLE, WEST[0]),)),
    Doc(
        "delta",
        "2018",
        None,
        Reliability.F,
        (
            (RelType.MEMBER_OF, AMIR, WEST[1]),
            (RelType.MEMBER_OF, BASIT, WEST[1]),
            (RelType.TRAINS_AT, WEST[0], CAMP),
            (RelType.TRAINS_AT, WEST[1], CAMP),
        ),
    ),
)


def document_graph(doc: Doc) -> DocumentGraph:
    sentences = [f"{NAMES[s]} {rel.value.lower().replace('_', ' ')} {NAMES[t]}." for rel, s, t in doc.links]
    text = f"Report {doc.key}.\n" + " ".join(sentences)
    doc_id = document_id(text.encode())
    relations = []
    for (rel, source, target), sentence in zip(doc.links, sentences, strict=True):
        start = text.index(sentence)
        evidence = Evidence(
            doc_id=doc_id,
            sentence=sentence,
            start=start,
            end=start + len(sentence),
            date=doc.date,
            confidence=0.8,
        )
        relations.append(RelationRecord(type=rel, source=source, target=target, evidence=[evidence]))
    ids = sorted({end for _, s, t in doc.links for end in (s, t)})
    return DocumentGraph(
        document=Document(
            id=doc_id,
            text=text,
            title=f"Report {doc.key}",
            date=doc.date,
            source=doc.source,
            reliability=doc.reliability,
            size=len(text.encode()),
        ),
        entities=[EntityRecord(id=i, type=TYPES[i], name=NAMES[i]) for i in ids],
        relations=relations,
    )


def load(store: GraphStore) -> None:
    for doc in DOCS:
        store.write_document(document_graph(doc))
