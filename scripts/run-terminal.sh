#!/usr/bin/env bash
# Quick start 1: install what is missing, build, and run the terminal on the demo store.
# The demo store (var/demo/terminal.db) and its printed receipts (var/demo/spool/) are created on
# first run. Extra arguments go to pos-terminal (for example --fullscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/ui/pos-terminal --data var/demo "$@"
