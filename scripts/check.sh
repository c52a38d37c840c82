#!/usr/bin/env bash
# Everything before the tests, as CI runs it (.ci/run): install if needed, make sure the
# package under test is this checkout, then lint and type-check. The README's test command runs
# this and then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}

need_install=0
"$PYTHON" -c "import vbparse, docx, pdfplumber, pytesseract, sklearn, underthesea, pytest, ruff, mypy" 2>/dev/null || need_install=1
for tool in soffice tesseract pdftoppm; do command -v "$tool" >/dev/null || need_install=1; done
if [[ $need_install -eq 1 ]]; then bash scripts/install.sh; fi
# The package must be this checkout's (an editable install may point at another clone).
here=$("$PYTHON" -c "import vbparse, pathlib; print(pathlib.Path(vbparse.__file__).resolve().parents[2])")
if [[ "$here" != "$(pwd -P)" ]]; then
  "$PYTHON" -m pip install -q --disable-pip-version-check --no-deps -e .
fi

echo "== ruff"
"$PYTHON" -m ruff check src tests benchmarks scripts cli.py
"$PYTHON" -m ruff format --check src tests benchmarks scripts cli.py
echo "== mypy"
"$PYTHON" -m mypy
