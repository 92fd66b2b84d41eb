"""Camps: 'Camp Usama', 'Markaz Usman-e-Ali', 'Balakot camp', 'the Al-Faruq and Salman al-Farsi camps',
and camps identified by their place ('their training camp in Anda')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView
from ingest.extract.gazetteer import get_gazetteer
from ingest.extract.names import is_name_token
from ingest.extract.normalize import name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_MAX_NAME = 5
_JOINERS = frozenset({"al", "el", "ul", "ud", "e", "i", "-", "bin", "ibn", "as", "ash", "ad", "wal"})
_GENERIC = frozenset(
    {
        "training",
        "military",
        "terrorist",
        "militant",
        "the",
        "a",
        "its",
        "their",
        "his",
        "refugee",
        "army",
        "police",
        "crpf",
        "battalion",
        "base",
        "main",
        "new",
        "old",
        "jihadi",
    }
)


def _piece(doc: Doc, i: int) -> bool:
    """A token that can sit inside a camp name: a capitalised word or a joiner ('Usman-e-Ali')."""
    tok = doc[i]
    if "\n" in tok.text:
        return False
    if is_name_token(tok):
        return tok.lower_ not in _GENERIC and tok.lower_ not in lx.NON_GROUP_WORDS
    return tok.lower_ in _JOINERS


def find_camps(view: DocView) -> None:
    doc = view.doc
    for i, tok in enumerate(doc):
        if view.owner[i] >= 0:
            continue
        low = tok.lower_
        if low in lx.CAMP_PREFIXES and tok.text[:1].isupper():
            _prefix_camp(view, i)
        elif low in {"camp", "camps", "launchpad"}:
            _suffix_camps(view, i)
        elif low == "pad" and i > 0 and doc[i - 1].lower_ == "launch":
            _suffix_camps(view, i, head_start=i - 1)  # 'the group's Kel launch pad'
        elif low in _SCHOOLS and _trains_in_sentence(doc, i):
            _suffix_camps(view, i)  # 'supervised training at the Manba-ul-Uloom madrasa'
        elif low in _FACILITIES and i > 1 and doc[i - 1].lower_ == "training":
            _suffix_camps(view, i)  # 'the Zhawar Kili training complex'


# A school is a camp only where its sentence speaks of training there.
_SCHOOLS = frozenset({"madrasa", "madrassa", "madrasah", "madrassah", "seminary"})
_FACILITIES = frozenset({"complex", "centre", "center", "facility", "ground", "base"})
_TRAINING = frozenset({"train", "trained", "training", "trains", "drilled", "instruction", "indoctrination"})


def _trains_in_sentence(doc: Doc, i: int) -> bool:
    return any(t.lower_ in _TRAINING for t in doc[i].sent)


def _prefix_camp(view: DocView, i: int) -> None:
    doc = view.doc
    k = i + 1
    while k < len(doc) and k - i <= _MAX_NAME and view.owner[k] < 0 and _piece(doc, k):
        k += 1
    while k > i + 1 and doc[k - 1].lower_ in _JOINERS:
        k -= 1
    first = doc[i + 1] if i + 1 < len(doc) else None
    joiner = first is not None and first.lower_ in {"al", "el", "ul", "ud"}
    if k > i + 1 and first is not None and (first.text[:1].isupper() or joiner):
        view.add(NodeType.CAMP, i, k, source="pattern")


def _run_before(view: DocView, end: int) -> int:
    doc = view.doc
    j = end
    while j > 0 and end - j < _MAX_NAME and view.owner[j - 1] < 0 and _piece(doc, j - 1):
        j -= 1
    while j < end and doc[j].lower_ in _JOINERS and not (doc[j].text[:1].isupper() and doc[j].lower_ == "al"):
        j += 1
    return j


def _suffix_camps(view: DocView, i: int, head_start: int | None = None) -> None:
    doc = view.doc
    start = i if head_start is None else head_start
    if start > 1 and doc[start - 1].lower_ == "training" and _run_before(view, start - 1) < start - 1:
        start -= 1  # 'the Al-Aqsa training camp', 'the Zhawar Kili training complex'
    j = _run_before(view, start)
    if j == start:
        if doc[i].lower_ == "camp":
            _named_after_camp_word(view, i)
        return
    plural = doc[i].lower_ == "camps"
    if not plural:
        end = i + 1
        if end < len(doc) and doc[end].lower_ == "complex" and view.owner[end] < 0:
            end += 1  # 'the Taga camp complex'
        view.add(NodeType.CAMP, j, end, source="pattern")
        return
    listed = j >= 2 and doc[j - 1].lower_ in {"and", ","}
    if not listed and _names_a_place(doc[j:i]):
        return  # 'the Sagaing camps', 'the Kunar camps': camps in a place, none of them named
    view.add(NodeType.CAMP, j, i, source="pattern")
    # "the Al-Faruq and Salman al-Farsi camps": every name in the coordination is a camp.
    while j >= 2 and doc[j - 1].lower_ in {"and", ","}:
        k = _run_before(view, j - 1)
        if k == j - 1:
            break
        view.add(NodeType.CAMP, k, j - 1, source="pattern")
        j = k


def _names_a_place(span: Span) -> bool:
    if all(t.ent_type_ in {"GPE", "LOC"} for t in span):
        return True
    return get_gazetteer().place_by_key(name_key(span.text)) is not None


def find_place_camps(view: DocView) -> None:
    """'training camp in Anda', "the KLO's camp at Hoyat", 'a camp at Kutul' in a sentence about training:
    an unnamed camp identified by its place (run after places are known)."""
    doc = view.doc
    for i in range(1, len(doc) - 2):
        if doc[i].lower_ != "camp" or view.owner[i] >= 0 or doc[i + 1].lower_ not in {"in", "at", "near"}:
            continue
        before = doc[i - 1].lower_
        training = before == "training"
        owned = before in {"'s", "\u2019s"}
        if not (training or owned or (before in {"a", "the"} and _trains_in_sentence(doc, i))):
            continue
        site = _camp_site(view, i + 2, any_place=training)
        if site is not None and not _name_follows(doc, site):
            view.add(NodeType.CAMP, i - 1 if training else i, site, source="pattern", claim=False)


def _name_follows(doc: Doc, k: int) -> bool:
    """'a training camp in Idlib, known as the Imam al-Tirmidhi camp': the camp's own name comes next."""
    return (
        k + 1 < len(doc)
        and doc[k].text == ","
        and doc[k + 1].lower_ in {"known", "called", "named", "dubbed"}
    )


def _camp_site(view: DocView, k: int, *, any_place: bool) -> int | None:
    """End of the place a camp is named by, at token k: a known town or an unknown name (made a place)."""
    doc = view.doc
    if view.lone_word_person(k) or _guessed_person_run(view, k):
        view.release(k)  # 'a camp at Kutul': a place the pipeline took for a person
    target = view.mention_at(k)
    if target is not None:
        if target.type is not NodeType.PLACE:
            return None
        wide = target.place is not None and target.place.kind in {"country", "subdivision"}
        return None if wide and not any_place else target.tok_end
    end = k
    while end < len(doc) and end - k < 3 and view.owner[end] < 0 and is_name_token(doc[end]):
        if doc[end].ent_type_ in {"DATE", "TIME", "NORP", "CARDINAL"}:
            break
        end += 1
    if end == k:
        return None
    view.add(NodeType.PLACE, k, end, source="camp-site")
    return end


def _guessed_person_run(view: DocView, k: int) -> bool:
    m = view.mention_at(k)
    return m is not None and m.type is NodeType.LEADER and m.source in {"ner", "weak"} and m.person is None


_CALLED = frozenset({"called", "named", "dubbed"})


def find_camps_called(view: DocView) -> None:
    """'a camp known to local fishermen as Markas Kaiga', 'a camp called Zhawar': the name is the camp."""
    doc = view.doc
    for i in range(len(doc) - 2):
        if (
            doc[i].lower_ not in {"camp", "base", "centre", "center", "facility", "complex"}
            or view.owner[i] >= 0
        ):
            continue
        k = i + 1
        if doc[k].lower_ == "known":
            k += 1
            while k < len(doc) and k - i < 8 and doc[k].lower_ != "as" and not doc[k].is_punct:
                k += 1
            if k >= len(doc) or doc[k].lower_ != "as":
                continue
        elif doc[k].lower_ not in _CALLED:
            continue
        start = end = k + 1
        while end < len(doc) and end - start < _MAX_NAME and view.owner[end] < 0 and _piece(doc, end):
            end += 1
        while end > start and doc[end - 1].lower_ in _JOINERS:
            end -= 1
        if end > start and doc[start].text[:1].isupper():
            view.add(NodeType.CAMP, start, end, source="pattern")


def _named_after_camp_word(view: DocView, i: int) -> None:
    """'the Lashkar-e-Taiba camp Bait-ul-Mujahideen': the camp's name follows the word 'camp'."""
    doc = view.doc
    k = i + 1
    while k < len(doc) and k - i <= _MAX_NAME and view.owner[k] < 0 and _piece(doc, k):
        if doc[k].ent_type_ in {"DATE", "TIME", "GPE", "LOC", "NORP", "CARDINAL"}:
            break
        k += 1
    while k > i + 1 and doc[k - 1].lower_ in _JOINERS:
        k -= 1
    if k > i + 1 and doc[i + 1].text[:1].isupper() and doc[i].whitespace_:
        view.add(NodeType.CAMP, i + 1, k, source="pattern")
