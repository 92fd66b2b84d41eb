"""Scoring the extractor against gold annotations (format: shared/eval/FORMAT.md).

An extracted entity matches a gold entity when the types agree and the extracted *name* equals the
gold name or one of its aliases, compared case-insensitively with punctuation, hyphens and
whitespace folded away. A relation matches when its type matches and both ends match the gold
relation's entities; ALLIED_WITH, RIVAL_OF and RELATED_TO match in either direction. Matching is
one-to-one: a second extracted entity for the same gold entity is a false positive.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from graph.errors import InvalidInput
from graph.ids import fold
from graph.ontology import ENDPOINTS, SYMMETRIC, NodeType, RelType
from ingest.models import Extraction

_MAX_LISTED_ERRORS = 200


class GoldEntity(BaseModel):
    type: NodeType
    name: str
    aliases: list[str] = Field(default_factory=list)


class GoldRelation(BaseModel):
    type: RelType
    source: str
    target: str


class GoldDocument(BaseModel):
    doc_id: str
    source: str = ""
    entities: list[GoldEntity] = Field(default_factory=list)
    relations: list[GoldRelation] = Field(default_factory=list)


class Score(BaseModel):
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def summary(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}  # fmt: skip


class DocumentScore(BaseModel):
    doc_id: str
    entities: Score = Field(default_factory=Score)
    relations: Score = Field(default_factory=Score)
    false_positives: list[str] = Field(default_factory=list)
    false_negatives: list[str] = Field(default_factory=list)


class EvalReport(BaseModel):
    documents: list[DocumentScore] = Field(default_factory=list)
    entities: Score = Field(default_factory=Score)
    relations: Score = Field(default_factory=Score)
    entity_types: dict[str, Score] = Field(default_factory=dict)
    relation_types: dict[str, Score] = Field(default_factory=dict)

    def to_json_dict(self) -> dict[str, Any]:
        """Plain data with precision/recall/F1 spelled out (what `mkg eval --json` prints)."""
        return {
            "entities": self.entities.summary(),
            "relations": self.relations.summary(),
            "entity_types": {k: v.summary() for k, v in self.entity_types.items()},
            "relation_types": {k: v.summary() for k, v in self.relation_types.items()},
            "documents": [
                {
                    "doc_id": d.doc_id,
                    "entities": d.entities.summary(),
                    "relations": d.relations.summary(),
                    "false_positives": d.false_positives,
                    "false_negatives": d.false_negatives,
                }
                for d in self.documents
            ],
        }


def match_key(name: str) -> str:
    """Case, accents, punctuation, hyphens and whitespace ('Jaish-e-Mohammed' -> 'jaishemohammed')."""
    return re.sub(r"[^0-9a-z]", "", fold(name))


class _GoldIndex:
    def __init__(self, gold: GoldDocument) -> None:
        self.entities = gold.entities
        self.keys = [{match_key(e.name), *(match_key(a) for a in e.aliases)} - {""} for e in gold.entities]

    def candidates(self, node_type: NodeType, name: str) -> list[int]:
        key = match_key(name)
        return [i for i, e in enumerate(self.entities) if e.type is node_type and key in self.keys[i]]

    def by_gold_name(self, name: str, allowed: frozenset[NodeType]) -> int | None:
        for i, e in enumerate(self.entities):
            if e.name == name and e.type in allowed:
                return i
        key = match_key(name)
        for i, e in enumerate(self.entities):
            if e.type in allowed and key in self.keys[i]:
                return i
        return None


def score_document(
    doc_id: str, gold: GoldDocument, extraction: Extraction
) -> tuple[DocumentScore, dict[str, Score]]:
    """Scores of one document, plus per-type scores keyed 'entity:<Type>' / 'relation:<TYPE>'."""
    index = _GoldIndex(gold)
    result = DocumentScore(doc_id=doc_id)
    per_type: dict[str, Score] = {}

    def bump(key: str, field: str) -> None:
        score = per_type.setdefault(key, Score())
        setattr(score, field, getattr(score, field) + 1)

    matched: set[int] = set()
    for ent in extraction.entities:
        free = [i for i in index.candidates(ent.type, ent.name) if i not in matched]
        if free:
            matched.add(free[0])
            result.entities.tp += 1
            bump(f"entity:{ent.type.value}", "tp")
        else:
            result.entities.fp += 1
            bump(f"entity:{ent.type.value}", "fp")
            result.false_positives.append(f"{ent.type.value}: {ent.name}")
    for i, g in enumerate(gold.entities):
        if i not in matched:
            result.entities.fn += 1
            bump(f"entity:{g.type.value}", "fn")
            result.false_negatives.append(f"{g.type.value}: {g.name}")

    gold_rels: list[tuple[RelType, int | None, int | None]] = []
    for rel in gold.relations:
        sources, targets = ENDPOINTS[rel.type]
        gold_rels.append(
            (rel.type, index.by_gold_name(rel.source, sources), index.by_gold_name(rel.target, targets))
        )
    used: set[int] = set()
    for xrel in extraction.relations:
        srcs = set(index.candidates(xrel.source_type, xrel.source))
        tgts = set(index.candidates(xrel.target_type, xrel.target))
        hit = None
        for n, (rtype, gs, gt) in enumerate(gold_rels):
            if n in used or rtype is not xrel.type or gs is None or gt is None:
                continue
            if (gs in srcs and gt in tgts) or (rtype in SYMMETRIC and gs in tgts and gt in srcs):
                hit = n
                break
        if hit is None:
            result.relations.fp += 1
            bump(f"relation:{xrel.type.value}", "fp")
            result.false_positives.append(f"{xrel.type.value}: {xrel.source} -> {xrel.target}")
        else:
            used.add(hit)
            result.relations.tp += 1
            bump(f"relation:{xrel.type.value}", "tp")
    for n, grel in enumerate(gold.relations):
        if n not in used:
            result.relations.fn += 1
            bump(f"relation:{grel.type.value}", "fn")
            result.false_negatives.append(f"{grel.type.value}: {grel.source} -> {grel.target}")
    result.false_positives = result.false_positives[:_MAX_LISTED_ERRORS]
    result.false_negatives = result.false_negatives[:_MAX_LISTED_ERRORS]
    return result, per_type


def score_documents(items: Iterable[tuple[str, GoldDocument, Extraction]]) -> EvalReport:
    """Micro-averaged scores over documents, overall, per entity type and per relation type."""
    report = EvalReport()
    for node_type in NodeType:
        report.entity_types[node_type.value] = Score()
    for rel_type in RelType:
        report.relation_types[rel_type.value] = Score()
    for doc_id, gold, extraction in items:
        doc_score, per_type = score_document(doc_id, gold, extraction)
        report.documents.append(doc_score)
        report.entities.add(doc_score.entities)
        report.relations.add(doc_score.relations)
        for key, score in per_type.items():
            kind, name = key.split(":", 1)
            table = report.entity_types if kind == "entity" else report.relation_types
            table[name].add(score)
    return report


def load_gold(path: Path) -> GoldDocument:
    try:
        return GoldDocument.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as exc:
        raise InvalidInput(f"Gold file '{path.name}' is not valid gold JSON.") from exc


def gold_pairs(directory: Path) -> list[tuple[str, Path, Path]]:
    """(doc_id, text file, gold file) for every NAME.txt with a NAME.gold.json beside it."""
    if not directory.is_dir():
        raise InvalidInput("The evaluation folder does not exist or is not a folder.")
    pairs = []
    for gold_file in sorted(directory.glob("*.gold.json")):
        doc_id = gold_file.name[: -len(".gold.json")]
        text_file = gold_file.with_name(doc_id + ".txt")
        if text_file.is_file():
            pairs.append((doc_id, text_file, gold_file))
    if not pairs:
        raise InvalidInput("The evaluation folder holds no NAME.txt + NAME.gold.json pairs.")
    return pairs


def evaluate(directory: Path) -> EvalReport:
    """Run the extractor on every NAME.txt in `directory` and score it against NAME.gold.json."""
    from ingest.extract import extract_many

    pairs = gold_pairs(Path(directory))
    golds = [load_gold(g) for _, _, g in pairs]
    texts = []
    for _, text_file, _ in pairs:
        try:
            texts.append(text_file.read_text(encoding="utf-8", errors="replace"))
        except OSError as exc:
            raise InvalidInput(f"Cannot read '{text_file.name}'.") from exc
    extractions = extract_many(texts)
    return score_documents(
        (doc_id, gold, ext) for (doc_id, _, _), gold, ext in zip(pairs, golds, extractions, strict=True)
    )


def _row(label: str, s: Score) -> str:
    return f"{label:<24} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.tp:>5} {s.fp:>5} {s.fn:>5}"


def format_report(report: EvalReport, *, per_document: bool = True) -> str:
    """A plain-text table: overall, per type, and (optionally) per document."""
    header = f"{'':<24} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"
    lines = [header, "-" * len(header)]
    lines.append(_row("entities (all)", report.entities))
    for name, score in report.entity_types.items():
        lines.append(_row(f"  {name}", score))
    lines.append(_row("relations (all)", report.relations))
    for name, score in report.relation_types.items():
        lines.append(_row(f"  {name}", score))
    if per_document:
        lines.append("")
        lines.append(f"{'document':<44} {'ent F1':>7} {'rel F1':>7}")
        for d in report.documents:
            lines.append(f"{d.doc_id[:44]:<44} {d.entities.f1:>7.3f} {d.relations.f1:>7.3f}")
    return "\n".join(lines)
