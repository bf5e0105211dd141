#!/usr/bin/env bash
# The main job on the Samples: installs what is missing, builds the release binary, writes
# redacted copies of Samples/ to redacted/ and records every decision in
# redacted-audit.sqlite (HMAC key in the default place, created on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product redact
.build/release/redact run Samples --out redacted --audit redacted-audit.sqlite
echo "Redacted copies: redacted/   Audit log: redacted-audit.sqlite   Compare: diff Samples/news-draft-en.md redacted/news-draft-en.md"
