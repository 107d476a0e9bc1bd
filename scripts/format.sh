#!/usr/bin/env bash
# Formats the Swift sources in place by the rules in .swift-format (swift format ships with the
# toolchain). Run it before committing; scripts/lint.sh (in CI) fails on anything it would change.
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift format format --in-place --recursive --parallel Sources Tests Package.swift
