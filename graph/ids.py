"""Deterministic ids: the same name or the same bytes always give the same id."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from graph.ontology import SYMMETRIC, NodeType, RelType

_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: 'Jaish-e-Mohammed' -> 'jaish e mohammed'."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    ascii_only = ascii_only.replace("'", "").replace("\u2019", "").replace("\u2018", "")
    return _NON_WORD.sub(" ", ascii_only).strip()


def slug(text: str) -> str:
    return fold(text).replace(" ", "-")


def entity_id(node_type: NodeType, name: str) -> str:
    """`group:jaish-e-mohammed` — type plus normalised name."""
    key = slug(name)
    if not key:
        key = "x" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]
    return f"{node_type.value.lower()}:{key}"


def document_id(content: bytes) -> str:
    return "doc:" + hashlib.sha256(content).hexdigest()[:32]


def relation_id(rel: RelType, source_id: str, target_id: str) -> str:
    if rel in SYMMETRIC and target_id < source_id:
        source_id, target_id = target_id, source_id
    digest = hashlib.sha256(f"{rel.value}|{source_id}|{target_id}".encode()).hexdigest()[:24]
    return f"rel:{digest}"


def evidence_id(relation: str, doc_id: str, start: int, end: int) -> str:
    digest = hashlib.sha256(f"{relation}|{doc_id}|{start}|{end}".encode()).hexdigest()[:24]
    return f"ev:{digest}"


def canonical_pair(rel: RelType, source_id: str, target_id: str) -> tuple[str, str]:
    """Symmetric relations are stored once, with the smaller id as source."""
    if rel in SYMMETRIC and target_id < source_id:
        return target_id, source_id
    return source_id, target_id
