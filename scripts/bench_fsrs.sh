#!/usr/bin/env bash
# FSRS replay benchmark: srmquiz's FSRSScheduler (release build, 1,000,000 reviews) against
# py-fsrs (100,000 reviews of the same synthetic histories), and the ratio of reviews/s.
# Needs py-fsrs: pip install 'fsrs>=6.3,<6.4'
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product srmquiz-bench >/dev/null
swift_out=$(.build/release/srmquiz-bench fsrs-replay 10000 100)
python_out=$(python3 scripts/bench_pyfsrs.py 1000 100)
echo "$swift_out"
echo "$python_out"

rate() { awk '/^reviews\/s:/ { print $2 }'; }
sum() { awk -F': ' '/^checksum/ { print $2 }'; }
swift_rate=$(echo "$swift_out" | rate)
python_rate=$(echo "$python_out" | rate)
if [ "$(echo "$swift_out" | sum)" = "$(echo "$python_out" | sum)" ]; then
  echo "checksums agree"
else
  echo "checksums differ (compare the first 1,000 cards' final stability)"
fi
awk -v s="$swift_rate" -v p="$python_rate" 'BEGIN { printf "ratio (Swift / py-fsrs reviews per second): %.1f\n", s / p }'
