#!/usr/bin/env bash
# Kills piped study and quiz sessions with SIGKILL at random moments, then checks that every
# answer the session acknowledged is on disk (issue 14, item 9; see docs/reliability.md).
#
#   scripts/crash-loop.sh [KILLS]          (default 1000)
#
# Each round starts `srmquiz study` (one round in three) or `srmquiz quiz` on one progress
# file, feeds it answers through a pipe without end, and sends SIGKILL after a random delay of
# 0 to CRASH_MAX_DELAY_MS milliseconds (startup, answering, saving and compaction are all hit).
# An answer counts as acknowledged when its feedback line ("✓ Right", "✗ Wrong" or "Rated …")
# reached the session's output. Answers are recorded in order and the log is append-only, so
# "every acknowledged answer is on disk" is: the complete answer lines in the log after the round
# are at least those before it plus the answers acknowledged in it. Every CRASH_CHECK_EVERY
# rounds (default 50) and after the last, `srmquiz progress show --json` must read the files and
# count the same answers. A round whose files no longer open, or whose session refuses to start
# (it opens the files the last kill left), is a failure too.
#
# Environment:
#   SRMQUIZ             the executable (default: `swift build` and the debug one)
#   CRASH_WORK          the folder for the progress file and logs (default: a new temporary one)
#   CRASH_MAX_DELAY_MS  the latest kill after the start (default 2500)
#   CRASH_BANK          the bank studied (default: the first 400 questions of the bundled bank,
#                       exported as GIFT and imported again, so a session starts in a fraction of
#                       the time and most kills land while answers are being recorded)
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
bank=${CRASH_BANK:-$work/bank.yaml}
if [ ! -e "$bank" ]; then
  "$srmquiz" export --format gift --output "$work/bundled.gift" 2>/dev/null
  awk 'BEGIN { RS = ""; ORS = "\n\n" } NR <= 401' "$work/bundled.gift" >"$work/first.gift"
  "$srmquiz" import --format gift "$work/first.gift" --output "$bank" >/dev/null
  rm "$work/bundled.gift" "$work/first.gift"
fi
banks=(--no-bundled --bank "$bank")
rm -f "$feed" && mkfifo "$feed"

# Answers on disk: the complete review lines of the log (a torn last line, the trace of a kill in
# the middle of a write, is no answer), minus undone ones (the feeder never undoes).
log="$work/progress/learner.reviews.jsonl"
answers_on_disk() {
  [ -s "$log" ] || { echo 0; return; }
  local lines=$log
  if [ "$(tail -c 1 "$log" | od -An -tx1 | tr -d ' ')" != 0a ]; then
    head -n -1 "$log" >"$work/complete" && lines="$work/complete"
  fi
  echo $(($(grep -c '"event":"review"' "$lines" || true) - $(grep -c '"event":"undo"' "$lines" || true)))
}

# The same count through the real reader, `srmquiz progress show --json` (which also proves the
# files still open); empty if they do not. Slower, so every CRASH_CHECK_EVERY rounds and at the end.
reviews_shown() {
  "$srmquiz" progress show "${banks[@]}" --progress "$progress" --json 2>"$work/show.err" \
    | sed -n 's/^  "reviews" : \([0-9]*\),*$/\1/p'
}
check_every=${CRASH_CHECK_EVERY:-50}

before=0 checks=0 killed=0 finished=0 acknowledged=0 lost=0 failures=0 round=0
started=$(date +%s)
while [ "$killed" -lt "$kills" ]; do
  round=$((round + 1))
  if [ $((round % 3)) = 1 ]; then
    command=(study --new 100000)
  else
    command=(quiz --count 100000)
  fi
  # Answers for every kind of question: letters, a pair, a triple, Enter (a flashcard's back), a
  # rating. What a question does not accept is asked again, so each gets answered.
  (while :; do printf 'a\na,b\na,b,c\n\n3\nb\n'; done) >"$feed" 2>/dev/null &
  feeder=$!
  "$srmquiz" "${command[@]}" "${banks[@]}" --progress "$progress" <"$feed" >"$work/out" 2>"$work/err" &
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
  after=$(answers_on_disk)
  problem=""
  shown=$after
  if [ $((round % check_every)) = 0 ] || [ "$killed" -ge $((kills - 1)) ]; then
    shown=$(reviews_shown)
    checks=$((checks + 1))
  fi
  if [ -z "$shown" ]; then
    problem="the progress file no longer opens: $(cat "$work/show.err")"
  elif [ "$shown" != "$after" ]; then
    problem="progress show counts $shown reviews but the log holds $after answers"
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
    [ -n "$shown" ] || break
  fi
  before=$after
  if [ $((round % 50)) = 0 ]; then
    echo "crash-loop: $round rounds, $killed kills, $acknowledged acknowledged, $before on disk, $lost lost" >&2
  fi
done
elapsed=$(($(date +%s) - started))
rm -f "$feed"
echo "crash-loop: $killed kills in $round rounds ($finished ended before their kill), $acknowledged answers acknowledged, $before reviews on disk, $lost lost, $failures failed rounds, $checks full reads by progress show, ${elapsed} s (work: $work)"
[ "$failures" = 0 ]
