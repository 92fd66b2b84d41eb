"""A small hand-made corpus with known answers, written straight into a real store.

Three documents (invented sentences, written for these tests):

A (2019-03-01, source "Report A", grade B):
    Masood Azhar leads Jaish-e-Mohammed. / Jaish-e-Mohammed trains at Markaz Usman-e-Ali. /
    Markaz Usman-e-Ali is in Bahawalpur.
B (2014-06, source "Report B", grade C):
    Jaish-e-Mohammed is allied with the Taliban. / Lashkar-e-Taiba is allied with Jaish-e-Mohammed. /
    Hafiz Saeed leads Lashkar-e-Taiba. / Lashkar-e-Taiba operates in Kashmir.
C (no date, no source, grade F):
    Jaish al-Adl, also called Jaish, operates in Muzaffarābād.

"Jaish" is an alias of both Jaish-e-Mohammed and Jaish al-Adl, so it is ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.ids import document_id, entity_id, relation_id
from graph.models import Document, DocumentGraph, EntityRecord, Evidence, RelationRecord
from graph.ontology import NodeType, Reliability, RelType
from graph.store import GraphStore

G, L, C, P = NodeType.GROUP, NodeType.LEADER, NodeType.CAMP, NodeType.PLACE

JEM = entity_id(G, "Jaish-e-Mohammed")
TALIBAN = entity_id(G, "Taliban")
LET = entity_id(G, "Lashkar-e-Taiba")
JAA = entity_id(G, "Jaish al-Adl")
AZHAR = entity_id(L, "Masood Azhar")
SAEED = entity_id(L, "Hafiz Saeed")
MARKAZ = entity_id(C, "Markaz Usman-e-Ali")
BAHAWALPUR = entity_id(P, "Bahawalpur")
KASHMIR = entity_id(P, "Kashmir")
MUZAFFARABAD = entity_id(P, "Muzaffarābād")

ENTITIES: dict[str, tuple[NodeType, str, list[str]]] = {
    JEM: (G, "Jaish-e-Mohammed", ["JeM", "Jaish"]),
    TALIBAN: (G, "Taliban", []),
    LET: (G, "Lashkar-e-Taiba", ["LeT"]),
    JAA: (G, "Jaish al-Adl", ["Jaish"]),
    AZHAR: (L, "Masood Azhar", ["Maulana Masood Azhar"]),
    SAEED: (L, "Hafiz Saeed", []),
    MARKAZ: (C, "Markaz Usman-e-Ali", []),
    BAHAWALPUR: (P, "Bahawalpur", []),
    KASHMIR: (P, "Kashmir", []),
    MUZAFFARABAD: (P, "Muzaffarābād", []),
}


@dataclass(frozen=True)
class Fact:
    type: RelType
    source: str
    target: str
    sentence: str
    confidence: float


@dataclass(frozen=True)
class Doc:
    title: str
    date: str | None
    source: str | None
    reliability: Reliability
    facts: tuple[Fact, ...]

    @property
    def text(self) -> str:
        return self.title + "\n\n" + " ".join(f.sentence for f in self.facts) + "\n"

    @property
    def id(self) -> str:
        return document_id(self.text.encode("utf-8"))


DOC_A = Doc(
    "Report A on Jaish",
    "2019-03-01",
    "Report A",
    Reliability.B,
    (
        Fact(RelType.LEADS, AZHAR, JEM, "Masood Azhar leads Jaish-e-Mohammed.", 0.8),
        Fact(RelType.TRAINS_AT, JEM, MARKAZ, "Jaish-e-Mohammed trains at Markaz Usman-e-Ali.", 0.8),
        Fact(RelType.LOCATED_IN, MARKAZ, BAHAWALPUR, "Markaz Usman-e-Ali is in Bahawalpur.", 0.8),
    ),
)
DOC_B = Doc(
    "Report B on alliances",
    "2014-06",
    "Report B",
    Reliability.C,
    (
        Fact(RelType.ALLIED_WITH, JEM, TALIBAN, "Jaish-e-Mohammed is allied with the Taliban.", 0.6),
        Fact(RelType.ALLIED_WITH, LET, JEM, "Lashkar-e-Taiba is allied with Jaish-e-Mohammed.", 0.6),
        Fact(RelType.LEADS, SAEED, LET, "Hafiz Saeed leads Lashkar-e-Taiba.", 0.6),
        Fact(RelType.OPERATES_IN, LET, KASHMIR, "Lashkar-e-Taiba operates in Kashmir.", 0.6),
    ),
)
DOC_C = Doc(
    "Note C",
    None,
    None,
    Reliability.F,
    (
        Fact(
            RelType.OPERATES_IN,
            JAA,
            MUZAFFARABAD,
            "Jaish al-Adl, also called Jaish, operates in Muzaffarābād.",
            0.4,
        ),
    ),
)
DOCS = (DOC_A, DOC_B, DOC_C)


def rel_id(fact: Fact) -> str:
    return relation_id(fact.type, fact.source, fact.target)


def document_graph(doc: Doc) -> DocumentGraph:
    text = doc.text
    ids = sorted({end for f in doc.facts for end in (f.source, f.target)})
    entities = [
        EntityRecord(id=i, type=ENTITIES[i][0], name=ENTITIES[i][1], aliases=ENTITIES[i][2]) for i in ids
    ]
    relations = []
    for fact in doc.facts:
        start = text.index(fact.sentence)
        evidence = Evidence(
            doc_id=doc.id,
            sentence=fact.sentence,
            start=start,
            end=start + len(fact.sentence),
            confidence=fact.confidence,
            date=doc.date,
        )
        relations.append(
            RelationRecord(type=fact.type, source=fact.source, target=fact.target, evidence=[evidence])
        )
    document = Document(
        id=doc.id,
        text=text,
        title=doc.title,
        date=doc.date,
        source=doc.source,
        reliability=doc.reliability,
        filename=None,
        size=len(text.encode("utf-8")),
    )
    return DocumentGraph(document=document, entities=entities, relations=relations)


def load(store: GraphStore) -> None:
    for doc in DOCS:
        store.write_document(document_graph(doc))
