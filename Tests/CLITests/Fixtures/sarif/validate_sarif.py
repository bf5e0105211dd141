#!/usr/bin/env python3
"""Validates a SARIF log (a file argument, or standard input) against the official
SARIF 2.1.0 schema next to this script. Exit 0 valid, 1 invalid (errors on stderr),
3 the jsonschema module is missing."""
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed (pip install jsonschema)", file=sys.stderr)
    sys.exit(3)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
    schema = json.load(f)
log = json.load(open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin)
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
for error in errors[:20]:
    print("/".join(str(p) for p in error.path) + ": " + error.message[:300], file=sys.stderr)
sys.exit(1 if errors else 0)
