#!/usr/bin/env bash
# Everything before the tests, as CI runs it (.ci/run): install what is missing, then lint and
# type-check. The README's test command runs this and then pytest.
#
# It never re-points an installed vbparse: the tests run this checkout's code whatever is
# installed (pytest's pythonpath = src, and tests/conftest.py passes it to child processes),
# so installing happens only on a machine where something is missing (a fresh CI machine, where
# scripts/install.sh installs this checkout). A user's vbparse from another clone stays theirs.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

need_install=0
"$PYTHON" -c "import vbparse, docx, pdfplumber, pytesseract, sklearn, underthesea, pytest, ruff, mypy, hypothesis" 2>/dev/null || need_install=1
for tool in soffice tesseract pdftoppm; do command -v "$tool" >/dev/null || need_install=1; done
if [[ $need_install -eq 1 ]]; then
  elsewhere=$("$PYTHON" -c "import vbparse, pathlib; print(pathlib.Path(vbparse.__file__).resolve().parents[2])" 2>/dev/null || true)
  if [[ -n "$elsewhere" && "$elsewhere" != "$(pwd -P)" ]]; then
    echo "check: a tool or library is missing, and vbparse is installed from $elsewhere;" >&2
    echo "check: run scripts/install.sh yourself if the installed vbparse should be this checkout" >&2
    exit 1
  fi
  bash scripts/install.sh
fi

echo "== ruff"
"$PYTHON" -m ruff check src tests benchmarks scripts cli.py
"$PYTHON" -m ruff format --check src tests benchmarks scripts cli.py
echo "== mypy"
"$PYTHON" -m mypy
