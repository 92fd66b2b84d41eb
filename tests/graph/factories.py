"""Hand-built DocumentGraphs with known answers, for the store contract tests."""

from __future__ import annotations

import itertools
from typing import Any

from graph.ids import document_id, entity_id, relation_id
from graph.models import Document, DocumentGraph, EntityRecord, Evidence, RelationRecord
from graph.ontology import NodeType, Reliability, RelType

G, L, C, P = NodeType.GROUP, NodeType.LEADER, NodeType.CAMP, NodeType.PLACE


def eid(node_type: NodeType, name: str) -> str:
    return entity_id(node_type, name)


def rid(rel: RelType | str, source: str, target: str) -> str:
    return relation_id(RelType(rel), source, target)


class DocBuilder:
    """One document: each relation adds a sentence to the text, evidence offsets point at it."""

    def __init__(
        self,
        key: str,
        *,
        source: str | None = None,
        reliability: str = "F",
        date: str | None = None,
        title: str | None = None,
    ) -> None:
        self.key = key
        self.doc_id = document_id(key.encode())
        self.source = source
        self.reliability = Reliability(reliability)
        self.date = date
        self.title = title if title is not None else f"Report {key}"
        self.text = f"Report {key}."
        self.entities: list[EntityRecord] = []
        self.relations: list[RelationRecord] = []

    def entity(
        self,
        node_type: NodeType,
        name: str,
        aliases: tuple[str, ...] = (),
        *,
        id: str | None = None,
        **attrs: Any,
    ) -> str:
        entity = EntityRecord(
            id=id or eid(node_type, name), type=node_type, name=name, aliases=list(aliases), attributes=attrs
        )
        self.entities.append(entity)
        return entity.id

    def sentence(self, sentence: str) -> tuple[int, int]:
        self.text += " "
        start = len(self.text)
        self.text += sentence
        return start, len(self.text)

    def relate(
        self,
        rel: RelType | str,
        source: str,
        target: str,
        sentence: str | None = None,
        *,
        confidence: float = 0.8,
        date: str | None = None,
        **attrs: Any,
    ) -> str:
        rel = RelType(rel)
        start, end = self.sentence(sentence or f"{source} {rel.value} {target}.")
        evidence = Evidence(
            doc_id=self.doc_id,
            sentence=self.text[start:end],
            start=start,
            end=end,
            date=date,
            confidence=confidence,
        )
        self.relations.append(
            RelationRecord(type=rel, source=source, target=target, evidence=[evidence], attributes=attrs)
        )
        return relation_id(rel, source, target)

    def build(self) -> DocumentGraph:
        document = Document(
            id=self.doc_id,
            text=self.text,
            title=self.title,
            date=self.date,
            source=self.source,
            reliability=self.reliability,
            size=len(self.text.encode()),
        )
        return DocumentGraph(document=document, entities=list(self.entities), relations=list(self.relations))


# --- a small world with known answers ----------------------------------------
#
#   doc_a (Dawn, B, 2014-05):  Masood Azhar LEADS JeM; JeM TRAINS_AT Balakot camp;
#                              Balakot camp LOCATED_IN Khyber Pakhtunkhwa; Taliban ALLIED_WITH JeM;
#                              JeM OPERATES_IN Kashmir
#   doc_b (Reuters, A, 2016):  JeM ALLIED_WITH Taliban (the same relation); Hafiz Saeed LEADS LeT;
#                              LeT OPERATES_IN Kashmir; LeT RIVAL_OF JeM (evidence dated 2017-03)
#   doc_c (Dawn, C, 2019-07):  Abdul Rauf Azhar RELATED_TO Masood Azhar; Abdul Rauf Azhar MEMBER_OF JeM;
#                              JeM (named "Jaish-e-Muhammad") OPERATES_IN Muzaffarābād

JEM = eid(G, "Jaish-e-Mohammed")
LET = eid(G, "Lashkar-e-Taiba")
TALIBAN = eid(G, "Taliban")
MASOOD = eid(L, "Masood Azhar")
RAUF = eid(L, "Abdul Rauf Azhar")
SAEED = eid(L, "Hafiz Saeed")
BALAKOT = eid(C, "Balakot camp")
KP = eid(P, "Khyber Pakhtunkhwa")
KASHMIR = eid(P, "Kashmir")
MUZAFFARABAD = eid(P, "Muzaffarābād")


def doc_a() -> DocumentGraph:
    b = DocBuilder("a", source="Dawn", reliability="B", date="2014-05")
    b.entity(G, "Jaish-e-Mohammed", ("JeM",), founded="2000")
    b.entity(L, "Masood Azhar", ("Maulana Masood Azhar",))
    b.entity(C, "Balakot camp")
    b.entity(P, "Khyber Pakhtunkhwa")
    b.entity(G, "Taliban")
    b.entity(P, "Kashmir")
    b.relate("LEADS", MASOOD, JEM, "Masood Azhar leads Jaish-e-Mohammed.", confidence=0.9)
    b.relate("TRAINS_AT", JEM, BALAKOT, "JeM trains its cadres at the Balakot camp.", confidence=0.6)
    b.relate("LOCATED_IN", BALAKOT, KP, "The Balakot camp lies in Khyber Pakhtunkhwa.", confidence=0.7)
    b.relate("ALLIED_WITH", TALIBAN, JEM, "The Taliban sheltered JeM.", confidence=0.5)
    b.relate("OPERATES_IN", JEM, KASHMIR, "JeM is active in Kashmir.", confidence=0.8)
    return b.build()


def doc_b() -> DocumentGraph:
    b = DocBuilder("b", source="Reuters", reliability="A", date="2016")
    b.entity(G, "Jaish-e-Mohammed", ("Army of Muhammad",))
    b.entity(G, "Taliban")
    b.entity(L, "Hafiz Saeed")
    b.entity(G, "Lashkar-e-Taiba", ("LeT",))
    b.entity(P, "Kashmir")
    b.relate("ALLIED_WITH", JEM, TALIBAN, "Jaish-e-Mohammed fought alongside the Taliban.", confidence=0.6)
    b.relate("LEADS", SAEED, LET, "Hafiz Saeed founded Lashkar-e-Taiba.", confidence=0.9)
    b.relate("OPERATES_IN", LET, KASHMIR, "LeT operates in Kashmir.", confidence=0.7)
    b.relate("RIVAL_OF", LET, JEM, "In March 2017 LeT clashed with JeM.", confidence=0.4, date="2017-03")
    return b.build()


def doc_c() -> DocumentGraph:
    b = DocBuilder("c", source="dawn", reliability="C", date="2019-07")
    b.entity(L, "Abdul Rauf Azhar")
    b.entity(L, "Masood Azhar")
    b.entity(G, "Jaish-e-Muhammad", id=JEM)
    b.entity(P, "Muzaffarābād")
    b.relate("RELATED_TO", RAUF, MASOOD, "Abdul Rauf Azhar is the brother of Masood Azhar.", confidence=0.9)
    b.relate("MEMBER_OF", RAUF, JEM, "Abdul Rauf Azhar is a member of Jaish-e-Muhammad.", confidence=0.7)
    b.relate("OPERATES_IN", JEM, MUZAFFARABAD, "Jaish-e-Muhammad recruits in Muzaffarābād.", confidence=0.8)
    return b.build()


def world() -> list[DocumentGraph]:
    return [doc_a(), doc_b(), doc_c()]


def hub(n_leaves: int, key: str = "hub") -> DocumentGraph:
    """One Group operating in `n_leaves` places; place i's evidence has confidence rising with i."""
    b = DocBuilder(key, source="Hub Weekly", reliability="C", date="2020")
    group = b.entity(G, "Hub Group")
    for i in range(n_leaves):
        place = b.entity(P, f"Place {i:02d}")
        b.relate(
            "OPERATES_IN",
            group,
            place,
            f"Hub Group operates in Place {i:02d}.",
            confidence=0.1 + 0.8 * i / n_leaves,
        )
    return b.build()


def chain_doc(key: str, names: list[str], rel: str = "ALLIED_WITH") -> DocumentGraph:
    """Groups joined in a chain names[0] - names[1] - ... by `rel`."""
    b = DocBuilder(key, source=f"Source {key}", reliability="D", date="2021")
    ids = [b.entity(G, name) for name in names]
    for left, right in itertools.pairwise(ids):
        b.relate(rel, left, right)
    return b.build()
