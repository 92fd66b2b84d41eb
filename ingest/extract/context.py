"""Dependency paths between mentions, and what pronouns and definite phrases refer to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import DocView, Mention, past_hyphens
from ingest.extract.normalize import lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

# "associated with Al-Qaida, Usama bin Laden or the Taliban for ...": a sanctions regime's name, not a tie.
_DISJUNCTIVE_LISTING = re.compile(r"associated with ((?:(?!\bfor\b)[^.;]){0,160}?\bor\b[^.;]{0,80}?)\s+for\b")
_GROUP_ANAPHORS = frozenset(
    {"group", "organization", "organisation", "outfit", "movement", "network", "faction", "coalition",
     "alliance", "brigade", "battalion", "militia", "splinter", "offshoot"}
)  # fmt: skip
# A field line lists names ('Allies: X; Y'); a title with a colon ('After Basavaraju: can the CPI (Maoist)
# survive?') is a sentence about its subject.
_FIELD_LINE = re.compile(r"\s*[A-Z][A-Za-z/&' -]{0,40}:\s*\S")
_TITLE_LINE = re.compile(r"[^\n]{0,200}\?\s*$")
_PERSON_PRONOUNS = frozenset({"he", "his", "him", "she", "her"})
_GROUP_PRONOUNS = frozenset({"it", "its", "itself"})


@dataclass(frozen=True)
class Ref:
    """A mention, or a pronoun / definite phrase standing for an entity."""

    entity: int
    root: int  # token index used for paths
    sent: int
    anaphor: bool
    kind: str = "mention"  # mention | pronoun | members | there | plural | affiliation | owner


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "agent", "dative", "appos"})


def span_root(view: DocView, m: Mention) -> int:
    """The token that ties the name to the sentence. When the parser hangs several of its words outside
    it ('Hizb' compound, 'Tahrir' subject), the one holding a clause role, not the first."""
    span = view.doc[m.tok_start : m.tok_end]
    outside = [t for t in span if not (m.tok_start <= t.head.i < m.tok_end) or t.head.i == t.i]
    if len(outside) > 1:
        for tok in outside:
            if tok.dep_ in _ARGUMENT_DEPS:
                return int(tok.i)
    return int(span.root.i)


def ignored_mentions(view: DocView) -> set[int]:
    """Mentions inside a disjunctive listing formula; they assert nothing."""
    spans = [(m.start(1), m.end(1)) for m in _DISJUNCTIVE_LISTING.finditer(view.text)]
    if not spans:
        return set()
    out: set[int] = set()
    for idx, m in enumerate(view.mentions):
        if any(s <= m.start and m.end <= e for s, e in spans):
            out.add(idx)
    return out


_AFFILIATION_WORDS = frozenset(
    {"linked", "affiliated", "aligned", "allied", "backed", "inspired", "loyal", "supported", "sponsored",
     "associated", "connected"}
)  # fmt: skip


def mention_ref(view: DocView, m: Mention) -> Ref:
    """The reference a named mention makes, with how it takes part in its sentence (`_tie_kind`)."""
    root = span_root(view, m)
    return Ref(entity=m.entity, root=root, sent=m.sent, anaphor=False, kind=_tie_kind(view, m, root))


def _tie_kind(view: DocView, m: Mention, root: int) -> str:
    """'affiliation' when a group mention only says whom the actors are tied to ('Islamic State-linked
    fighters overran Macomia'), 'owner' when it owns the unit that acts ("al-Qa'ida's branch in the
    Sahel"), else 'mention'. Neither of the first two acts itself."""
    if m.type is not NodeType.GROUP:
        return "mention"
    k = past_hyphens(view.doc, m.tok_end)
    if k > m.tok_end and k < len(view.doc) and view.doc[k].lower_ in _AFFILIATION_WORDS:
        return "affiliation"
    tok = view.doc[root]
    if tok.dep_ == "compound" and tok.head.lower_ in _GROUP_ANAPHORS:
        tok = tok.head  # 'the Islamic State group'
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        tok = tok.head  # 'the Somali branch of the Islamic State'
    owned = tok.dep_ in {"poss", "prep"} and tok.head.lower_ in lx.GROUP_PART_NOUNS
    return "owner" if owned else "mention"


def refs_by_sentence(refs: list[Ref]) -> dict[int, list[Ref]]:
    """References grouped by sentence, each group in the order given."""
    by_sent: dict[int, list[Ref]] = {}
    for ref in refs:
        by_sent.setdefault(ref.sent, []).append(ref)
    return by_sent


def path_tokens(a: Token, b: Token) -> list[Token] | None:
    """Tokens strictly between a and b on the dependency path (None when not connected)."""
    up_a = [a, *a.ancestors]
    pos_a = {t.i: n for n, t in enumerate(up_a)}
    chain_b: list[Token] = []
    node = b
    while node.i not in pos_a:
        chain_b.append(node)
        if node.head.i == node.i:
            return None
        node = node.head
    full = up_a[: pos_a[node.i] + 1] + list(reversed(chain_b))
    return [t for t in full if t.i not in (a.i, b.i)]


def cue_words(path: list[Token], *, modifiers: bool = True) -> set[str]:
    """Words and lemmas on a path, plus (optionally) modifiers of path words ('joint' operation,
    'training' programme)."""
    out: set[str] = set()
    for tok in path:
        out.add(tok.lower_)
        out.add(lemma(tok.text))
        if not modifiers:
            continue
        for child in tok.children:
            if child.dep_ in {"amod", "compound", "prt", "advmod"}:
                out.add(child.lower_)
                out.add(lemma(child.text))
    return out


class Salience:
    """Which group, person or camp a pronoun most likely means at a given point of the document."""

    def __init__(self, view: DocView, refs: list[Ref], types: list[NodeType]) -> None:
        self.view = view
        self.by_type: dict[NodeType, list[tuple[int, int, bool]]] = {}
        self.counts: dict[int, int] = {}
        fields = {
            i for i, s in enumerate(view.sents) if _FIELD_LINE.match(s.text) and not _TITLE_LINE.match(s.text)
        }
        for ref in sorted(refs, key=lambda r: r.root):
            if ref.kind == "affiliation":
                continue  # 'IS-linked fighters' are not what 'the group' will mean
            if view.tok_sent[ref.root] in fields:
                continue  # 'Allies: X; Y' lists names; it never sets up what 'the group' means next
            is_subject = _subject_like(view, view.doc[ref.root])
            self.by_type.setdefault(types[ref.entity], []).append((ref.root, ref.entity, is_subject))
            if not _defined_acronym(view, ref.root):  # 'the Kuki-Chin National Front (KNF)' is one mention
                self.counts[ref.entity] = self.counts.get(ref.entity, 0) + 1
        # 'the party' said again and again is the Communist Party of India (Maoist) spoken of again.
        self.named_heads = _named_heads(view)
        self.title_group = _title_group(view)
        head_words = frozenset(self.named_heads)
        for tok in view.tokens_among(head_words):
            if view.owner[tok.i] < 0 and _definite(tok, head_words):
                group = self.named_heads[tok.lower_]
                self.counts[group] = self.counts.get(group, 0) + 1

    def main(self, node_type: NodeType) -> int | None:
        items = self.by_type.get(node_type, [])
        if not items:
            return None
        if node_type is NodeType.GROUP and self.title_group is not None:
            return self.title_group  # an article headed by a group's name is about that group
        first: dict[int, int] = {}
        for tok, ent, _ in items:
            first.setdefault(ent, tok)
        return max(first, key=lambda e: (self.counts.get(e, 0), -first[e]))

    def recent_subject(self, node_type: NodeType, before: int) -> int | None:
        """The subject entity of this type in the same or the previous sentence, if there is exactly one."""
        sent = self.view.tok_sent[before]
        found = {
            ent
            for tok, ent, subj in self.by_type.get(node_type, [])
            if subj and tok < before and sent - self.view.tok_sent[tok] <= 1
        }
        return found.pop() if len(found) == 1 else None

    def recent(self, node_type: NodeType, before: int, window_sents: int = 2) -> int | None:
        """Most recent entity of this type before token `before` within a few sentences, subjects first."""
        sent = self.view.tok_sent[before]
        candidates = [
            (tok, ent, subj)
            for tok, ent, subj in self.by_type.get(node_type, [])
            if tok < before and sent - self.view.tok_sent[tok] <= window_sents
        ]
        if not candidates:
            return None
        last_sent = max(self.view.tok_sent[t] for t, _, _ in candidates)
        same = [c for c in candidates if self.view.tok_sent[c[0]] == last_sent]
        subjects = [c for c in same if c[2]]
        if subjects:
            return subjects[0][1]
        # No subject: the entity the document talks about most, among those just mentioned.
        return max(reversed(same), key=lambda c: self.counts.get(c[1], 0))[1]


def _defined_acronym(view: DocView, i: int) -> bool:
    """The token is an acronym in brackets right after a name ('... Front (KNF)')."""
    m = view.mention_at(i)
    return m is not None and m.acronym and m.tok_start > 0 and view.doc[m.tok_start - 1].text == "("


def _title_group(view: DocView) -> int | None:
    """The group whose name alone makes the text's first line ('Hurras al-Din' over an article)."""
    first_line = view.text.lstrip().split("\n", 1)[0].strip()
    offset = view.text.find(first_line)
    for m in view.mentions:
        if (
            m.type is NodeType.GROUP
            and m.entity >= 0
            and m.start == offset
            and m.end == offset + len(first_line)
        ):
            return m.entity
    return None


def _subject_like(view: DocView, tok: Token) -> bool:
    """The clause subject, or a name inside it ('HM cadres', "JuA's leadership", 'the group, JNIM'), but not
    a group that only describes the subject ('Hurras al-Din, the Al-Qaida affiliate, was formed')."""
    modifier = False
    for _ in range(3):
        if tok.dep_ in {"nsubj", "nsubjpass"} or _agent_of_unnamed(view, tok):
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _PEOPLE_OF:
            tok = tok.head.head  # 'Cadres of NSCN(IM) are required to ...'
            continue
        if tok.dep_ not in {"compound", "poss", "appos"} or tok.head.i == tok.i:
            return False
        if tok.dep_ == "appos" and modifier:
            return False
        modifier = tok.dep_ in {"compound", "poss"}
        tok = tok.head
    return False


_NAME_ENTS = frozenset({"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC"})


def _agent_of_unnamed(view: DocView, tok: Token) -> bool:
    """'Responsibility was claimed by JeFM': the agent of a passive whose subject names no one is what the
    sentence is about ('AGH was announced by GIMF' is about AGH)."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "agent":
        return False
    subjects = [c for c in tok.head.head.children if c.dep_ == "nsubjpass"]
    names = [t for s in subjects for t in s.subtree if view.owner[t.i] >= 0 or t.ent_type_ in _NAME_ENTS]
    return bool(subjects) and not names


_PEOPLE_OF = lx.MEMBER_NOUNS | lx.LEAD_NOUNS | {"leadership", "leaders", "men", "forces"}


def anaphor_refs(view: DocView, salience: Salience) -> list[Ref]:
    """Pronouns ('it', 'he'), definite phrases ('the group', 'the camp'), 'these cadres', 'there'."""
    doc = view.doc
    out: list[Ref] = []
    last_person: int | None = None
    named_heads = salience.named_heads
    head_words = frozenset(named_heads)
    group_nouns = _GROUP_ANAPHORS | head_words
    for tok in doc:
        if view.owner[tok.i] >= 0:
            continue
        low = tok.lower_
        target: int | None = None
        kind = "pronoun"
        if low in _PERSON_PRONOUNS:
            target = salience.recent(NodeType.LEADER, tok.i) or last_person or salience.main(NodeType.LEADER)
            last_person = target
        elif _definite(tok, group_nouns) and (apposed := apposed_group(view, tok)) is not None:
            target = apposed.entity  # 'Lashkar-e-Islam, the Khyber-based group of Mangal Bagh'
        elif low == "its" and _coordinated_owner(view, tok) is not None:
            target = _coordinated_owner(view, tok)  # 'al-Qa'ida and its emir': the group just named
        elif _definite(tok, head_words):
            target = named_heads[low]  # 'the party' for the Communist Party of India (Maoist)
        elif _definite(tok, _GROUP_ANAPHORS):
            # 'the group' is the group the text is about, unless the sentence before made another its subject.
            target = salience.recent_subject(NodeType.GROUP, tok.i) or salience.main(NodeType.GROUP)
        elif low in _GROUP_PRONOUNS and _unnamed_antecedent(view, tok):
            target = None  # "Zakir Musa's faction, which ... announced its loyalty": the faction's
        elif low in _GROUP_PRONOUNS:
            target = salience.recent(NodeType.GROUP, tok.i) or salience.main(NodeType.GROUP)
        elif low == "their" and tok.head.lower_ in lx.KIN_WORDS:
            target = None  # 'their father': people, not a group
        elif low in {"they", "their", "them"}:
            target = salience.recent(NodeType.GROUP, tok.i, window_sents=1)
        elif _definite(tok, frozenset({"camp", "complex", "markaz"})):
            target = salience.recent(NodeType.CAMP, tok.i, window_sents=6) or salience.main(NodeType.CAMP)
        elif low == "there":
            target = salience.recent(NodeType.CAMP, tok.i, window_sents=2)
            kind = "there"
        elif low in lx.MEMBER_NOUNS and not _has_owner_modifier(view, tok):
            target = salience.recent(NodeType.GROUP, tok.i, window_sents=1)
            kind = "members"
        if target is not None:
            out.append(Ref(entity=target, root=tok.i, sent=view.tok_sent[tok.i], anaphor=True, kind=kind))
    return out


# Head words of group names that the text may use alone for that group ('the party', 'the front').
_NAME_HEADS = frozenset(
    {
        "party",
        "front",
        "council",
        "committee",
        "union",
        "league",
        "tigers",
        "jamaat",
        "battalion",
        "brigade",
        "brigades",
    }
)


def _named_heads(view: DocView) -> dict[str, int]:
    """Name head word -> the group whose name holds it ('party' -> CPI (Maoist)); where several do, the
    one the text names first, which is the one it is about."""
    owners: dict[str, int] = {}
    for m in sorted(view.mentions, key=lambda m: m.tok_start):
        if m.type is NodeType.GROUP and m.entity >= 0 and not m.acronym:
            words = [t.lower_ for t in view.doc[m.tok_start : m.tok_end] if t.is_alpha][1:]
            if m.group is not None:  # 'CPI (Maoist)' is the Communist Party of India (Maoist)
                words += m.group.name.lower().split()[1:]
            for head in {w for w in words if w in _NAME_HEADS}:
                owners.setdefault(head, m.entity)
    for noun, entity in _introduced_as(view):
        owners.setdefault(noun, entity)
    return owners


# 'an umbrella called BRAS', 'BRAS, a loose alliance of ...': the noun the text introduces a group with
# is what it later calls that group ('the alliance said ...').
_UNIONS = frozenset({"alliance", "coalition", "umbrella"})  # one kind of thing, called by any of them
_INTRO_NOUNS = "|".join(sorted(_UNIONS))
_CALLED_BEFORE = re.compile(
    rf"\b(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{_INTRO_NOUNS})\s+(?:called|named|known\s+as|calling\s+itself)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_APPOSED_AFTER = re.compile(
    rf"\s*(?:\([^()]{{1,20}}\))?,\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{_INTRO_NOUNS})\b"
)


def _introduced_as(view: DocView) -> list[tuple[str, int]]:
    """(noun, group) for each group the text introduces with a noun, in text order."""
    out: list[tuple[str, int]] = []
    for m in sorted(view.mentions, key=lambda m: m.start):
        if m.type is not NodeType.GROUP or m.entity < 0:
            continue
        before = _CALLED_BEFORE.search(view.text, max(0, m.start - 80), m.start)
        after = _APPOSED_AFTER.match(view.text, m.end)
        if before is not None or after is not None:
            out += [(word, m.entity) for word in sorted(_UNIONS)]
    return out


def _unnamed_antecedent(view: DocView, tok: Token) -> bool:
    """The pronoun sits in a 'which'/'that' clause about a noun that names no group."""
    verb = tok.head
    for _ in range(4):
        if verb.dep_ == "relcl":
            break
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    else:
        return False
    if verb.dep_ != "relcl" or not any(
        c.dep_ == "nsubj" and c.lower_ in {"which", "that"} for c in verb.children
    ):
        return False
    antecedent = verb.head
    return view.owner[antecedent.i] < 0 and antecedent.pos_ == "NOUN"


def apposed_group(view: DocView, tok: Token) -> Mention | None:
    """The named group a noun stands in apposition to, either way round: the group the noun means."""
    partners = [tok.head] if tok.dep_ == "appos" and tok.head.i != tok.i else []
    partners += [c for c in tok.children if c.dep_ == "appos"]
    # 'the group, known as Islamic State Somalia': the name the noun is known by, said right after it
    partners += [
        obj
        for c in tok.children
        if c.dep_ == "acl" and c.lower_ in {"known", "called", "named", "dubbed"} and c.i - tok.i <= 3
        for prep in c.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    for other in partners:
        m = view.mention_at(other.i)
        if m is not None and m.type is NodeType.GROUP and m.entity >= 0:
            return m
    # '..., the Arakan Rohingya Salvation Army (ARSA), the group led by X': the parser may not see it;
    # "Ansar al-Sharia, the group's local front" is no apposition.
    owning = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in {"'s", "\u2019s"}
    first = tok.i - 1 if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "the" and not owning else -1
    before = view.mention_before_comma(first) if first > 0 else -1
    if before >= 0 and view.mentions[before].type is NodeType.GROUP and view.mentions[before].entity >= 0:
        return view.mentions[before]
    return None


def _coordinated_owner(view: DocView, tok: Token) -> int | None:
    noun = tok.head
    if tok.dep_ != "poss" or noun.dep_ != "conj":
        return None
    owner = view.owner[noun.head.i]
    if owner < 0 or view.mentions[owner].type is not NodeType.GROUP or view.mentions[owner].entity < 0:
        return None
    return view.mentions[owner].entity


def _definite(tok: Token, nouns: frozenset[str]) -> bool:
    if tok.lower_ not in nouns or tok.pos_ != "NOUN":
        return False
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in tok.children) and not any(
        c.dep_ in {"compound", "amod", "poss"} and c.pos_ == "PROPN" for c in tok.children
    )


def _has_owner_modifier(view: DocView, tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ in {"compound", "poss", "amod", "prep", "nmod"} and (
            view.owner[child.i] >= 0 or any(view.owner[t.i] >= 0 for t in child.subtree)
        ):
            return True
    return tok.dep_ == "compound" or not any(
        c.dep_ == "det" and c.lower_ in {"these", "those", "the", "its", "their"} for c in tok.children
    )
