"""Texts to benchmark on: the PolNeAR dev articles when present, else generated ones.

Generated text is deterministic (seeded), built from the bundled article's sentences with
varied names, so a fresh clone without ../shared still gets a comparable corpus.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from benchmarks.common import BUNDLED, POLNEAR_TEXT

N_DEV = 84

FIRST = (
    "Amir Leila Omar Sara Yusuf Nadia Karim Hana Tariq Mina Jalal Rana Samir Dina Farid Lina Walid Maya "
    "Hassan Zainab Adel Noor Kamal Salma Rashid Huda Nabil Aisha Fadi Rania"
).split()
LAST = (
    "Haddad Karimi Rahimi Saleh Mansour Nasser Tabrizi Jafari Hamdan Qureshi Abbasi Darwish Farouk "
    "Kazemi Mousavi Rostami Sadeghi Zand Bakri Khalil"
).split()
ORGS = (
    "Ministry of Water", "Badr Relief Fund", "Northern Grain Council", "Tigris Port Authority",
    "Civic Rights Union", "National Rail Board", "Basra Chamber of Commerce", "Kirkuk Oil Company",
    "Desert Medical Corps", "Coastal Fisheries Office",
)
CITIES = ("Baghdad", "Basra", "Mosul", "Erbil", "Najaf", "Kirkuk", "Karbala", "Tehran", "Amman", "Damascus")
CUES = ("said", "told reporters", "claimed", "denied", "noted", "added", "revealed", "confirmed")
TOPICS = (
    "the budget for the new dam was cut by a third",
    "the convoy reached the border before dawn",
    "talks on the water treaty would resume next month",
    "the inspectors had not been allowed into the warehouse",
    "prices of grain rose sharply after the floods",
    "the contract had been signed without a tender",
    "the militia withdrew from two checkpoints",
    "the hospital ran out of fuel for its generators",
)

_SENT_END = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")
# Runs of capitalised words ("Shirwan al-Vaeli", "Prime Minister"): swapped for generated names so
# the generated articles differ in their entities, not only in sentence order.
_NAME = re.compile(r"\b[A-Z][a-z]+(?: (?:al-)?[A-Z][\w’-]+)+")


def person_names(n: int) -> list[str]:
    """`n` distinct "First Last" names (up to len(FIRST) * len(LAST)), in a fixed order."""
    names = [f"{f} {last}" for last in LAST for f in FIRST]
    if n > len(names):
        raise ValueError(f"at most {len(names)} distinct names")
    rng = random.Random(7)
    rng.shuffle(names)
    return names[:n]


def generated_articles(n: int = N_DEV, seed: int = 13) -> list[str]:
    """`n` articles of shuffled bundled-article sentences, names swapped for generated ones."""
    base = BUNDLED.read_text(encoding="utf-8")
    sentences = [s for s in _SENT_END.split(base) if len(s.split()) > 4]
    rng = random.Random(seed)
    pool = person_names(200)
    out = []
    for _ in range(n):
        picked = rng.sample(sentences, k=min(len(sentences), rng.randint(10, 18)))
        text = " ".join(picked)
        text = _NAME.sub(lambda _m: rng.choice(pool), text)
        out.append(text)
    return out


def dev_articles(n: int = N_DEV) -> tuple[list[str], str]:
    """The benchmark corpus and a label saying where it came from."""
    if POLNEAR_TEXT.is_dir():
        files = sorted(POLNEAR_TEXT.glob("*.txt"))[:n]
        if files:
            return [f.read_text(encoding="utf-8") for f in files], f"PolNeAR dev ({len(files)} articles)"
    return generated_articles(n), f"generated ({n} articles)"


def bundled_text() -> str:
    return BUNDLED.read_text(encoding="utf-8")


def many_actor_article(n_people: int = 300, seed: int = 5) -> str:
    """A long article naming `n_people` distinct people (plus organisations and cities).

    Each paragraph ties two or three people together so the network has edges, not just nodes.
    """
    rng = random.Random(seed)
    people = person_names(n_people)
    paras = []
    for i in range(0, len(people), 2):
        a = people[i]
        b = people[(i + 1) % len(people)]
        c = people[rng.randrange(len(people))]
        org = rng.choice(ORGS)
        city = rng.choice(CITIES)
        paras.append(
            f"{a}, a spokesman for the {org} in {city}, {rng.choice(CUES)} that {rng.choice(TOPICS)}. "
            f"{b} met {a} in {city} on Monday, and {c} {rng.choice(CUES)} that {rng.choice(TOPICS)}."
        )
    return "Report\n\n" + "\n\n".join(paras) + "\n"


def write_articles(folder: Path, texts: list[str], prefix: str = "bench") -> list[Path]:
    """Write texts as numbered .txt files (for loaders that take a path)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, t in enumerate(texts):
        p = folder / f"{prefix}-{i:03d}.txt"
        p.write_text(t, encoding="utf-8")
        paths.append(p)
    return paths
