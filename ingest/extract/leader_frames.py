"""Leadership told by a surface frame the parser often gets wrong: 'the Sea Tigers, commanded for most of
the war by X' (the parser hangs 'by X' on 'war') and 'to form JNIM, with X as its leader'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType, RelType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView, Mention

if TYPE_CHECKING:
    from ingest.extract.relations import RelationFinder

_LED_PARTICIPLES = frozenset({"led", "commanded", "headed", "founded", "run", "directed", "chaired"})
_MAX_GAP = 8  # words between the participle and 'by'
_CLAUSE_BREAKS = frozenset({";", ".", ":", "(", ")"})


def leader_frames(finder: RelationFinder, view: DocView) -> None:
    for m in view.mentions:
        if m.type is not NodeType.GROUP or m.entity < 0 or m.nested:
            continue
        person = _led_by_after(view, m)
        if person is not None:
            finder.emit(RelType.LEADS, person.entity, m.entity, m.sent, 0.6, "led-by-after-name")
    _with_as_leader(finder, view)


def _led_by_after(view: DocView, group: Mention) -> Mention | None:
    """'G, commanded for most of the war by P': the participle right after the name, 'by' a few words on."""
    doc = view.doc
    k = group.tok_end
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k >= len(doc) or doc[k].lower_ not in _LED_PARTICIPLES:
        return None
    for j in range(k + 1, min(len(doc) - 1, k + 2 + _MAX_GAP)):
        tok = doc[j]
        if tok.text in _CLAUSE_BREAKS or view.tok_sent[j] != group.sent:
            return None
        if view.owner[j] >= 0:
            return None  # another name comes first: 'led in Kunar by the IS-K ...' is not ours to read
        if tok.lower_ == "by":
            nxt = j + 1
            while nxt < len(doc) and view.owner[nxt] < 0 and doc[nxt].lower_ in lx.ROLE_TITLES:
                nxt += 1
            held = view.mention_at(nxt)
            if held is not None and held.type is NodeType.LEADER and held.entity >= 0:
                return held
            return None
    return None


def _with_as_leader(finder: RelationFinder, view: DocView) -> None:
    """'... to form JNIM, with Iyad ag Ghali as its leader': the group named last before 'with'."""
    doc = view.doc
    for tok in view.tokens_among({"with"}):
        person = view.mention_at(tok.i + 1)
        if person is None or person.type is not NodeType.LEADER or person.entity < 0:
            continue
        k = person.tok_end
        words = [t.lower_ for t in doc[k : k + 4]]
        if len(words) < 3 or words[0] != "as" or words[1] not in {"its", "their", "the"}:
            continue
        role = words[2] if words[2] not in lx.TITLE_ADJECTIVES else words[3] if len(words) > 3 else ""
        if role not in lx.LEAD_NOUNS:
            continue
        groups = [
            m
            for m in view.mentions
            if m.type is NodeType.GROUP and m.entity >= 0 and m.sent == person.sent and m.tok_end <= tok.i
        ]
        if groups:
            target = max(groups, key=lambda m: m.tok_end)
            finder.emit(RelType.LEADS, person.entity, target.entity, person.sent, 0.6, "with-as-leader")
