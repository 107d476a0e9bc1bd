#!/usr/bin/env python3
"""Generate FSRS-6 test vectors from the reference implementation, py-fsrs (mostly fuzz off).

Reference: py-fsrs 6.3.2, installed with:

    pip install 'fsrs>=6.3,<6.4'

Writes (relative to the repository root):
  Tests/SRMQuizKitTests/Fixtures/fsrs-vectors.json      random review histories, every review
  Tests/SRMQuizKitTests/Fixtures/revlog-replay.csv      an optimizer-layout review log
  Tests/SRMQuizKitTests/Fixtures/revlog-replay-r090.jsonl   expected `progress replay` output,
  Tests/SRMQuizKitTests/Fixtures/revlog-replay-r080.jsonl   retention 0.90 and 0.80

Vector layout: {"fsrs_version", "pip_install", "seed", "cases": [{"parameters": [21] or null,
"desired_retention", "learning_steps" (seconds), "relearning_steps" (seconds),
"maximum_interval", optional "fuzz_seed" (fuzz on, py-fsrs's random() replaced by
SplitMix64 seeded so, i.e. srmquiz's SeededGenerator.nextUnit()), "reviews": [[review_time_ms, rating, state, step, stability, difficulty,
due_us], ...]}]} where state is 1 learning, 2 review, 3 relearning, step is null outside the
(re)learning states and due_us is microseconds since the Unix epoch.

Deterministic: the same seed always writes the same files.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from importlib.metadata import version
from pathlib import Path

import fsrs.scheduler as fsrs_scheduler
from fsrs import Card, Rating, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

PIP_INSTALL = "pip install 'fsrs>=6.3,<6.4'"
EXPECTED_VERSION = "6.3.2"
SEED = 20260105
CASES = 1600
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
MS = timedelta(milliseconds=1)
US = timedelta(microseconds=1)
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "SRMQuizKitTests" / "Fixtures"

RETENTIONS = [0.9, 0.9, 0.9, 0.7, 0.8, 0.85, 0.95, 0.99]
LEARNING_STEPS = [[60, 600], [60, 600], [60, 600], [], [60], [30, 300, 3600], [90.5, 1234.25], [86400 * 2]]
RELEARNING_STEPS = [[600], [600], [600], [], [300, 1200], [45.5]]
MAXIMUM_INTERVALS = [36500, 36500, 36500, 365, 30, 3]




from splitmix import SplitMix64  # noqa: E402  (beside this script)


def custom_parameters(rng: random.Random) -> list[float]:
    """Defaults scaled by 0.5-1.5, clamped to FSRS's bounds; sometimes a weight at a bound."""
    params = []
    for default, low, high in zip(DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS):
        roll = rng.random()
        if roll < 0.05:
            value = low
        elif roll < 0.10:
            value = high
        else:
            value = min(max(default * rng.uniform(0.5, 1.5), low), high)
        params.append(round(value, 6))
    return params


def pick_rating(rng: random.Random) -> Rating:
    return rng.choices([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy], [15, 15, 55, 15])[0]


def next_time_ms(rng: random.Random, now_ms: int, due_ms: int) -> int:
    """The next review time: same-day, early, on time, overdue or far later."""
    until_due = max(due_ms - now_ms, 1000)
    roll = rng.random()
    if roll < 0.25:
        gap = rng.randint(1_000, 6 * 3_600_000)  # seconds to hours, same day
    elif roll < 0.45:
        gap = int(until_due * rng.random())  # early
    elif roll < 0.75:
        gap = until_due + rng.randint(-3_600_000, 86_400_000)  # about on time
    elif roll < 0.95:
        gap = until_due + rng.randint(0, 3 * until_due + 86_400_000)  # overdue
    else:
        gap = rng.randint(0, 500 * 86_400_000)  # anything up to 500 days
    return now_ms + max(gap, 1)


def state_of(card: Card) -> list:
    due_us = (card.due - EPOCH) // US
    return [int(card.state), card.step, card.stability, card.difficulty, due_us]


def make_cases(rng: random.Random) -> list[dict]:
    cases = []
    for index in range(CASES):
        custom = index % 5 == 4
        parameters = custom_parameters(rng) if custom else None
        settings = {
            "parameters": parameters,
            "desired_retention": rng.choice(RETENTIONS),
            "learning_steps": rng.choice(LEARNING_STEPS),
            "relearning_steps": rng.choice(RELEARNING_STEPS),
            "maximum_interval": rng.choice(MAXIMUM_INTERVALS),
        }
        # Every eighth history has fuzz on, py-fsrs's random() replaced by SplitMix64.
        fuzz_seed = index * 7919 + 1 if index % 8 == 7 else None
        if fuzz_seed is not None:
            settings["fuzz_seed"] = fuzz_seed
            fsrs_scheduler.random = SplitMix64(fuzz_seed).next_unit
        scheduler = Scheduler(
            parameters=parameters if parameters is not None else DEFAULT_PARAMETERS,
            desired_retention=settings["desired_retention"],
            learning_steps=[timedelta(seconds=s) for s in settings["learning_steps"]],
            relearning_steps=[timedelta(seconds=s) for s in settings["relearning_steps"]],
            maximum_interval=settings["maximum_interval"],
            enable_fuzzing=fuzz_seed is not None,
        )
        now_ms = rng.randint(1_577_836_800_000, 1_767_225_600_000)  # 2020 to 2026
        card = Card(card_id=index + 1, due=EPOCH + now_ms * MS)
        reviews = []
        for _ in range(rng.randint(1, 40)):
            review_time = EPOCH + now_ms * MS
            rating = pick_rating(rng)
            card, _ = scheduler.review_card(card, rating, review_time)
            reviews.append([now_ms, int(rating)] + state_of(card))
            due_ms = (card.due - EPOCH) // MS
            now_ms = next_time_ms(rng, now_ms, due_ms)
        settings["reviews"] = reviews
        cases.append(settings)
    return cases


STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}


def write_replay(rng: random.Random) -> None:
    """A review log in the optimizer's layout (extra columns, shuffled order) and its replay."""
    rows = []
    for card_id in rng.sample(range(1, 10**9), 150):
        now_ms = rng.randint(1_700_000_000_000, 1_767_225_600_000)
        due_ms = now_ms
        for _ in range(rng.randint(1, 25)):
            rows.append((card_id, now_ms, int(pick_rating(rng))))
            due_ms = now_ms + 86_400_000  # a rough due, only to spread the times
            now_ms = next_time_ms(rng, now_ms, due_ms)
    # Give the log an unusual column order and columns the replay must ignore.
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["review_th", "review_rating", "card_id", "review_state", "review_time", "review_duration"])
    shuffled = rows[:]
    rng.shuffle(shuffled)
    for number, (card_id, time_ms, rating) in enumerate(shuffled, start=1):
        writer.writerow([number, rating, card_id, rng.randint(0, 3), time_ms, rng.randint(0, 60000)])
    (FIXTURES / "revlog-replay.csv").write_text(buffer.getvalue())

    for retention, name in [(0.9, "revlog-replay-r090.jsonl"), (0.8, "revlog-replay-r080.jsonl")]:
        scheduler = Scheduler(desired_retention=retention, enable_fuzzing=False)
        lines = []
        cards: dict[int, Card] = {}
        for card_id, time_ms, rating in sorted(rows):
            card = cards.get(card_id) or Card(card_id=card_id, due=EPOCH + time_ms * MS)
            card, _ = scheduler.review_card(card, Rating(rating), EPOCH + time_ms * MS)
            cards[card_id] = card
            lines.append(json.dumps({
                "card_id": card_id,
                "review_time": time_ms,
                "state": STATE_NAMES[int(card.state)],
                "step": card.step,
                "stability": card.stability,
                "difficulty": card.difficulty,
                "due": card.due.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            }))
        (FIXTURES / name).write_text("\n".join(lines) + "\n")


def main() -> None:
    installed = version("fsrs")
    if installed != EXPECTED_VERSION:
        print(f"warning: py-fsrs {installed} installed; vectors were made with {EXPECTED_VERSION}", file=sys.stderr)
    rng = random.Random(SEED)
    FIXTURES.mkdir(parents=True, exist_ok=True)
    cases = make_cases(rng)
    document = {
        "fsrs_version": installed,
        "pip_install": PIP_INSTALL,
        "seed": SEED,
        "cases": cases,
    }
    text = json.dumps(document, separators=(",", ":"))
    (FIXTURES / "fsrs-vectors.json").write_text(text + "\n")
    write_replay(rng)
    reviews = sum(len(case["reviews"]) for case in cases)
    print(f"wrote {len(cases)} cases, {reviews} reviews ({len(text) / 1e6:.1f} MB) with py-fsrs {installed}")


if __name__ == "__main__":
    main()
