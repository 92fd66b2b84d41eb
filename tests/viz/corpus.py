"""A small hand-made graph for the view tests, with hostile names and sentences.

Two ordinary reports (invented sentences, written for these tests) around Jaish-e-Mohammed, and
one hostile report whose entity names, aliases, sentences, title and source are XSS payloads.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.ids import document_id, entity_id, relation_id
from graph.models import Document, DocumentGraph, EntityRecord, Evidence, RelationRecord
from graph.ontology import NodeType, Reliability, RelType
from graph.store import GraphStore

G, L, C, P = NodeType.GROUP, NodeType.LEADER, NodeType.CAMP, NodeType.PLACE

PAYLOADS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "<a href=x>",
    "javascript:alert(1)",
)
# The payloads that would be markup if written raw into HTML.
MARKUP_PAYLOADS = PAYLOADS[:4]

# name -> (type, aliases)
ENTITIES: dict[str, tuple[NodeType, tuple[str, ...]]] = {
    "Jaish-e-Mohammed": (G, ("JeM", "Jaish")),
    "Taliban": (G, ()),
    "Lashkar-e-Taiba": (G, ("LeT",)),
    "Hizbul Mujahideen": (G, ()),
    "Masood Azhar": (L, ("Maulana Masood Azhar",)),
    "Abdul Rauf Asghar": (L, ()),
    "Hafiz Saeed": (L, ()),
    "Syed Salahuddin": (L, ()),
    "Markaz Subhan Allah": (C, ()),
    "Balakot camp": (C, ()),
    "Bahawalpur": (P, ()),
    "Khyber Pakhtunkhwa": (P, ()),
    "Kashmir": (P, ()),
    PAYLOADS[0]: (G, ("<iframe src=javascript:alert(1)>",)),
    PAYLOADS[1]: (L, ()),
    PAYLOADS[2]: (C, ()),
    PAYLOADS[3]: (L, ()),
    PAYLOADS[4]: (P, ()),
}


def eid(name: str) -> str:
    return entity_id(ENTITIES[name][0], name)


@dataclass(frozen=True)
class Fact:
    type: RelType
    source: str  # entity name
    target: str
    sentence: str
    confidence: float = 0.8

    @property
    def id(self) -> str:
        return relation_id(self.type, eid(self.source), eid(self.target))


@dataclass(frozen=True)
class Report:
    key: str
    title: str
    source: str
    reliability: Reliability
    date: str
    facts: tuple[Fact, ...]


R = RelType
REPORTS = (
    Report(
        "jem",
        "Notes on Jaish-e-Mohammed",
        "Analyst notes",
        Reliability.B,
        "2019-02",
        (
            Fact(
                R.LEADS,
                "Masood Azhar",
                "Jaish-e-Mohammed",
                "Masood Azhar founded and leads Jaish-e-Mohammed.",
                0.9,
            ),
            Fact(
                R.MEMBER_OF,
                "Abdul Rauf Asghar",
                "Jaish-e-Mohammed",
                "His brother Abdul Rauf Asghar is a JeM commander.",
            ),
            Fact(
                R.TRAINS_AT,
                "Jaish-e-Mohammed",
                "Markaz Subhan Allah",
                "JeM trains recruits at Markaz Subhan Allah.",
            ),
            Fact(
                R.TRAINS_AT,
                "Jaish-e-Mohammed",
                "Balakot camp",
                "Its fighters also drilled at the Balakot camp.",
                0.7,
            ),
            Fact(
                R.LOCATED_IN, "Markaz Subhan Allah", "Bahawalpur", "Markaz Subhan Allah stands in Bahawalpur."
            ),
            Fact(
                R.LOCATED_IN,
                "Balakot camp",
                "Khyber Pakhtunkhwa",
                "The Balakot camp lies in Khyber Pakhtunkhwa.",
            ),
            Fact(
                R.ALLIED_WITH, "Jaish-e-Mohammed", "Taliban", "JeM reportedly fought beside the Taliban.", 0.5
            ),
            Fact(R.OPERATES_IN, "Jaish-e-Mohammed", "Kashmir", "The group carries out attacks in Kashmir."),
        ),
    ),
    Report(
        "let",
        "Lashkar-e-Taiba and its neighbours",
        "Wire report",
        Reliability.C,
        "2020-01-15",
        (
            Fact(R.ALLIED_WITH, "Lashkar-e-Taiba", "Jaish-e-Mohammed", "LeT and JeM share safe houses.", 0.7),
            Fact(R.LEADS, "Hafiz Saeed", "Lashkar-e-Taiba", "Hafiz Saeed heads Lashkar-e-Taiba.", 0.9),
            Fact(R.OPERATES_IN, "Lashkar-e-Taiba", "Kashmir", "LeT cells are active in Kashmir."),
            Fact(
                R.RIVAL_OF,
                "Hizbul Mujahideen",
                "Lashkar-e-Taiba",
                "Hizbul Mujahideen competes with LeT.",
                0.6,
            ),
            Fact(
                R.LEADS, "Syed Salahuddin", "Hizbul Mujahideen", "Syed Salahuddin commands Hizbul Mujahideen."
            ),
        ),
    ),
    Report(
        "hostile",
        "<script>alert('title')</script>",
        "<img src=x onerror=alert('source')>",
        Reliability.E,
        "2021",
        (
            Fact(
                R.ALLIED_WITH, PAYLOADS[0], "Jaish-e-Mohammed", "<script>alert(1)</script> joined <b>JeM</b>."
            ),
            Fact(
                R.LEADS,
                PAYLOADS[1],
                PAYLOADS[0],
                '<img src=x onerror=alert(1)> leads "><svg onload=alert(1)>.',
            ),
            Fact(
                R.TRAINS_AT,
                PAYLOADS[0],
                PAYLOADS[2],
                "They train at <a href=x>click</a></script><script>alert(2)</script>.",
            ),
            Fact(R.LOCATED_IN, PAYLOADS[2], PAYLOADS[4], "javascript:alert(1) is where the camp is.", 0.4),
            Fact(
                R.MEMBER_OF, PAYLOADS[3], PAYLOADS[0], '<a href="javascript:alert(1)">member</a> <!-- x -->'
            ),
        ),
    ),
)

FACTS = tuple(fact for report in REPORTS for fact in report.facts)
JEM = eid("Jaish-e-Mohammed")
HOSTILE_GROUP = eid(PAYLOADS[0])


def document_graph(report: Report) -> DocumentGraph:
    text = report.title + "\n\n"
    doc_id = document_id(f"viz-test-{report.key}".encode())
    names: set[str] = set()
    relations: list[RelationRecord] = []
    for fact in report.facts:
        start = len(text)
        text += fact.sentence + " "
        evidence = Evidence(
            doc_id=doc_id,
            sentence=fact.sentence,
            start=start,
            end=start + len(fact.sentence),
            confidence=fact.confidence,
        )
        relations.append(
            RelationRecord(
                type=fact.type, source=eid(fact.source), target=eid(fact.target), evidence=[evidence]
            )
        )
        names.update((fact.source, fact.target))
    entities = [
        EntityRecord(id=eid(name), type=ENTITIES[name][0], name=name, aliases=list(ENTITIES[name][1]))
        for name in sorted(names)
    ]
    document = Document(
        id=doc_id,
        text=text,
        title=report.title,
        date=report.date,
        source=report.source,
        reliability=report.reliability,
        size=len(text.encode()),
    )
    return DocumentGraph(document=document, entities=entities, relations=relations)


def neighbours(name: str) -> set[str]:
    """Entity ids one hop from `name`, and itself."""
    me = eid(name)
    found = {me}
    for fact in FACTS:
        if me in (eid(fact.source), eid(fact.target)):
            found.update((eid(fact.source), eid(fact.target)))
    return found


def facts_between(types: set[NodeType], rels: set[RelType]) -> list[Fact]:
    return [
        f
        for f in FACTS
        if f.type in rels and ENTITIES[f.source][0] in types and ENTITIES[f.target][0] in types
    ]


def load(store: GraphStore) -> None:
    for report in REPORTS:
        store.write_document(document_graph(report))
