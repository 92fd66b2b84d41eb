"""A parsed document plus the bookkeeping every extraction step shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract.gazetteer import GroupFact, PersonFact, PlaceFact

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


# 'QUETTA, Pakistan, March 17 —', 'NAIROBI, Kenya (AP) -- ': where the reporter files from.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z'. -]{2,30}"  # the city, in capitals
    r"(?:,[ \t]*[A-Z][\w'. -]{1,30}){0,3}"  # country, date
    r"(?:[ \t]*(?P<agency>\([^)\n]{1,40}\)))?"  # (agency)
    r"(?:[ \t]*(?:\u2014|\u2013|:)|[ \t]+--?[ \t])",
    re.MULTILINE,
)


@dataclass
class Mention:
    type: NodeType
    start: int  # character offsets into the document text
    end: int
    text: str
    tok_start: int  # token offsets into the spaCy Doc
    tok_end: int
    sent: int
    source: str = "ner"  # gazetteer | pattern | ner | acronym | alias | faction | ...
    group: GroupFact | None = None
    place: PlaceFact | None = None
    person: PersonFact | None = None  # a listed person the mention names
    acronym: bool = False
    role: str | None = None
    alias_of: int | None = None  # index of the mention this one renames (a.k.a., acronym)
    nested: bool = False  # inside another mention (the place in "Balakot camp")
    entity: int = -1  # filled by resolution

    def guessed_person(self, *, weak: bool = False) -> bool:
        """A person only the pipeline's guess stands behind: no listed person, role or alias (with `weak`,
        names it labelled an organisation count too)."""
        sources = {"ner", "weak"} if weak else {"ner"}
        return (
            self.type is NodeType.LEADER
            and self.source in sources
            and self.person is None
            and not self.role
            and self.alias_of is None
        )


@dataclass
class DocView:
    text: str
    doc: Doc
    sents: list[Span]
    tok_sent: list[int]
    owner: list[int]  # token -> mention index, -1 when free
    mentions: list[Mention] = field(default_factory=list)
    datelines: list[tuple[int, int]] = field(default_factory=list)
    agencies: list[tuple[int, int]] = field(default_factory=list)  # '(Gulf Wire)' in a dateline
    lower: list[str] = field(default_factory=list)  # each token's lower-case text, for cheap word scans

    def entities_by_token(self, node_type: NodeType) -> dict[int, int]:
        """Token index -> entity, for the resolved, non-nested mentions of one type."""
        return {
            i: m.entity
            for m in self.mentions
            if m.type is node_type and m.entity >= 0 and not m.nested
            for i in range(m.tok_start, m.tok_end)
        }

    def tokens_among(self, words: frozenset[str] | set[str]) -> list[Token]:
        """The tokens whose lower-case text is one of `words` (scanning strings, not Token objects)."""
        return [self.doc[i] for i, w in enumerate(self.lower) if w in words]

    @classmethod
    def build(cls, text: str, doc: Doc) -> DocView:
        sents = list(doc.sents)
        tok_sent = [0] * len(doc)
        for si, sent in enumerate(sents):
            for i in range(sent.start, sent.end):
                tok_sent[i] = si
        found = list(_DATELINE.finditer(text))
        datelines = [(m.start(), m.end()) for m in found]
        agencies = [m.span("agency") for m in found if m.group("agency")]
        return cls(
            text=text,
            doc=doc,
            sents=sents,
            tok_sent=tok_sent,
            owner=[-1] * len(doc),
            datelines=datelines,
            agencies=agencies,
            lower=[t.lower_ for t in doc],
        )

    def line_start(self, char: int) -> int:
        """Where the line that holds character `char` begins."""
        return self.text.rfind("\n", 0, char) + 1

    def in_dateline(self, tok: int) -> bool:
        """Is the token part of a news dateline (a place there says where the story was filed)?"""
        idx = self.doc[tok].idx
        return any(start <= idx < end for start, end in self.datelines)

    def tokens_for(self, start: int, end: int) -> tuple[int, int] | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return span.start, span.end

    def is_free(self, tok_start: int, tok_end: int) -> bool:
        return all(self.owner[i] < 0 for i in range(tok_start, tok_end))

    def add(
        self,
        node_type: NodeType,
        tok_start: int,
        tok_end: int,
        *,
        source: str,
        claim: bool = True,
        **extra: object,
    ) -> int | None:
        """Record a mention over tokens [tok_start, tok_end); returns its index, None if refused."""
        while tok_start < tok_end and _trim_left(self.doc[tok_start]):
            tok_start += 1
        while (
            tok_end > tok_start
            and _trim_right(self.doc[tok_end - 1])
            and not self._closes(tok_start, tok_end)
        ):
            tok_end -= 1
        if tok_start >= tok_end:
            return None
        if claim and not self.is_free(tok_start, tok_end):
            return None
        start = self.doc[tok_start].idx
        end = self._char_end(tok_end)
        mention = Mention(
            type=node_type,
            start=start,
            end=end,
            text=self.text[start:end],
            tok_start=tok_start,
            tok_end=tok_end,
            sent=self.tok_sent[tok_start],
            source=source,
        )
        for key, value in extra.items():
            setattr(mention, key, value)
        idx = len(self.mentions)
        self.mentions.append(mention)
        if claim:
            for i in range(tok_start, tok_end):
                self.owner[i] = idx
        return idx

    def _closes(self, tok_start: int, tok_end: int) -> bool:
        """The last token closes a bracket the span opened: 'CPI (Maoist)' keeps its ')'."""
        return self.doc[tok_end - 1].text == ")" and "(" in self.doc[tok_start : tok_end - 1].text

    def lone_word_person(self, i: int) -> bool:
        """Token i is a one-word person the pipeline guessed."""
        return self.guessed_person_over(i, i + 1)

    def guessed_person_over(self, start: int, end: int) -> bool:
        """Exactly tokens [start, end) are a person the pipeline guessed."""
        m = self.mention_at(start)
        return m is not None and (m.tok_start, m.tok_end) == (start, end) and m.guessed_person()

    def release(self, i: int) -> None:
        """The one-token mention at i gives its token back and stops being an entity."""
        if 0 <= i < len(self.owner) and self.owner[i] >= 0:
            self.drop(self.owner[i], i, i + 1)

    def drop(self, idx: int, start: int | None = None, end: int | None = None) -> None:
        """Mention `idx` stops being an entity and gives back its tokens (those in [start, end) if given)."""
        m = self.mentions[idx]
        m.nested = True
        m.entity = -2
        lo = m.tok_start if start is None else max(start, m.tok_start)
        hi = m.tok_end if end is None else min(end, m.tok_end)
        for i in range(lo, hi):
            if self.owner[i] == idx:
                self.owner[i] = -1

    def extend(self, idx: int, tok_end: int) -> None:
        """Grow mention `idx` rightwards over free tokens up to `tok_end`."""
        m = self.mentions[idx]
        m.end = self._char_end(tok_end)
        m.text = self.text[m.start : m.end]
        for i in range(m.tok_end, tok_end):
            self.owner[i] = idx
        m.tok_end = tok_end

    def _char_end(self, tok_end: int) -> int:
        last = self.doc[tok_end - 1]
        end = last.idx + len(last.text)
        if last.text[-2:] in {"'s", "\u2019s"} and len(last.text) > 3:
            end -= 2  # "al-Qa'ida's": the tokenizer kept the possessive on the name
        elif _sentence_stop_kept(last):
            end -= 1  # '... to found the JeM.', 'a recruiter of the ULFA-I.': the full stop is not the name's
        return end

    def ent_covering(self, start: int, end: int) -> Span | None:
        """The pipeline's entity that holds tokens [start, end), if any (its entities never overlap)."""
        return next((e for e in self.doc.ents if e.start <= start and end <= e.end), None)

    def mention_at(self, tok: int) -> Mention | None:
        """The mention over token `tok`; None when the token is free or past either end of the text."""
        if not 0 <= tok < len(self.owner):
            return None
        idx = self.owner[tok]
        return None if idx < 0 else self.mentions[idx]

    def mention_before_comma(self, first: int) -> int:
        """The mention that ends right before ', ' and the phrase opening at token `first`, past an acronym
        in brackets between them ('MIT (MIT), an ISIS-aligned group'): its index, or -1."""
        doc = self.doc
        k = first - 1
        if k < 1 or doc[k].text != ",":
            return -1
        k -= 1
        if doc[k].text == ")":
            while k > 0 and doc[k].text != "(":
                k -= 1
            k -= 1
        return self.owner[k] if k >= 0 else -1

    def type_at(self, tok: int) -> NodeType | None:
        """The type of the mention over token `tok`; None when the token is free."""
        m = self.mention_at(tok)
        return None if m is None else m.type


HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def past_hyphens(doc: Doc, k: int) -> int:
    """The first token at or after `k` that is not a hyphen ('Islamic State' | '-' | 'linked')."""
    while k < len(doc) and doc[k].text in HYPHENS:
        k += 1
    return k


def _trim_left(tok: Token) -> bool:
    return tok.is_space or tok.is_punct or tok.lower_ in {"the", "a", "an", "those", "these", "this", "that"}


def _trim_right(tok: Token) -> bool:
    return tok.is_space or tok.is_punct or tok.lower_ in {"'s", "\u2019s", "'"}


def clean_ent_bounds(ent: Span) -> tuple[int, int]:
    """An entity span without leading articles, trailing punctuation or possessive, cut at a line break."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or not doc[start].text.strip()):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "\u2019s"}):
        end -= 1
    for i in range(start, end):
        if "\n" in doc[i].text or doc[i].is_space:
            end = i
            break
    return start, end


def _sentence_stop_kept(tok: Token) -> bool:
    """An acronym the tokenizer kept its sentence's full stop on ('JeM.', the 'I.' of 'ULFA-I.'), unlike an
    abbreviation whose dots are its own ('U.S.', 'Jr.')."""
    word = tok.text[:-1]
    if not tok.text.endswith(".") or not word or "." in word:
        return False
    after_hyphen = tok.i > 0 and tok.nbor(-1).text == "-" and not tok.nbor(-1).whitespace_
    return sum(c.isupper() for c in word) >= 2 or (word.isupper() and after_hyphen)
