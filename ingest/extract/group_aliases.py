"""Other names of a group the text gives: 'aka', 'also called', 'calls itself', 'renamed', a name in
brackets after a language label, a designation under another name, and a listed alias that stands for the
text's own group cut short ('Jamaat Ansarullah' ... 'Ansarullah')."""

from __future__ import annotations

import re
from itertools import pairwise

from graph.ontology import NodeType
from ingest.extract.doc_view import DocView
from ingest.extract.normalize import initials_fit, name_key

_AKA = re.compile(
    r"\b(?:aka|a\.k\.a\.?|(?:also|formerly|locally|commonly|widely|better|previously) known as"
    r"|known (?:locally|commonly|widely) as|known to (?:[a-z]+ ){1,2}(?:simply )?as"
    r"|also called|(?:calls|called|styles|styled) itself|referred to (?:locally |simply )+as"
    r"|(?:residents|locals|villagers|people) (?:there )?(?:simply |often |usually |locally )?call"
    r"|(?:often|usually|commonly|sometimes|generally)(?: simply)? (?:called|referred to as)|simply called"
    r"|refer(?:s|red)? to (?:it|the group|the movement) as|(?:is|was) dubbed"
    r"|(?:call|calls|called|dub|dubs|dubbed|brand|brands|branded) (?:it|the group|the movement))\b",
    re.IGNORECASE,
)
_AS_GAP = re.compile(r"\s*(?:\([^)]{1,12}\)\s*)?as\s+(?:the\s+)?", re.I)
_DESIGNATED = re.compile(
    r"\b(?:designated|designates|designate|listed|proscribed|banned)\s+(?:the\s+)?$", re.I
)
_RENAMED = re.compile(
    r"\b(?:changed its name to|renamed (?:itself |it |them )?(?:as )?|rebranded (?:itself |it )?as"
    r"|(?:now )?operat(?:es|ing) as|re-?emerged as|reconstituted (?:itself )?as|became known as"
    r"|(?:took|adopted|assumed|reverted to) the name)\s*(?:the\s+)?$",
    re.I,
)


def add_group_aliases(view: DocView) -> dict[int, int]:
    """'Lashkar e-Tayyiba ... aka Army of the Pure; Jamaat-ud-Dawa; ...' and 'changed its name to X':
    the listed names are the same group as the one just named."""
    links: dict[int, int] = {}
    groups = sorted(
        (i for i, m in enumerate(view.mentions) if m.type is NodeType.GROUP and not m.nested),
        key=lambda i: view.mentions[i].start,
    )
    if not groups:
        return links
    text = view.text
    for cue in _AKA.finditer(text):
        before = [
            i
            for i in groups
            if view.mentions[i].end <= cue.start() and cue.start() - view.mentions[i].end < 400
        ]
        if not before:
            continue
        pronoun, reflexive = cue.group().lower().endswith(" it"), cue.group().lower().endswith(" itself")
        subject = _pronoun_subject(view, before) if pronoun else before[-1]
        if reflexive:
            named = _reflexive_subject(view, cue.start())
            if named is None:
                continue  # 'the Mozambican branch has since styled itself X': not the group named last
            if named == _GUESS and "\n\n" in text[view.mentions[subject].end : cue.start()]:
                continue  # 'The group, which calls itself X' opening a section: not the last group named
            subject = subject if named == _GUESS else named
        line_start = text.rfind("\n", 0, cue.start()) + 1
        if text[line_start : cue.start()].strip():
            # Inline 'X, also known as Y, ...': only the name right after the cue.
            named_last = not (pronoun or reflexive)
            if named_last and _named_between(view, view.mentions[subject].end, cue.start()):
                continue  # 'the TTP and the faction led by Hafiz Gul Bahadur, known as the HGBG'
            nxt = [i for i in groups if view.mentions[i].start >= cue.end()]
            gap = text[cue.end() : view.mentions[nxt[0]].start] if nxt else "x"
            between = gap.strip(" \t\"'\u201c\u2018").lower()
            if between in {"", "the"}:
                links[nxt[0]] = subject
            continue
        stop = text.find("\n", cue.end())
        stop = len(text) if stop < 0 else stop
        for i in groups:
            m = view.mentions[i]
            if cue.end() <= m.start < stop and i != subject:
                if _part_of_entry(text, m.start, m.end, cue.end(), stop):
                    m.entity = -2  # 'al-Shabaab (Mozambique)': the entry names the group, the part another
                    continue
                links[i] = subject
    for prev, i in pairwise(groups):
        a, b = view.mentions[prev], view.mentions[i]
        if text[a.end : b.start] in {", or ", " or "} and initials_fit(b.text, a.text) and b.group is None:
            links[i] = prev  # 'the Coordination Committee, or CorCom'
            continue
        # 'designated the ADF as ISIS-DRC': a designation under another name names the same group.
        if (
            a.sent == b.sent
            and _AS_GAP.fullmatch(text, a.end, b.start)
            and _DESIGNATED.search(text, max(0, a.start - 30), a.start)
        ):
            links[i] = prev
    links.update(_bracketed_names(view, groups))
    links.update(_short_forms(view, groups))
    for i in groups:
        m = view.mentions[i]
        if m.source == "faction":
            continue  # 'those loyal to Daimary became known as the NDFB (Ranjan Daimary)': a new faction
        if _RENAMED.search(text, max(0, m.start - 40), m.start):
            # "Jabhat al-Nusra, al-Qaeda's affiliate until it renamed itself X": not the owner in passing
            earlier = [
                j
                for j in groups
                if view.mentions[j].end < m.start - 20 and not _possessive(text, view.mentions[j].end)
            ]
            if not earlier:
                continue
            links[i] = earlier[-1]
            last = view.mentions[earlier[-1]].group
            if m.group is not None and last is not None and last is not m.group:
                # Two groups the gazetteer tells apart: the earlier one it lists the new name under is
                # meant, if the text named it ('Al-Qaida ... when the group renamed itself JFS': HTS).
                known = [j for j in earlier if view.mentions[j].group is m.group]
                if known:
                    links[i] = known[-1]
    return links


_GUESS = -1
_ACRONYM_IN_BRACKETS = re.compile(r"\(\s*[A-Z][A-Za-z0-9\-]*[A-Z][A-Za-z0-9\-]*\s*\)")


def _part_of_entry(text: str, start: int, end: int, first: int, stop: int) -> bool:
    """A name that is only part of its entry in an alias list ('Islamic State Central Africa Province -
    Mozambique'); a bracketed acronym beside it does not count ('Jamaat-ud-Dawa (JuD)')."""
    left = max(first, *(text.rfind(sep, first, start) + 1 for sep in ";,"))
    ends = [k for k in (text.find(sep, end, stop) for sep in ";,") if k >= 0]
    right = min(ends) if ends else stop
    rest = text[left:start] + text[end:right]
    rest = _ACRONYM_IN_BRACKETS.sub("", rest).strip(" \t.:\"'\u201c\u201d")
    return bool(rest) and rest.lower() not in {"the", "and", "or"}


def _named_between(view: DocView, start: int, end: int) -> bool:
    """Someone or somewhere else named between a group and an alias cue: the alias is not the group's."""
    return any(m.type is not NodeType.GROUP and start <= m.start and m.end <= end for m in view.mentions)


def _reflexive_subject(view: DocView, char: int) -> int | None:
    """Who 'calls itself' / 'styled itself': the group mention that is the verb's subject (its index);
    _GUESS when the subject is a pronoun, a word for a group, or not to be read (the caller's guess
    stands); None when it is some other noun ('the Mozambican branch'), which names no group of the text."""
    span = view.tokens_for(char, char + 1)
    if span is None:
        return _GUESS
    verb = view.doc[span[0]]
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ == "PRON" or subject.lower_ in _GROUP_WORDS:
        return _GUESS
    for tok in subject.subtree:
        idx = view.owner[tok.i]
        if idx >= 0 and view.mentions[idx].type is NodeType.GROUP:
            return idx
    return None


_GROUP_WORDS = frozenset(
    {"group", "organisation", "organization", "movement", "outfit", "which", "that", "who"}
)


def _possessive(text: str, end: int) -> bool:
    return text.startswith(("'s", "\u2019s", "'", "\u2019"), end)


def _pronoun_subject(view: DocView, before: list[int]) -> int:
    """'call it X': 'it' is the group the text has named most so far (the first named of equals, the
    text's subject), not simply the last one named ('the successor of Jundallah ... officials call it X')."""
    counts: dict[tuple[str, ...], int] = {}
    for i in before:
        key = name_key(view.mentions[i].text)
        counts[key] = counts.get(key, 0) + 1
    return max(before, key=lambda i: counts[name_key(view.mentions[i].text)])


# '(Pashto: <script>, ' / '(Arabic: ': a language label, and the name in that language, before a
# transliteration; or the opening quote of a gloss ('Jaish al-Zolm ("Army of Injustice")', "lit. 'Party
# of Holy Warriors'").
_LANGUAGE_LEAD = re.compile(
    r"\s*\(\s*(?:[A-Z][a-z]+:\s*(?:[^\x00-\x7f][^,;:)]*[,;]\s*)?)?(?:(?:lit\.|literally|meaning)\s+)?"
    r"[\"\u201c\u2018']?"
)


def _short_forms(view: DocView, groups: list[int]) -> dict[int, int]:
    """'Jamaat Ansarullah ... Ansarullah': a listed alias that ends a longer group name of the text, whose
    own listed group the text never names in full (the Houthis), is the text's group cut short."""
    links: dict[int, int] = {}
    keys = {i: name_key(view.mentions[i].text) for i in groups}
    for i in groups:
        m = view.mentions[i]
        if m.group is None or m.acronym:
            continue
        canonical = name_key(m.group.name)
        if any(keys[j] == canonical for j in groups):  # named in full (this mention included)
            continue
        longer = [
            j
            for j in groups
            if len(keys[j]) > len(keys[i])
            and keys[j][-len(keys[i]) :] == keys[i]
            and view.mentions[j].group is not m.group
        ]
        if longer:
            m.group = None  # the listed namesake is not the group meant here
            links[i] = longer[0]
    return links


def _bracketed_names(view: DocView, groups: list[int]) -> dict[int, int]:
    """'The Mullah Dadullah Front (Pashto: ..., Mahaz-e Mullah Dadullah)': the name in the brackets, right
    after the opening or a language label, is the same group's other name."""
    links: dict[int, int] = {}
    for prev, i in pairwise(groups):
        a, b = view.mentions[prev], view.mentions[i]
        lead = _LANGUAGE_LEAD.fullmatch(view.text, a.end, b.start)
        if lead is not None and "(" in lead.group() and not b.acronym:
            links[i] = prev
    return links
