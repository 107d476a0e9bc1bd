#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS seconds (0: no time limit; add -runs=N to stop after N
# inputs). Builds the fuzz executables if needed, generates the seed corpus once, keeps the
# corpus between runs and fails (exit 1) on a crash, hang or memory blow-up, whose input is kept
# as <work>/artifacts/TARGET-crash-… (reproduce: scripts/fuzz.sh TARGET 0 <that file>).
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options or files...]
#   scripts/fuzz.sh list
#
# Targets: bank state log gift aiken csv revlog class (see docs/reliability.md).
# Environment:
#   FUZZ_WORK     seeds, corpora and artifacts (default .build-fuzz/work)
#   FUZZ_SCRATCH  SwiftPM scratch path of the fuzz build (default .build-fuzz)
#   FUZZ_NO_BUILD=1  use the executables already built
#   SRMQUIZ       the srmquiz executable used to make seeds (default: built into .build)
#   FUZZ_MAX_LEN  the largest input (default 4096 bytes)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

targets=(bank state log gift aiken csv revlog class)
if [ "${1:-}" = list ]; then printf '%s\n' "${targets[@]}"; exit 0; fi
if [ $# -lt 2 ]; then
  echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]  (targets: ${targets[*]})" >&2
  exit 64
fi
target=$1 seconds=$2
shift 2
case " ${targets[*]} " in *" $target "*) ;; *) echo "fuzz.sh: unknown target '$target' (${targets[*]})" >&2; exit 64 ;; esac
case $seconds in '' | *[!0-9]*) echo "fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2; exit 64 ;; esac

scratch=${FUZZ_SCRATCH:-.build-fuzz}
work=${FUZZ_WORK:-$scratch/work}
product=srmquiz-fuzz
[ "$target" = class ] && product=srmquiz-fuzz-class

# The build: our modules instrumented (Package.swift, "Fuzzing" block), linked with libFuzzer.
if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  SRMQUIZ_FUZZ=1 swift build --scratch-path "$scratch" --product "$product" 2>&1 \
    | grep -v -e 'Cannot export local symbol' -e '^\[' >&2 || true
fi
bin="$scratch/debug/$product"
[ -x "$bin" ] || { echo "fuzz.sh: $bin was not built" >&2; exit 1; }

# Seeds, made once from the bundled bank and the project's own exports and sessions.
seeds="$work/seeds/$target"
if [ ! -d "$seeds" ]; then
  tmp="$work/seeds/.$target.tmp"
  rm -rf "$tmp" && mkdir -p "$tmp"
  srmquiz=${SRMQUIZ:-}
  if [ -z "$srmquiz" ] && [[ "$target" =~ ^(state|log|gift|aiken|csv)$ ]]; then
    swift build --product srmquiz >&2
    srmquiz="$(swift build --show-bin-path)/srmquiz"
  fi
  # split FILE N PREFIX: FILE's blank-line-separated records, N to a seed file
  split_records() {
    awk -v n="$2" -v out="$3" 'BEGIN { RS = ""; ORS = "\n\n" } { f = sprintf("%s-%04d", out, int((NR - 1) / n)); print > f }
      NR % (n * 50) == 0 { close(f) }' "$1"
  }
  case $target in
    bank)
      for f in QuestionBanks/*/*.yaml; do cp "$f" "$tmp/$(basename "$(dirname "$f")")-$(basename "$f")"; done
      ;;
    gift | aiken)
      "$srmquiz" export --format "$target" --output "$tmp/all.$target" 2>/dev/null
      split_records "$tmp/all.$target" 3 "$tmp/part"
      rm "$tmp/all.$target"
      ;;
    csv)
      "$srmquiz" export --format csv --output "$tmp/all.csv" 2>/dev/null
      head -1 "$tmp/all.csv" > "$tmp/header"
      tail -n +2 "$tmp/all.csv" | split -l 3 -a 4 - "$tmp/rows-"
      for f in "$tmp"/rows-*; do cat "$tmp/header" "$f" > "$f.csv" && rm "$f"; done
      rm "$tmp/all.csv" "$tmp/header"
      ;;
    state | log)
      # Study sessions with both schedulers, answers, an undo and a settings change; the state
      # files are taken both mid-session (state only, log after it) and after a clean end.
      for scheduler in fsrs sm2; do
        p="$tmp/run-$scheduler/p.json"
        mkdir -p "$(dirname "$p")"
        printf 'a\nb\n:undo\nb\na\nc\n\n3\na\n' \
          | "$srmquiz" study --scheduler "$scheduler" --limit 6 --progress "$p" >/dev/null 2>&1 || true
        if [ "$target" = state ]; then
          cp "$p" "$tmp/state-$scheduler.json"
        else
          cp "$(dirname "$p")/p.reviews.jsonl" "$tmp/log-$scheduler.jsonl"
          head -3 "$(dirname "$p")/p.reviews.jsonl" > "$tmp/log-$scheduler-3.jsonl"
        fi
        rm -rf "$(dirname "$p")"
      done
      ;;
    revlog)
      cp Tests/SRMQuizKitTests/Fixtures/*revlog-replay.csv "$tmp/"
      for f in "$tmp"/*.csv; do head -20 "$f" > "$f.head"; done
      ;;
    class)
      printf '%s\n' '{"type":"join","pin":"1357","name":"Ann"}' '!a' \
        '{"type":"answer","question":1,"choices":["Beta 1"]}' '!t' '!a' > "$tmp/join-answer"
      printf '%s\n' '{"type":"join","pin":"1357","name":"Bo"}' '{"type":"rejoin","token":"0123456789abcdef0123456789abcdef"}' \
        '!a' '!p' '!p' '{"type":"answer","question":1,"choices":["Alpha 1","Gamma 1"]}' '!s' '!rBo' '!e' > "$tmp/rejoin-remove"
      printf '%s\n' '{"type":"join","pin":"0000","name":"Cy"}' '{"type":"nope"}' 'not json' > "$tmp/wrong"
      ;;
  esac
  mv "$tmp" "$seeds"
fi

corpus="$work/corpus/$target"
artifacts="$work/artifacts"
mkdir -p "$corpus" "$artifacts"
limit=()
[ "$seconds" -gt 0 ] && limit=(-max_total_time="$seconds")
# Positional files (a crash to reproduce) replace the corpus.
inputs=("$corpus" "$seeds")
for arg in "$@"; do [[ "$arg" != -* ]] && inputs=()
done
echo "fuzz.sh: $target for ${seconds}s (${*:-no extra options})" >&2
# libFuzzer reports crashes itself (no Swift backtracer); short allocation stacks make ASan
# several times cheaper per input; leak checks are off (see docs/reliability.md).
export SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=2:detect_leaks=0}
SRMQUIZ_FUZZ_TARGET=$target exec "$bin" "${limit[@]}" -max_len="${FUZZ_MAX_LEN:-4096}" -timeout=10 \
  -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$artifacts/$target-" "$@" "${inputs[@]}"
