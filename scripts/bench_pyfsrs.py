#!/usr/bin/env python3
"""Reviews per second when py-fsrs (fuzz off) replays the synthetic histories of
`srmquiz-bench fsrs-replay` (same SplitMix64 generator, same ratings and gaps).

Reference: py-fsrs 6.3.2, installed with:

    pip install 'fsrs>=6.3,<6.4'

Usage: python3 scripts/bench_pyfsrs.py [CARDS] [REVIEWS]   (default 1000 x 100 = 100,000)
The checksum (sum of final stability over the first 1,000 cards) should equal the Swift one.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta, timezone
from importlib.metadata import version

from fsrs import Card, Rating, Scheduler

START_MS = 1_767_225_600_000
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
CHECKSUM_CARDS = 1000


from splitmix import SplitMix64  # noqa: E402  (beside this script)


def history(card: int, reviews: int) -> list[tuple[datetime, Rating]]:
    rng = SplitMix64(card + 1)
    now_ms = START_MS + card * 1000
    result = []
    for _ in range(reviews):
        u = rng.next_unit()
        rating = Rating.Again if u < 0.1 else Rating.Hard if u < 0.25 else Rating.Good if u < 0.9 else Rating.Easy
        result.append((EPOCH + timedelta(milliseconds=now_ms), rating))
        now_ms += 60_000 + int(rng.next_unit() * 30 * 86_400_000)
    return result


def main() -> None:
    cards = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    reviews = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    histories = [history(card, reviews) for card in range(cards)]
    scheduler = Scheduler(enable_fuzzing=False)
    checksum = 0.0
    began = time.perf_counter()
    for card_index, events in enumerate(histories):
        card = Card(card_id=card_index + 1, due=events[0][0])
        for when, rating in events:
            card, _ = scheduler.review_card(card, rating, when)
        if card_index < CHECKSUM_CARDS:
            checksum += card.stability
    seconds = time.perf_counter() - began
    total = cards * reviews
    print(f"FSRS replay (py-fsrs {version('fsrs')}): {total} reviews ({cards} cards x {reviews}) in {seconds:.3f} s")
    print(f"reviews/s: {total / seconds:.0f}")
    print(f"checksum (sum of final stability, first {min(cards, CHECKSUM_CARDS)} cards): {checksum!r}")


if __name__ == "__main__":
    main()
