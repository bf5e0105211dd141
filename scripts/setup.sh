#!/usr/bin/env bash
# Installs the C libraries Redact links against when they are missing (Debian/Ubuntu):
# libpcre2-dev (PCRE2 with JIT) and libsqlite3-dev. Needs root (or sudo) only when
# something is missing. Safe to run again.
set -euo pipefail
missing=()
pkg-config --exists libpcre2-8 2>/dev/null || missing+=(libpcre2-dev)
pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The SARIF schema test (Tests/CLITests/Fixtures/sarif/validate_sarif.py) needs Python's
# jsonschema.
if ! python3 -c "import jsonschema" >/dev/null 2>&1; then
    echo "setup: installing the Python package jsonschema" >&2
    python3 -m pip install -q jsonschema
fi
# The generalisation harness (scripts/genbench) generates its values with Faker, pinned:
# its tests run with the others.
genbench_requirements="$(dirname "$0")/genbench/requirements.txt"
faker_version="$(sed -n 's/^faker==//p' "$genbench_requirements")"
if ! python3 -c "import faker, sys; sys.exit(faker.VERSION != '$faker_version')" >/dev/null 2>&1; then
    echo "setup: installing the Python package Faker $faker_version for scripts/genbench" >&2
    python3 -m pip install -q -r "$genbench_requirements"
fi
