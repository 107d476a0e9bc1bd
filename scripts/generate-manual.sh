#!/bin/sh
# Regenerates docs/srmquiz.1, the man page, from the commands' help (`srmquiz
# --experimental-dump-help`) with swift-argument-parser's generate-manual tool (the tool behind
# its GenerateManual plugin: `swift package plugin generate-manual` makes the same page, but
# builds in release). A test (ManualPageTests) checks that the committed page is up to date.
#
# Usage: scripts/generate-manual.sh           write docs/srmquiz.1
#        scripts/generate-manual.sh --check   exit 1 if docs/srmquiz.1 is out of date
# BIN=DIR uses the binaries in DIR instead of building them.
set -eu
cd "$(dirname "$0")/.."
# The page's date: fixed, so the page only changes when the help does.
date=2026-12-02
if [ -z "${BIN:-}" ]; then
    swift build --product srmquiz >/dev/null
    swift build --product generate-manual >/dev/null
    BIN=$(swift build --show-bin-path)
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
NO_COLOR=1 "$BIN/generate-manual" "$BIN/srmquiz" --date "$date" --authors "the srmquiz authors" \
    --output-directory "$out" >/dev/null
if [ "${1:-}" = "--check" ]; then
    if ! cmp -s "$out/srmquiz.1" docs/srmquiz.1; then
        diff -u docs/srmquiz.1 "$out/srmquiz.1" | head -40 >&2
        echo "docs/srmquiz.1 is out of date: run scripts/generate-manual.sh" >&2
        exit 1
    fi
else
    cp "$out/srmquiz.1" docs/srmquiz.1
    echo "wrote docs/srmquiz.1"
fi
