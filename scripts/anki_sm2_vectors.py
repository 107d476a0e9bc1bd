#!/usr/bin/env python3
"""Generate SM-2 test vectors with the real Anki scheduler (PyPI `anki`, FSRS off, fuzz off).

Reference: Anki 26.9.3's Rust scheduler through its Python package, installed with:

    python3 -m venv /tmp/ankivenv && /tmp/ankivenv/bin/pip install 'anki==26.9.3'
    apt-get install faketime        # libfaketime, to set Anki's clock

Run it with the venv's Python from the repository root:

    /tmp/ankivenv/bin/python scripts/anki_sm2_vectors.py            # writes the fixtures
    /tmp/ankivenv/bin/python scripts/anki_sm2_vectors.py --check BIN --histories 300
                  # replays random histories through `BIN progress replay --scheduler sm2`
                  # and prints the agreement with Anki (nothing is written)

How Anki is driven: every history gets its own collection; before each answer, Anki's clock is
set to the review time with libfaketime (a frozen clock read from a file); the answer goes
through `get_scheduling_states`/`build_answer`/`answer_card`, as Anki's reviewer does. A
review card answered before its due day is first moved into a filtered deck that reschedules
(Anki's only way to review early; a normal deck would treat it as on time), and stays there
while it relearns. `ANKI_TEST_MODE=1` turns Anki's fuzz off. That mode also moves Anki's clock
back two hours between 02:00 and 04:00 local time, so Anki runs in UTC+10 (`Etc/GMT-10`) with
the rollover hour moved by +10 hours: its days start at the same instants as days starting at
the wanted hour in UTC, and the shifted window (16:00-18:00 UTC) is kept free of reviews.

Writes (relative to the repository root):
  Tests/SRMQuizKitTests/Fixtures/sm2-anki-vectors.json     random and hand-picked histories
  Tests/SRMQuizKitTests/Fixtures/sm2-revlog-replay.csv     an optimizer-layout review log
  Tests/SRMQuizKitTests/Fixtures/sm2-revlog-replay.jsonl   Anki's states in `progress replay`'s
                                                           output format (UTC, rollover 4)

Vector layout: {"anki_version", "pip_install", "seed", "time_zone": "UTC", "cases": [{"name",
"day_starts_at", "learning_steps" (seconds), "relearning_steps" (seconds), "maximum_interval",
"reviews": [[review_time_ms, rating, state, step, interval, factor, due_days, due_s, early]]}]}
where state is 1 learning, 2 review, 3 relearning; step is the (re)learning step index or null;
interval is the card's interval in days (null while learning); factor is Anki's ease in
thousandths (null while learning); due_days is the due day counted from the review's day (for
review cards and steps that reach past the rollover) and due_s the due time in seconds since
the Unix epoch (for steps within the day), the other null; early is 1 when the review came
before the card's due day (answered in a filtered deck).

Deterministic: the same seed always writes the same files.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PIP_INSTALL = "pip install 'anki==26.9.3'"
EXPECTED_VERSION = "26.9.3"
SEED = 20261202
RANDOM_CASES = 360
DAY = 86_400
ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "SRMQuizKitTests" / "Fixtures"
FAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"
ANKI_ZONE = "Etc/GMT-10"  # UTC+10 (POSIX signs are inverted)
ANKI_ZONE_OFFSET_HOURS = 10
LAST_TIME = 2_145_916_800  # 2038-01-01: histories stop before (Anki keeps times in 32 bits)
SHIFTED_WINDOW = (16 * 3600, 18 * 3600)  # UTC seconds of day Anki's test mode would move

LEARNING_STEPS = [[60, 600], [60, 600], [60, 600], [], [60], [60, 600, 3600], [600, 1440 * 60]]
RELEARNING_STEPS = [[600], [600], [600], [], [300, 1200]]
MAXIMUM_INTERVALS = [36500, 36500, 36500, 30]
DAY_STARTS = [4, 4, 4, 4, 0, 23]


# ---------------------------------------------------------------- worker (runs inside faketime)


class AnkiCard:
    """One history in its own Anki collection, with a clock set through libfaketime."""

    def __init__(self, settings: dict, created_s: int, clock_file: str) -> None:
        from anki.collection import Collection

        self.clock_file = clock_file
        self.settings = settings
        self.set_clock(created_s)
        self.directory = tempfile.TemporaryDirectory()
        self.col = Collection(os.path.join(self.directory.name, "c.anki2"))
        prefs = self.col.get_preferences()
        prefs.scheduling.rollover = (settings["day_starts_at"] + ANKI_ZONE_OFFSET_HOURS) % 24
        self.col.set_preferences(prefs)
        self.col.set_config("fsrs", False)
        config = self.col.decks.config_dict_for_deck_id(1)
        config["new"]["delays"] = [s / 60 for s in settings["learning_steps"]]
        config["lapse"]["delays"] = [s / 60 for s in settings["relearning_steps"]]
        config["rev"]["maxIvl"] = settings["maximum_interval"]
        self.col.decks.save(config)
        note = self.col.new_note(self.col.models.by_name("Basic"))
        note["Front"] = "q"
        self.col.add_note(note, 1)
        self.card_id = note.cards()[0].id
        self.filtered = 0

    def set_clock(self, seconds: int) -> None:
        with open(self.clock_file, "w") as handle:
            handle.write(f"{seconds}\n")
        if int(time.time()) != seconds:
            raise SystemExit(f"faketime did not set the clock to {seconds}: {time.time()}")

    def answer(self, seconds: int, rating: int) -> list:
        from anki.scheduler.v3 import CardAnswer

        self.set_clock(seconds)
        card = self.col.get_card(self.card_id)
        today = self.col.sched.today
        early = 0
        if card.type == 2 and not card.odid and card.due > today:
            early = 1
            self.filtered += 1
            deck = self.col.sched.get_or_create_filtered_deck(0)
            deck.name = f"early {self.filtered}"
            deck.config.reschedule = True
            del deck.config.search_terms[:]
            term = deck.config.search_terms.add()
            term.search = f"cid:{self.card_id}"
            term.limit = 1
            self.col.sched.add_or_update_filtered_deck(deck)
            card = self.col.get_card(self.card_id)
            if not card.odid:
                raise SystemExit("the card did not move into the filtered deck")
        card.start_timer()
        states = self.col._backend.get_scheduling_states(self.card_id)
        ratings = [CardAnswer.AGAIN, CardAnswer.HARD, CardAnswer.GOOD, CardAnswer.EASY]
        answer = self.col.sched.build_answer(card=card, states=states, rating=ratings[rating - 1])
        self.col.sched.answer_card(answer)
        return self.state(seconds, today) + [early]

    def state(self, seconds: int, today: int) -> list:
        card = self.col.get_card(self.card_id)
        steps = self.settings["learning_steps"] if card.type == 1 else self.settings["relearning_steps"]
        step = None
        if card.type in (1, 3):
            step = min(max(len(steps) - card.left % 1000, 0), max(len(steps) - 1, 0))
        interval = card.ivl if card.type in (2, 3) else None
        factor = card.factor if card.type in (2, 3) else None
        due = card.odue if card.odid and card.odue else card.due
        if card.queue == 1:  # intraday (re)learning: a timestamp
            due_days, due_s = None, due
        else:
            due_days, due_s = due - today, None
        return [seconds * 1000, None, card.type, step, interval, factor, due_days, due_s]

    def close(self) -> None:
        self.col.close()
        self.directory.cleanup()


def run_worker(job: dict) -> dict:
    """Answers every case's reviews in Anki; returns the cases with Anki's states filled in."""
    clock_file = os.environ["FAKETIME_TIMESTAMP_FILE"]
    results = []
    for case in job["cases"]:
        settings = {k: case[k] for k in ("day_starts_at", "learning_steps", "relearning_steps", "maximum_interval")}
        plan = case["plan"]
        rng = random.Random(case["seed"])
        card = AnkiCard(settings, plan["created_s"], clock_file)
        reviews = []
        seconds = plan["first_s"]
        ratings = list(plan.get("ratings", []))
        for index in range(plan["count"]):
            rating = ratings[index] if index < len(ratings) else pick_rating(rng)
            row = card.answer(seconds, rating)
            row[1] = rating
            reviews.append(row)
            if index + 1 < plan["count"]:
                gaps = plan.get("gaps")
                if gaps and index < len(gaps):
                    seconds = seconds + gaps[index]
                else:
                    seconds = next_time(rng, seconds, row, settings["day_starts_at"])
                seconds = outside_shifted_window(seconds)
                if seconds > LAST_TIME:
                    break
        card.close()
        results.append({"name": case["name"], **settings, "reviews": reviews})
    return {"cases": results}


# ---------------------------------------------------------------- histories


def pick_rating(rng: random.Random) -> int:
    return rng.choices([1, 2, 3, 4], [15, 15, 55, 15])[0]


def day_start(seconds: int, hour: int) -> int:
    """The start (UTC, rollover `hour`) of the day `seconds` falls in."""
    shifted = seconds - hour * 3600
    return shifted - shifted % DAY + hour * 3600


def outside_shifted_window(seconds: int) -> int:
    second_of_day = seconds % DAY
    if SHIFTED_WINDOW[0] <= second_of_day < SHIFTED_WINDOW[1]:
        return seconds + SHIFTED_WINDOW[1] - second_of_day + 1
    return seconds


def time_in_day(rng: random.Random, start: int) -> int:
    """A time in the day starting at `start`: often just after it starts or just before it ends."""
    roll = rng.random()
    if roll < 0.3:
        return start + rng.randint(0, 3 * 3600)
    if roll < 0.6:
        return start + DAY - rng.randint(1, 3 * 3600)
    return start + rng.randint(0, DAY - 1)


def next_time(rng: random.Random, now: int, row: list, hour: int) -> int:
    """The next review: steps about when due, review cards early, on time or late by whole days."""
    state, due_days, due_s = row[2], row[6], row[7]
    if due_s is not None:  # an intraday step
        roll = rng.random()
        if roll < 0.7:
            return max(due_s + rng.randint(-120, 1800), now + 1)
        if roll < 0.9:
            return time_in_day(rng, day_start(now, hour) + DAY * rng.randint(1, 2))
        return now + rng.randint(1, 4 * 3600)
    today_start = day_start(now, hour)
    due_start = today_start + due_days * DAY
    if state != 2:  # a step that reaches past the rollover
        return max(time_in_day(rng, due_start + DAY * rng.choice([0, 0, 0, 1, 3])), now + 1)
    roll = rng.random()
    if roll < 0.25 and due_days > 1:
        offset = -rng.randint(1, due_days - 1)  # early, after today
    elif roll < 0.6:
        offset = 0
    elif roll < 0.92:
        offset = rng.randint(1, max(3, due_days))
    else:
        offset = rng.randint(1, 400)
    return max(time_in_day(rng, due_start + offset * DAY), now + 1)


def random_case(rng: random.Random, index: int) -> dict:
    first = rng.randint(1_577_836_800, 1_798_761_600)  # 2020 to 2026
    return {
        "name": f"random {index}",
        "seed": rng.randrange(1 << 30),
        "day_starts_at": rng.choice(DAY_STARTS),
        "learning_steps": rng.choice(LEARNING_STEPS),
        "relearning_steps": rng.choice(RELEARNING_STEPS),
        "maximum_interval": rng.choice(MAXIMUM_INTERVALS),
        "plan": {
            "created_s": first - rng.randint(2 * DAY, 5 * DAY),  # Anki counts no day before its first
            "first_s": outside_shifted_window(first),
            "count": rng.randint(2, 30),
        },
    }


def picked_cases() -> list[dict]:
    """Hand-picked histories: the rollover, every rating, lapses and the .5 rounding cases."""
    base = 1_767_571_200  # 2026-01-05 00:00 UTC, a Monday
    h = 3600
    defaults = {"day_starts_at": 4, "learning_steps": [60, 600], "relearning_steps": [600],
                "maximum_interval": 36500}
    cases = []

    def add(name: str, first: int, ratings: list[int], gaps: list[int], **overrides) -> None:
        cases.append({"name": name, "seed": len(cases), **defaults, **overrides,
                      "plan": {"created_s": first - 2 * DAY, "first_s": first, "count": len(ratings),
                               "ratings": ratings, "gaps": gaps}})

    # Learnt at 20:00, Good the next morning at 09:00: one day on Anki's calendar.
    add("learnt in the evening, reviewed next morning", base + 20 * h, [3, 3, 3, 3],
        [600, 13 * h - 600, 3 * DAY])
    # Reviewed at 03:59 and 04:00: before and after the rollover.
    add("review just before the rollover", base + 10 * h, [3, 3, 3, 3], [600, DAY + 18 * h - 600 - 60, DAY])
    add("review at the rollover", base + 10 * h, [3, 3, 3, 3], [600, DAY + 18 * h - 600, DAY])
    # A 10-minute step at 03:55 reaches past the rollover: due at 04:00 the next day.
    add("step across the rollover", base + 3 * h + 55 * 60, [1, 3, 3, 3], [60, 600, 2 * DAY])
    add("every rating in learning", base + 12 * h, [2, 1, 2, 3, 2, 3, 4], [330, 60, 330, 600, 600, 600])
    add("easy from new", base + 12 * h, [4, 4, 4, 4], [4 * DAY, 10 * DAY, 30 * DAY])
    add("lapse and relearn", base + 12 * h, [3, 3, 3, 1, 2, 3, 1, 1, 4, 3],
        [600, DAY, 3 * DAY, 600, 600, DAY, 600, 600, 2 * DAY])
    add("eight lapses (leech)", base + 12 * h, [4] + [1, 3] * 8 + [3],
        [4 * DAY] + [600, DAY] * 8)
    add("early reviews", base + 12 * h, [4, 3, 2, 4, 3, 1, 3, 3],
        [DAY, 2 * DAY, 3 * DAY, 2 * DAY, DAY, 600, DAY])
    add("late reviews", base + 12 * h, [4, 3, 3, 2, 4, 3], [9 * DAY, 40 * DAY, 90 * DAY, 200 * DAY, 5 * DAY])
    # .5 cases: ease 2.35 (after Hard) times an interval: 23.5 in exact arithmetic, 23.499998
    # in 32-bit floats; interval 10 × 2.5 × 1.3 = 32.5 exactly.
    add(".5: ease 2.35", base + 12 * h, [4, 2, 3, 3, 3, 3], [4 * DAY, 5 * DAY, 10 * DAY, 24 * DAY, 60 * DAY])
    add(".5: easy bonus", base + 12 * h, [4, 3, 4, 4, 3], [4 * DAY, 10 * DAY, 33 * DAY, 86 * DAY])
    add(".5: late half", base + 12 * h, [4, 3, 3, 3, 3], [4 * DAY + 3 * DAY, 12 * DAY, 30 * DAY, 81 * DAY])
    add(".5: ease 1.3 floor", base + 12 * h, [4] + [2] * 10, [4 * DAY, 5 * DAY, 7 * DAY, 9 * DAY, 11 * DAY,
        14 * DAY, 17 * DAY, 21 * DAY, 26 * DAY, 32 * DAY])
    add("no steps", base + 12 * h, [1, 3, 1, 3, 2], [DAY, 2 * DAY, DAY, DAY],
        learning_steps=[], relearning_steps=[])
    add("one step, hard", base + 12 * h, [2, 2, 3, 3], [900, 900, DAY], learning_steps=[600])
    add("day-long step", base + 12 * h, [3, 2, 3, 3], [DAY, DAY, DAY], learning_steps=[600, 1440 * 60])
    add("maximum interval", base + 12 * h, [4, 4, 4, 3], [4 * DAY, 12 * DAY, 30 * DAY], maximum_interval=30)
    add("rollover midnight", base + 23 * h + 50 * 60, [3, 3, 3, 3], [600, 15 * 60, DAY], day_starts_at=0)
    add("rollover 23:00", base + 22 * h + 55 * 60, [3, 3, 3, 3], [600, 10 * 60, DAY], day_starts_at=23)
    return cases


# ---------------------------------------------------------------- driver


def run_in_anki(cases: list[dict]) -> list[dict]:
    """Runs `cases` in a child process under libfaketime, in UTC+10 with fuzz off."""
    with tempfile.TemporaryDirectory() as directory:
        clock = os.path.join(directory, "clock")
        Path(clock).write_text("0\n")
        env = dict(os.environ, LD_PRELOAD=FAKETIME, FAKETIME_TIMESTAMP_FILE=clock, FAKETIME_NO_CACHE="1",
                   FAKETIME_FMT="%s", FAKETIME_DONT_FAKE_MONOTONIC="1", ANKI_TEST_MODE="1",
                   TZ=ANKI_ZONE, SRMQUIZ_ANKI_WORKER="1")
        output = subprocess.run([sys.executable, os.path.abspath(__file__), "--worker"], input=json.dumps({"cases": cases}),
                                env=env, capture_output=True, text=True, check=False)
        if output.returncode != 0:
            raise SystemExit(f"the Anki worker failed:\n{output.stderr}")
        return json.loads(output.stdout)["cases"]


def revlog_csv(cases: list[dict], rng: random.Random) -> tuple[str, dict[int, dict]]:
    """An optimizer-layout log of the cases (shuffled, extra columns) and their card ids."""
    ids = {rng.randrange(1, 10**12): case for case in cases}
    rows = [(cid, review[0], review[1]) for cid, case in ids.items() for review in case["reviews"]]
    rng.shuffle(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["review_rating", "card_id", "review_duration", "review_time"])
    for cid, time_ms, rating in rows:
        writer.writerow([rating, cid, rng.randint(0, 60000), time_ms])
    return buffer.getvalue(), ids


def expected_lines(ids: dict[int, dict]) -> list[dict]:
    """Anki's states as `progress replay --scheduler sm2 --time-zone UTC` prints them."""
    names = {1: "learning", 2: "review", 3: "relearning"}
    lines = []
    for cid in sorted(ids):
        case = ids[cid]
        for review in case["reviews"]:
            time_ms, _, state, step, interval, factor, due_days, due_s, _ = review
            if due_s is None:
                due_s = day_start(time_ms // 1000, case["day_starts_at"]) + due_days * DAY
            due = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(due_s))
            lines.append({"card_id": cid, "review_time": time_ms, "state": names[state], "step": step,
                          "stability": None, "difficulty": None,
                          "ease": None if factor is None else (factor // 1000 if factor % 1000 == 0 else factor / 1000),
                          "interval": interval, "due": due})
    return lines


def check(binary: str, histories: int, show: int) -> None:
    """Replays random histories (UTC, rollover 4) through srmquiz and prints the agreement."""
    rng = random.Random(SEED + 1)
    cases = []
    for index in range(histories):
        case = random_case(rng, index)
        case.update(day_starts_at=4, learning_steps=[60, 600], relearning_steps=[600], maximum_interval=36500)
        cases.append(case)
    anki = run_in_anki(cases)
    text, ids = revlog_csv(anki, rng)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as handle:
        handle.write(text)
    replay = subprocess.run([binary, "progress", "replay", handle.name, "--scheduler", "sm2",
                             "--time-zone", "UTC", "--day-starts-at", "4"], capture_output=True, text=True)
    os.unlink(handle.name)
    if replay.returncode != 0:
        raise SystemExit(f"srmquiz failed: {replay.stderr}")
    ours = [json.loads(line) for line in replay.stdout.splitlines()]
    theirs = expected_lines(ids)
    assert len(ours) == len(theirs)
    reviews = exact = within_one = same_other = shown = 0
    diverged: set[int] = set()
    for a, b in zip(ours, theirs):
        assert a["card_id"] == b["card_id"] and a["review_time"] == b["review_time"]
        reviews += 1
        if a["interval"] == b["interval"]:
            exact += 1
        else:
            diverged.add(a["card_id"])
        if a["interval"] is None or b["interval"] is None:
            within_one += a["interval"] == b["interval"]
        else:
            within_one += abs(a["interval"] - b["interval"]) <= 1
        same = all(a[k] == b[k] for k in ("state", "step", "ease", "due"))
        same_other += same
        if (not same or a["interval"] != b["interval"]) and shown < show:
            shown += 1
            print(f"srmquiz {json.dumps(a)}\n   anki {json.dumps(b)}", file=sys.stderr)
    print(f"{histories} histories, {reviews} reviews: intervals exact {exact / reviews:.2%} ({exact}), "
          f"within one day {within_one / reviews:.2%}; state, step, ease and due equal on "
          f"{same_other / reviews:.2%}; histories that diverge at least once: {len(diverged)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--check", metavar="BIN", help="the srmquiz binary to compare with Anki")
    parser.add_argument("--histories", type=int, default=300)
    parser.add_argument("--show", type=int, default=0, help="print this many disagreements")
    args = parser.parse_args()
    if args.worker:
        json.dump(run_worker(json.load(sys.stdin)), sys.stdout)
        return
    from importlib.metadata import version

    installed = version("anki")
    if installed != EXPECTED_VERSION:
        print(f"warning: anki {installed} installed; vectors were made with {EXPECTED_VERSION}", file=sys.stderr)
    if not os.path.exists(FAKETIME):
        raise SystemExit(f"{FAKETIME} is missing: apt-get install faketime")
    if args.check:
        check(args.check, args.histories, args.show)
        return
    rng = random.Random(SEED)
    cases = picked_cases() + [random_case(rng, index) for index in range(RANDOM_CASES)]
    anki = run_in_anki(cases)
    document = {"anki_version": installed, "pip_install": PIP_INSTALL, "seed": SEED, "time_zone": "UTC",
                "cases": anki}
    FIXTURES.mkdir(parents=True, exist_ok=True)
    (FIXTURES / "sm2-anki-vectors.json").write_text(json.dumps(document, separators=(",", ":")) + "\n")
    replayed = [case for case in anki if case["day_starts_at"] == 4 and case["learning_steps"] == [60, 600]
                and case["relearning_steps"] == [600] and case["maximum_interval"] == 36500][:60]
    text, ids = revlog_csv(replayed, rng)
    (FIXTURES / "sm2-revlog-replay.csv").write_text(text)
    lines = expected_lines(ids)
    (FIXTURES / "sm2-revlog-replay.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    reviews = sum(len(case["reviews"]) for case in anki)
    early = sum(review[8] for case in anki for review in case["reviews"])
    print(f"wrote {len(anki)} cases, {reviews} reviews ({early} early) with anki {installed}; "
          f"replay log: {len(replayed)} cards, {len(lines)} reviews")


if __name__ == "__main__":
    main()
