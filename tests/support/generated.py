"""Small generated reports (about 80 words each) for crash and concurrency tests.

Every report names its people in full and its groups by their listed names, so which entity a name
resolves to never depends on what was ingested before it: any order of ingestion gives one graph.
"""

from __future__ import annotations

import random
from pathlib import Path

GROUPS = (
    "Lashkar-e-Taiba",
    "Jaish-e-Mohammed",
    "Hizb-ul-Mujahideen",
    "Harkat-ul-Mujahideen",
    "Lashkar-e-Jhangvi",
    "Tehrik-e-Taliban Pakistan",
    "Haqqani Network",
    "Balochistan Liberation Army",
    "Islamic Movement of Uzbekistan",
    "Jamaat-ul-Mujahideen Bangladesh",
)
LEADERS = (
    "Abdul Karim Nadeem",
    "Ghulam Rasool Dar",
    "Muhammad Ilyas Khokhar",
    "Nasir Mahmood Qureshi",
    "Tariq Aziz Malik",
    "Saifullah Rehman Baig",
    "Khalid Hussain Shah",
    "Bashir Ahmed Lone",
    "Rashid Iqbal Mir",
    "Zahid Anwar Butt",
    "Umar Farooq Wani",
    "Sajjad Haider Rather",
)
PLACES = (
    "Muridke",
    "Bahawalpur",
    "Muzaffarabad",
    "Peshawar",
    "Quetta",
    "Kohat",
    "Bannu",
    "Mansehra",
    "Multan",
    "Sialkot",
)
MONTHS = ("January", "March", "May", "July", "September", "November")
FILLER = (
    "Residents said the roads into the district were closed for several days.",
    "Officials declined to give figures for the number of recruits.",
    "Independent observers could not confirm the account.",
    "Local traders complained that prices had doubled within a year.",
    "The report was shared with journalists on condition of anonymity.",
)


def report(index: int, rng: random.Random) -> str:
    group, ally = rng.sample(GROUPS, 2)
    leader, member = rng.sample(LEADERS, 2)
    place, base = rng.sample(PLACES, 2)
    year = 2005 + index % 18
    month = MONTHS[index % len(MONTHS)]
    filler = rng.sample(FILLER, 2)
    return (
        f"Field report {index}: {group} in {place}\n\n"
        f"{place}, {month} {year}. {leader} leads {group}, according to police officials in {place}. "
        f"{group} operates in {place}. {member} is a member of {group} and was arrested in {base} "
        f"in {year}. {filler[0]} {group} is allied with {ally}, officials said. "
        f"{filler[1]} Both groups have recruited heavily in the surrounding villages over the past year.\n"
    )


def generate(n: int, seed: int) -> list[tuple[str, str]]:
    """`n` (file name, text) pairs, the same for the same n and seed."""
    rng = random.Random(seed)
    return [(f"report-{i:04d}.txt", report(i, rng)) for i in range(n)]


def write_corpus(folder: Path, n: int, seed: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(n, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
