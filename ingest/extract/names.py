"""People: names from the designation lists, spaCy PERSON spans cleaned of role titles, names after role
words, and a.k.a. chains."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView
from ingest.nlp import ABBREVIATED_GIVEN_NAMES, INFOBOX_LABEL_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NAME_CONNECTORS = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "abu",
        "abdul",
        "ul",
        "ud",
        "ur",
        "e",
        "i",
        "de",
        "del",
        "van",
        "von",
        "da",
        "ad",
        "as",
        "ash",
        "ag",  # Tuareg 'son of': 'Iyad ag Ghaly'
        "ould",  # Mauritanian and Malian 'son of': 'Sultan ould Badi'
        "wuld",
        "-",
    }
)
MAX_NAME_TOKENS = 7
_OF_HEADS = lx.PLACE_HEADS
_PLACE_ENDINGS = frozenset(
    {"district", "province", "territory", "region", "valley", "forest", "agency", "city", "county",
     "governorate", "village", "town", "island", "islands", "mountains", "river", "lake", "desert",
     "sector", "tehsil", "division", "state", "camp", "camps"}
)  # fmt: skip
# Role words that are also common first names.
_FIRST_NAMES_TOO = frozenset({"amir", "emir", "ameer"})
_COMMON_SINGLE = frozenset(
    {"infighting", "fighting", "militants", "jihad", "fidayeen", "shura", "mujahideen"}
)


_ARTICLE_NAME = re.compile(r"^(?:al|el|as|ad|ash|an|at|ar|az)-[A-Z]")
_HYPHENATED_NAME = re.compile(r"^[A-Z][a-z]+(?:-[a-z]{1,3})+-[A-Z][a-z]+$")
# Lower-case particles inside one name ('Zia ur Rehman', 'Abdullah bin Ali').
_PARTICLES = frozenset({"ur", "ul", "ud", "bin", "ibn", "bint", "al", "el", "uz", "us"})


def is_name_token(tok: Token) -> bool:
    text = tok.text
    if not text or "\n" in text or not any(c.isalpha() for c in text):
        return False
    if (
        not tok.whitespace_
        and text in INFOBOX_LABEL_WORDS
        and tok.i + 1 < len(tok.doc)
        and tok.nbor(1).is_title
    ):
        return False  # an infobox label glued to its value ('Headquarters' | 'Cal Miskaad mountains')
    return text[0].isupper() or _ARTICLE_NAME.match(text) is not None


def name_piece(doc: Doc, i: int) -> bool:
    """A token that can sit inside a name: capitalised word, or 'al'/'bin'/hyphen between name words."""
    tok = doc[i]
    if is_name_token(tok):
        return tok.lower_ not in lx.PERSON_STOP
    if tok.lower_ in NAME_CONNECTORS and i + 1 < len(doc):
        return is_name_token(doc[i + 1]) or doc[i + 1].text == "-"
    return False


_PLACE_PREPS = frozenset({"in", "near", "at", "inside", "into", "outside", "r/o"})


def find_persons(view: DocView) -> None:
    doc = view.doc
    for ent in _person_spans(doc):
        if doc[ent.start].lower_ == "r/o" or (ent.start > 0 and doc[ent.start - 1].lower_ in _PLACE_PREPS):
            continue  # 'near Patikul', 'r/o Bhatkal': a place spaCy took for a name
        if ent.start > 1 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in _OF_HEADS:
            continue  # 'the town of Beni'
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is not None and nxt.is_lower and nxt.lower_ in lx.PLACE_HEADS:
            continue  # 'the Gao region', 'Kech district'
        if len(ent) == 1 and _after_listed_place(view, ent.start):
            continue  # 'in Karachi and Gwadar'
        if _before_plural_place_head(doc, ent.end):
            continue  # 'the Rafah and Sheikh Zuweid areas'
        if _listed_before_place(view, ent.start, ent.end):
            continue  # 'moving between Kafia Kingi and Haute-Kotto prefecture'
        if len(ent) == 1 and _between_places(view, ent.start):
            continue  # 'Markaz X, Chelabandi in Muzaffarabad'
        if len(ent) == 1 and ent.start > 0 and doc[ent.start - 1].lower_ in {"a", "an"}:
            continue  # 'a Malian Tuareg': a name takes no indefinite article
        if ent.start > 1 and doc[ent.start - 1].pos_ == "ADJ" and doc[ent.start - 2].lower_ in {"a", "an"}:
            continue

        for start, end in _split_on_lists(doc, ent.start, ent.end):
            add_person(view, start, end, source="ner")
    _add_after_role_words(view)


def _person_spans(doc: Doc) -> list[Span]:
    """spaCy's PERSON spans, rejoined where a lower-case name particle split one name in two ('Zia' | ur |
    'Rehman Farooqi') or where it cut one name into two spans ('Rakibul' | 'Hasan Regan'), with the
    abbreviated 'Md.' before a name ('Md. Rakibul Hasan Regan') taken in."""
    spans = [e for e in doc.ents if e.label_ == "PERSON"]
    out: list[Span] = []
    for ent in spans:
        prev = out[-1] if out else None
        particle = prev is not None and ent.start == prev.end + 1 and doc[prev.end].lower_ in _PARTICLES
        glued = prev is not None and ent.start == prev.end and doc[prev.end - 1].whitespace_ == " "
        if prev is not None and (particle or glued):
            out[-1] = doc[prev.start : ent.end]
        elif ent.start > 0 and doc[ent.start - 1].text in ABBREVIATED_GIVEN_NAMES:
            out.append(doc[ent.start - 1 : ent.end])
        else:
            out.append(ent)
    return out


def _after_listed_place(view: DocView, i: int) -> bool:
    if i < 2 or view.doc[i - 1].lower_ not in {"and", "or"}:
        return False
    before = view.mention_at(i - 2)
    if before is not None:
        return before.type is NodeType.PLACE
    return view.doc[i - 2].ent_type_ in {"GPE", "LOC"}


def _before_plural_place_head(doc: Doc, end: int) -> bool:
    """'the Gourma and Tillaberi regions': names listed before a plural place word are places."""
    k = end
    if k < len(doc) and doc[k].lower_ in {"and", "or", ","}:
        k += 1
        while k < len(doc) and k - end < 6 and is_name_token(doc[k]):
            k += 1
    return k < len(doc) and doc[k].is_lower and doc[k].lower_ in lx.PLURAL_PLACE_HEADS


def _listed_before_place(view: DocView, start: int, end: int) -> bool:
    doc = view.doc
    if start == 0 or end + 1 >= len(doc) or doc[start - 1].lower_ not in {"between", "from", "across", "to"}:
        return False
    if doc[end].lower_ not in {"and", "or", "to"}:
        return False
    after = view.mention_at(end + 1)
    if after is not None:
        return after.type is NodeType.PLACE
    return doc[end + 1].ent_type_ in {"GPE", "LOC"}


def _between_places(view: DocView, i: int) -> bool:
    doc = view.doc
    if i == 0 or i + 2 >= len(doc) or doc[i - 1].text not in {",", "in"}:
        return False
    after = view.mention_at(i + 2)
    return doc[i + 1].text in {",", "in"} and after is not None and after.type is NodeType.PLACE


def _split_on_lists(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    s = start
    for i in range(start, end):
        if doc[i].text in {",", ";", "(", ")", "/"} or doc[i].lower_ == "and" or "\n" in doc[i].text:
            if s < i:
                pieces.append((s, i))
            s = i + 1
    if s < end:
        pieces.append((s, end))
    return pieces


_INLINE_ALIAS_CUES = frozenset({"alias", "@", "aka", "a.k.a.", "a.k.a"})


# Words that end or open the names of trains, papers and councils, never a person's name.
_NOT_PERSON_WORDS = frozenset(
    {"express", "times", "post", "tribune", "herald", "daily", "gazette", "majlis", "shura", "jihad",
     "council", "bank", "trust", "foundation", "mail", "news", "airlines", "airways", "hospital",
     "university"}
)  # fmt: skip


# Given names after which a creed word opens a person's name ('Sufi Muhammad'), not a people ('Sunnis').
_GIVEN_NAMES = frozenset({"muhammad", "mohammad", "mohammed", "muhammed", "ahmad", "ahmed", "ali", "hassan"})
# Words stripped off a name's front that are no role: 'the', or the 'alias' before a second name.
_NOT_ROLE_WORDS = frozenset({"the", "a", "an"}) | lx.PERSON_STOP


def _cut_at_spaced_dash(doc: Doc, start: int, end: int) -> int:
    """'Abu Usman Adil - Yuldashev's son-in-law -': a dash set off by spaces ends the name."""
    for i in range(start + 1, end):
        if doc[i].text in {"-", "\u2013", "\u2014"} and doc[i - 1].whitespace_:
            return i
    return end


def add_person(view: DocView, start: int, end: int, *, source: str) -> int | None:
    doc = view.doc
    role_words: list[str] = []
    while start < end and (doc[start].lower_ in lx.ROLE_TITLES or not doc[start].text.strip()):
        if doc[start].lower_ in _FIRST_NAMES_TOO and end - start >= 3 and source == "ner":
            break  # 'Amir Ajmal Kasab': Amir is his first name
        role_words.append(doc[start].text)
        start += 1
    end = _cut_at_spaced_dash(doc, start, end)
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].lower_ in lx.PERSON_STOP
        or doc[end - 1].lower_ in {"'s", "\u2019s"}
    ):
        end -= 1
    while start < end and view.owner[start] >= 0:
        start += 1
    while end > start and view.owner[end - 1] >= 0:
        end -= 1
    if start >= end or not view.is_free(start, end):
        return None
    creed = doc[start].lower_ in lx.CREEDS and not (
        end - start >= 2 and doc[start + 1].lower_ in _GIVEN_NAMES
    )
    if {doc[start].lower_, doc[end - 1].lower_} & _NOT_PERSON_WORDS or creed:
        return None  # 'Jaffar Express' (a train), 'Shura Majlis' (a council), 'Kital Jihad'
    # spaCy often stops before a trailing nisba ("Masood Illyas" | "Kashmiri").
    while end < len(doc) and end - start < MAX_NAME_TOKENS and doc[end - 1].whitespace_:
        nxt = doc[end]
        if _patronymic_next(view, end):
            end += 2  # 'Abu Abdullah al-Hassan' | 'bin Mahmoud'
            continue
        article = _ARTICLE_NAME.match(nxt.text) is not None
        proper = nxt.pos_ == "PROPN" and nxt.ent_type_ in {"", "GPE", "NORP"}
        if (proper or article) and is_name_token(nxt) and view.owner[end] < 0:
            if nxt.lower_ in lx.ROLE_TITLES or nxt.text.isupper():
                break
            end += 1
        else:
            break
    # A given name spaCy left outside the span ('Hilarion' | 'Del Rosario Santos III').
    if source == "ner" and start > 0 and doc[start - 1].whitespace_ != "":
        prev = doc[start - 1]
        if _HYPHENATED_NAME.match(prev.text) and view.owner[start - 1] < 0:
            start -= 1  # 'Isar-ul-Haq' (tagged a verb) | 'Qasmi'
        elif _given_name_at(view, start - 1):
            start -= 1
    # Honorifics that spaCy left outside the span belong to the name ("Maulana" Masood Azhar).
    while start > 0 and doc[start - 1].lower_ in lx.NAME_HONORIFICS and view.owner[start - 1] < 0:
        start -= 1
    titled = source == "ner" and start > 0 and doc[start].lower_ in lx.NAME_HONORIFICS
    if titled and _given_name_at(view, start - 1):
        start -= 1  # 'Abdiweli Sheikh Ibrahim': 'Sheikh' inside a Somali name, not its title
    cut = next((k for k in range(start + 1, end) if doc[k].lower_ in _INLINE_ALIAS_CUES), end)
    end = cut  # 'Harvinder Singh alias Rinda': the name ends at the cue; the alias is linked after
    toks = doc[start:end]
    words = [t.lower_ for t in toks]
    if all(w in lx.DEMONYMS or w in lx.PEOPLES for w in words):
        return None  # 'Tajik', 'Rwandan Hutu': a people, not a person
    if len(words) > 1 and words[-1] in _PLACE_ENDINGS:
        return None  # 'Beni Territory', 'Kurram Agency': a place name built on a place word
    if not _plausible_name(toks.text, words):
        return None
    if len(toks) == 1 and toks[0].pos_ not in {"PROPN"} and _ARTICLE_NAME.match(toks[0].text) is None:
        return None
    if not role_words:
        role_words = role_words_before(doc, start)
    role = " ".join(w for w in role_words if w.lower() not in _NOT_ROLE_WORDS) or None
    return view.add(NodeType.LEADER, start, end, source=source, role=role)


def _patronymic_next(view: DocView, i: int) -> bool:
    doc = view.doc
    return (
        i + 1 < len(doc)
        and doc[i].lower_ in {"bin", "ibn", "bint", "ben"}
        and doc[i].whitespace_ != ""
        and is_name_token(doc[i + 1])
        and doc[i + 1].pos_ == "PROPN"
        and view.owner[i] < 0
        and view.owner[i + 1] < 0
    )


def _plausible_name(text: str, words: list[str]) -> bool:
    if len(words) == 1 and words[0] in _COMMON_SINGLE:
        return False
    if not text[:1].isupper() or any(c.isdigit() for c in text) or len(words) > MAX_NAME_TOKENS:
        return False
    content = [w for w in words if w not in lx.NAME_HONORIFICS and w not in NAME_CONNECTORS]
    if not content or all(w in lx.ROLE_TITLES for w in content):
        return False
    return not any(w in lx.NON_GROUP_WORDS or w in lx.GROUP_HEADS for w in content)


def _given_name_at(view: DocView, i: int) -> bool:
    """A free capitalised name word that is no title: a given name spaCy left outside a person's span
    (an honorific there is taken as one, by the caller)."""
    tok = view.doc[i]
    return (
        tok.pos_ == "PROPN"
        and is_name_token(tok)
        and view.owner[i] < 0
        and not tok.is_sent_start
        and (not tok.ent_type_ or _lone_word_org(tok))
        and not tok.text.isupper()
        and tok.lower_ not in lx.ROLE_TITLES | lx.NAME_HONORIFICS
    )


def _lone_word_org(tok: Token) -> bool:
    """'Nurul' | 'Islam Marzan': a one-word organisation the pipeline split off the front of a name (a
    listed group there is already a mention and never reaches this test)."""
    return (
        tok.ent_type_ == "ORG"
        and tok.ent_iob_ == "B"
        and (tok.i + 1 == len(tok.doc) or tok.nbor().ent_iob_ != "I")
    )


def role_words_before(doc: Doc, start: int) -> list[str]:
    """Title-case role words right before a name: 'Operational Commander' Abdul Rauf Ashgar."""
    j = start
    while j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].lower_ in lx.ROLE_TITLES | {"launching"}:
        j -= 1
    return [t.text for t in doc[j:start]]


def _add_after_role_words(view: DocView) -> None:
    """Names spaCy missed right after a role word: 'HUJI leader Jalaluddin', 'Mullah Omar'."""
    doc = view.doc
    for i, tok in enumerate(doc[:-1]):
        low = tok.lower_
        if (
            low not in lx.LEAD_NOUNS
            and low not in lx.NAME_HONORIFICS
            and low not in {"commander", "amir", "emir"}
        ):
            continue
        k = i + 1
        while k < len(doc) and k - i <= 4 and view.owner[k] < 0 and name_piece(doc, k):
            k += 1
        if k > i + 1 and doc[i + 1].pos_ == "PROPN":
            start = i if low in lx.NAME_HONORIFICS and view.owner[i] < 0 else i + 1
            add_person(view, start, k, source="pattern")
