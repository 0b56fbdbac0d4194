#!/usr/bin/env bash
# Accord's consultation engine beside red-dwarf (the Python reimplementation
# of Polis's math, from the Python package registry) in one run: the five
# Polis conversations in the repository and a planted conversation written
# as a Polis export, each analysed by both, with the times, their ratio and
# the agreement of their groups (see BENCHMARKS.md). red-dwarf goes into a
# virtual environment under target/. Arguments are passed to
# `accord-bench consult`, e.g.
#   scripts/red-dwarf-bench.sh --consult-participants 100000 --consult-statements 2000
#   scripts/red-dwarf-bench.sh --consult-participants 100000 --consult-statements 10000 \
#     --consult-votes-each 100 --red-dwarf-memory-gb 8
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/red-dwarf-venv
if ! "$venv/bin/python" -c 'import reddwarf' >/dev/null 2>&1; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'red-dwarf==0.4.0'
fi

cargo build --locked --release -q -p accord-bench
# The driver's warnings (pydantic's) are not the benchmark's.
PYTHONWARNINGS=ignore target/release/accord-bench consult --red-dwarf "$venv/bin/python" "$@"
