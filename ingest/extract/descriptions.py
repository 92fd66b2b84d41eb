"""Descriptions in apposition to a group's name that say where it acts: 'Mujahidin Indonesia Timur (MIT),
an ISIS-aligned group operating in the mountains of Central Sulawesi'."""

from __future__ import annotations

import re

from graph.ontology import NodeType
from ingest.extract.doc_view import DocView

# ', an ISIS-aligned group operating in the mountains of X', ', a militia active in X and Y', ', the al-Qaida
# affiliate in the Sahel', ', an alliance of outfits based in X': a description
# in apposition to a group's name that says where it acts (read off the surface, as the parser often hangs
# the description on the sentence's verb).
_DESCRIBED_ACTIVE = re.compile(
    r"\s*(?:\([^()]{1,40}\))?\s*,\s+(?:a|an|the)\s+[^,;.()]{0,60}?\b(?:group|organi[sz]ation|outfit|militia"
    r"|movement|network|faction|insurgency|affiliate|splinter|offshoot|coalition|alliance|branch)(?:s|es)?\s+"
    r"(?:(?:that|which)\s+(?:is|are)\s+)?(?:(?:operating|active|based|present|entrenched)\s+)?(?:mainly\s+"
    r"|mostly\s+|largely\s+|primarily\s+|chiefly\s+)?(?:in|across|along|around|throughout|near)\s+"
)
# ', the Khyber district group', ', a Mindanao-based faction': a place before the noun says where the group is
# ('a Pakistan-backed outfit' says who backs it, so a tie word after the hyphen is kept out).
_DESCRIBED_LOCAL = re.compile(
    r"\s*(?:\([^()]{1,40}\))?\s*,\s+(?:a|an|the)\s+((?:[A-Z][\w'-]*\s+){0,3}[A-Z][\w']*(?:\s+(?:district|province"
    r"|valley|region|area))?)(?:-based)?\s+(?:group|outfit|militia|faction|network|movement|insurgency|organi[sz]ation)\b"
)
_CLAUSE_END = re.compile(r"[;.]|,\s+(?:and|but|which|who|while|where)\b")


def described_spans(view: DocView) -> list[tuple[int, int, int]]:
    """(start, end, group mention) of each description in apposition to a group that says where it acts."""
    cached = view.doc.user_data.get("described_spans")
    if cached is not None:
        return list(cached)
    spans: list[tuple[int, int, int]] = []
    for idx, g in enumerate(view.mentions):
        if g.type is not NodeType.GROUP or g.entity < 0 or g.nested:
            continue
        cue = _DESCRIBED_ACTIVE.match(view.text, g.end)
        if cue is not None:
            stop = _CLAUSE_END.search(view.text, cue.end())
            spans.append((cue.end(), stop.start() if stop is not None else len(view.text), idx))
        local = _DESCRIBED_LOCAL.match(view.text, g.end)
        if local is not None:
            spans.append((local.start(1), local.end(1), idx))
    view.doc.user_data["described_spans"] = spans
    return spans
