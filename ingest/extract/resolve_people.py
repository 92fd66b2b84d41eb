"""Within-document resolution of people: full names, spellings and short forms of one person."""

from __future__ import annotations

from graph.ontology import NodeType
from ingest.extract import lexicon as lx
from ingest.extract.doc_view import Mention
from ingest.extract.normalize import name_key, similar_words
from ingest.extract.union_find import UnionFind

# Titles that are also men's given names: before two more names they are the given name ('Amir Reza Khan'
# and his brother 'Asif Reza Khan' are two people).
_GIVEN_NAME_TITLES = frozenset({"amir", "ameer"})


def person_key(text: str) -> tuple[str, ...]:
    key = name_key(text)
    # Honorifics stay: 'Hafiz Saeed' and 'Talha Saeed' must not collapse to one bare surname.
    given = len(key) >= 3 and key[0] in _GIVEN_NAME_TITLES
    stripped = tuple(w for n, w in enumerate(key) if w not in lx.ROLE_TITLES or (given and n == 0))
    return stripped or key


def _tokens_fit(short: tuple[str, ...], full: tuple[str, ...]) -> int:
    """0: no; 2: the short form is a subsequence using the first or last name; 1: only inner names."""
    pos = 0
    hits: list[int] = []
    for w in short:
        while pos < len(full) and not similar_words(w, full[pos]):
            pos += 1
        if pos == len(full):
            return 0
        hits.append(pos)
        pos += 1
    patronymic = "bin" in short or "ibn" in short or len(short) > 2
    if patronymic and hits[0] > _given_name_index(full):
        return 0  # 'Usama bin Laden' inside 'Hamza Usama Muhammad bin Laden' is the father's name
    return 2 if hits[0] == 0 or hits[-1] == len(full) - 1 else 1


def _given_name_index(full: tuple[str, ...]) -> int:
    """Where the given name sits: after honorifics and name prefixes ('Maulana', 'Abdul', 'Abu')."""
    n = 0
    while n < len(full) - 1 and (full[n] in lx.NAME_HONORIFICS or full[n] in {"abdul", "abu", "abd", "umm"}):
        n += 1
    return n


def resolve_people(mentions: list[Mention], uf: UnionFind) -> None:
    people = [i for i, m in enumerate(mentions) if m.type is NodeType.LEADER]
    keys = {i: person_key(mentions[i].text) for i in people}
    listed: dict[str, int] = {}
    for i in people:  # one listed person, whatever spellings the text uses
        person = mentions[i].person
        if person is not None:
            uf.union(listed.setdefault(person.name, i), i)
    # Same name, spelled alike (including swapped letters: Asghar / Ashgar).
    for a_pos, a in enumerate(people):
        for b in people[a_pos + 1 :]:
            ka, kb = keys[a], keys[b]
            alike = len(ka) == len(kb) and all(similar_words(x, y) for x, y in zip(ka, kb, strict=True))
            if alike and not _two_listed(mentions[a], mentions[b]):
                uf.union(a, b)
    for i in people:
        alias_of = mentions[i].alias_of
        if alias_of is not None:
            uf.union(i, alias_of)
    # Short forms ('Azhar', 'Khadafi Janjalani') join the one full name they fit.
    for i in people:
        short = keys[i]
        scores: dict[int, int] = {}
        for j in people:
            if len(keys[j]) <= len(short) or _two_listed(mentions[i], mentions[j]):
                continue
            fit = _tokens_fit(short, keys[j])
            if fit:
                root = uf.find(j)
                scores[root] = max(scores.get(root, 0), fit)
        if not scores:
            continue
        best = max(scores.values())
        roots = [r for r, s in scores.items() if s == best]
        if uf.find(i) in scores:
            continue
        if len(roots) > 1:
            roots = _introduced_before(mentions, uf, roots, people, keys, mentions[i].start)
        if len(roots) == 1:
            uf.union(i, roots[0])
        elif len(short) == 1:
            mentions[i].entity = -2


def _introduced_before(
    mentions: list[Mention],
    uf: UnionFind,
    roots: list[int],
    people: list[int],
    keys: dict[int, tuple[str, ...]],
    at: int,
) -> list[int]:
    """Of several people a surname fits, the ones already named in full before it: "Kony's sons Salim
    Kony and Ali Kony" means Joseph Kony, the only Kony the reader has met."""
    seen = {uf.find(j) for j in people if len(keys[j]) >= 2 and mentions[j].start < at}
    before = [r for r in roots if r in seen]
    return before or roots


def _two_listed(a: Mention, b: Mention) -> bool:
    """Two different listed people: never one entity, however alike their names."""
    return a.person is not None and b.person is not None and a.person is not b.person
