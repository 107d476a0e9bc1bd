#!/usr/bin/env bash
# Kills piped study and quiz sessions with SIGKILL at random moments, then checks that every
# answer the session acknowledged is on disk (issue 14, item 9; see docs/reliability.md).
#
#   scripts/crash-loop.sh [KILLS]          (default 1000)
#
# Each round starts `srmquiz study` (odd rounds) or `srmquiz quiz` (even rounds) on one progress
# file, feeds it answers through a pipe without end, and sends SIGKILL after a random delay of
# 0 to CRASH_MAX_DELAY_MS milliseconds (startup, answering, saving and compaction are all hit).
# An answer counts as acknowledged when its feedback line ("✓ Right", "✗ Wrong" or "Rated …")
# reached the session's output. Answers are recorded in order and the log is append-only, so
# "every acknowledged answer is on disk" is: the reviews in the file after the round (read by
# `srmquiz progress show --json`, which also proves the file still opens) are at least the
# reviews before it plus the answers acknowledged in it. A round whose file no longer opens, or
# whose next session refuses to start, is a failure too.
#
# Environment:
#   SRMQUIZ             the executable (default: `swift build` and the debug one)
#   CRASH_WORK          the folder for the progress file and logs (default: a new temporary one)
#   CRASH_MAX_DELAY_MS  the latest kill after the start (default 2500)
# Exit status: 0 when nothing was lost, 1 otherwise (the files of the first bad round are kept
# under CRASH_WORK/failed-N).
set -euo pipefail
cd "$(dirname "$0")/.."

kills=${1:-1000}
case $kills in '' | *[!0-9]*) echo "usage: scripts/crash-loop.sh [KILLS]" >&2; exit 64 ;; esac
srmquiz=${SRMQUIZ:-}
if [ -z "$srmquiz" ]; then
  swift build --product srmquiz >&2
  srmquiz="$(swift build --show-bin-path)/srmquiz"
fi
work=${CRASH_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/srmquiz-crash.XXXXXX")}
max_delay=${CRASH_MAX_DELAY_MS:-2500}
mkdir -p "$work/progress"
progress="$work/progress/learner.json"
feed="$work/answers"
rm -f "$feed" && mkfifo "$feed"

# Reviews on disk, through the real reader; empty output if the file does not open.
reviews_on_disk() {
  [ -e "$progress" ] || { echo 0; return; }
  "$srmquiz" progress show --progress "$progress" --json 2>"$work/show.err" \
    | sed -n 's/^  "reviews" : \([0-9]*\),*$/\1/p'
}

before=0 killed=0 finished=0 acknowledged=0 lost=0 failures=0 round=0
started=$(date +%s)
while [ "$killed" -lt "$kills" ]; do
  round=$((round + 1))
  if [ $((round % 2)) = 1 ]; then
    command=(study --new 100000)
  else
    command=(quiz --count 100000)
  fi
  # Answers for every kind of question: letters, a pair, a triple, Enter (a flashcard's back), a
  # rating. What a question does not accept is asked again, so each gets answered.
  (while :; do printf 'a\na,b\na,b,c\n\n3\nb\n'; done) >"$feed" 2>/dev/null &
  feeder=$!
  "$srmquiz" "${command[@]}" --progress "$progress" <"$feed" >"$work/out" 2>"$work/err" &
  session=$!
  delay_ms=$((RANDOM * 32768 + RANDOM))
  delay_ms=$((delay_ms % (max_delay + 1)))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$session" 2>/dev/null || true
  status=0
  wait "$session" 2>/dev/null || status=$?
  kill "$feeder" 2>/dev/null || true
  wait "$feeder" 2>/dev/null || true

  acked=$(grep -c -E '^(✓ Right|✗ Wrong|Rated )' "$work/out" || true)
  after=$(reviews_on_disk)
  problem=""
  if [ -z "$after" ]; then
    problem="the progress file no longer opens: $(cat "$work/show.err")"
  elif [ "$status" != 137 ] && [ "$status" != 0 ]; then
    problem="the session ended with status $status: $(head -3 "$work/err")"
  elif [ "$after" -lt $((before + acked)) ]; then
    problem="$((before + acked - after)) acknowledged answer(s) missing: $before before, $acked acknowledged, $after on disk"
    lost=$((lost + before + acked - after))
  fi
  if [ "$status" = 137 ]; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
  acknowledged=$((acknowledged + acked))
  if [ -n "$problem" ]; then
    failures=$((failures + 1))
    echo "crash-loop: round $round (${command[0]}, killed after ${delay_ms} ms): $problem" >&2
    if [ "$failures" = 1 ]; then
      mkdir -p "$work/failed-$round" && cp -a "$work/progress" "$work/out" "$work/err" "$work/failed-$round/"
    fi
    [ -n "$after" ] || break
  fi
  before=${after:-$before}
  if [ $((round % 50)) = 0 ]; then
    echo "crash-loop: $round rounds, $killed kills, $acknowledged acknowledged, $before on disk, $lost lost" >&2
  fi
done
elapsed=$(($(date +%s) - started))
rm -f "$feed"
echo "crash-loop: $killed kills in $round rounds ($finished ended before their kill), $acknowledged answers acknowledged, $before reviews on disk, $lost lost, $failures failed rounds, ${elapsed} s (work: $work)"
[ "$failures" = 0 ]
