#!/usr/bin/env bash
# Checks the Swift sources against .swift-format without changing them: layout (what
# scripts/format.sh would change) and the rules it cannot fix, such as doc comments on the public
# API that open with a one-line summary. Exits non-zero on any finding. Needs no build.
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift format lint --strict --recursive --parallel Sources Tests Package.swift
