"""Whole-graph exports: GraphML (Gephi, Neo4j's apoc import), JSON, CSV (spreadsheets, neo4j-admin).

Writers take entities and relations as iterators and write bytes to a binary file, so an export of
any size streams from the store to a spooled temporary file without being held in memory.
Everything written comes from documents, so it is escaped for its format: XML-escaped (and
stripped of characters XML cannot hold) in GraphML, and formula-neutralised in CSV.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from graph.models import Entity, Relation
from graph.ontology import SYMMETRIC, NodeType, RelType
from graph.store import GraphStore

BATCH = 1000
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Selection:
    """Which part of the graph to export, at most `cap` entities and `cap` relations."""

    cap: int
    node_types: frozenset[NodeType] | None = None
    rel_types: frozenset[RelType] | None = None
    truncated: bool = False
    _kept: set[str] | None = field(default=None, repr=False)

    def nodes(self, store: GraphStore) -> Iterator[Entity]:
        kept: set[str] = set()
        for entity in store.iter_entities(batch=BATCH):
            if self.node_types is not None and entity.type not in self.node_types:
                continue
            if len(kept) >= self.cap:
                self.truncated = True
                break
            kept.add(entity.id)
            yield entity
        self._kept = kept

    def edges(self, store: GraphStore) -> Iterator[Relation]:
        """Relations of the chosen types between exported entities; call after nodes() is drained."""
        kept = self._kept
        count = 0
        for relation in store.iter_relations(batch=BATCH, with_evidence=False):
            if self.rel_types is not None and relation.type not in self.rel_types:
                continue
            if kept is not None and (relation.source not in kept or relation.target not in kept):
                continue
            if count >= self.cap:
                self.truncated = True
                break
            count += 1
            yield relation

    def drain_nodes(self, store: GraphStore) -> None:
        for _ in self.nodes(store):
            pass


# --- JSON --------------------------------------------------------------------


def write_json(
    out: IO[bytes], nodes: Iterable[Entity], edges: Iterable[Relation], selection: Selection
) -> None:
    out.write(b'{"nodes":[')
    _write_items(out, nodes)
    out.write(b'],"edges":[')
    _write_items(out, edges)
    out.write(b'],"truncated":' + (b"true" if selection.truncated else b"false") + b"}")


def _write_items(out: IO[bytes], items: Iterable[Entity] | Iterable[Relation]) -> None:
    for index, item in enumerate(items):
        if index:
            out.write(b",")
        out.write(item.model_dump_json().encode("utf-8"))


# --- GraphML -------------------------------------------------------------------

_NODE_KEYS = [
    ("label", "string"),
    ("labels", "string"),
    ("type", "string"),
    ("aliases", "string"),
    ("attributes", "string"),
]
_EDGE_KEYS = [
    ("label", "string"),
    ("type", "string"),
    ("symmetric", "boolean"),
    ("confidence", "double"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("credibility", "int"),
    ("reliability", "string"),
    ("n_documents", "int"),
]


def write_graphml(out: IO[bytes], nodes: Iterable[Entity], edges: Iterable[Relation]) -> None:
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ]
    head += [_key("node", name, kind) for name, kind in _NODE_KEYS]
    head += [_key("edge", name, kind) for name, kind in _EDGE_KEYS]
    head.append('<graph id="militant-kg" edgedefault="directed">')
    out.write(("\n".join(head) + "\n").encode("utf-8"))
    for entity in nodes:
        out.write(_node_xml(entity).encode("utf-8"))
    for relation in edges:
        out.write(_edge_xml(relation).encode("utf-8"))
    out.write(b"</graph>\n</graphml>\n")


def _key(scope: str, name: str, kind: str) -> str:
    return f'<key id="{scope[0]}_{name}" for="{scope}" attr.name="{name}" attr.type="{kind}"/>'


def _xml_text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _xml_attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value))


def _data(scope: str, values: dict[str, Any]) -> str:
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        text = str(value).lower() if isinstance(value, bool) else str(value)
        parts.append(f'<data key="{scope}_{name}">{_xml_text(text)}</data>')
    return "".join(parts)


def _node_xml(entity: Entity) -> str:
    values = {
        "label": entity.name,
        "labels": f":{entity.type.value}",
        "type": entity.type.value,
        "aliases": json.dumps(entity.aliases, ensure_ascii=False) if entity.aliases else None,
        "attributes": json.dumps(entity.attributes, ensure_ascii=False) if entity.attributes else None,
    }
    return f"<node id={_xml_attr(entity.id)}>{_data('n', values)}</node>\n"


def _edge_xml(relation: Relation) -> str:
    values = {
        "label": relation.type.value,
        "type": relation.type.value,
        "symmetric": relation.type in SYMMETRIC,
        "confidence": relation.confidence,
        "first_seen": relation.first_seen,
        "last_seen": relation.last_seen,
        "credibility": relation.credibility,
        "reliability": relation.reliability.value if relation.reliability else None,
        "n_documents": relation.n_documents,
    }
    return (
        f"<edge id={_xml_attr(relation.id)} source={_xml_attr(relation.source)} "
        f"target={_xml_attr(relation.target)}>{_data('e', values)}</edge>\n"
    )


# --- CSV -----------------------------------------------------------------------

NODE_COLUMNS = ["id", "type", "name", "aliases", "attributes"]
EDGE_COLUMNS = [
    "id",
    "type",
    "source",
    "target",
    "confidence",
    "first_seen",
    "last_seen",
    "credibility",
    "reliability",
    "n_documents",
]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    # A cell starting like a formula would run in a spreadsheet: make it plain text.
    return "'" + text if text.startswith(_FORMULA_START) else text


def node_rows(nodes: Iterable[Entity]) -> Iterator[list[str]]:
    for e in nodes:
        aliases = "|".join(e.aliases)
        attributes = json.dumps(e.attributes, ensure_ascii=False) if e.attributes else ""
        yield [_cell(v) for v in (e.id, e.type.value, e.name, aliases, attributes)]


def edge_rows(edges: Iterable[Relation]) -> Iterator[list[str]]:
    for r in edges:
        reliability = r.reliability.value if r.reliability else None
        values = (r.id, r.type.value, r.source, r.target, r.confidence, r.first_seen, r.last_seen)
        yield [_cell(v) for v in (*values, r.credibility, reliability, r.n_documents)]


def write_csv(out: IO[bytes], columns: list[str], rows: Iterable[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for index, row in enumerate(rows, start=1):
        writer.writerow(row)
        if index % BATCH == 0:
            out.write(buffer.getvalue().encode("utf-8"))
            buffer.seek(0)
            buffer.truncate()
    out.write(buffer.getvalue().encode("utf-8"))


def write_csv_zip(out: IO[bytes], nodes: Iterable[Entity], edges: Iterable[Relation]) -> None:
    with zipfile.ZipFile(out, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:
        _zip_csv(archive, "nodes.csv", NODE_COLUMNS, node_rows(nodes))
        _zip_csv(archive, "edges.csv", EDGE_COLUMNS, edge_rows(edges))


def _zip_csv(archive: zipfile.ZipFile, name: str, columns: list[str], rows: Iterable[list[str]]) -> None:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # fixed: same graph, same bytes
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, mode="w", force_zip64=True) as member:
        write_csv(member, columns, rows)
