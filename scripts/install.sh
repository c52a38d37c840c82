#!/usr/bin/env bash
# Install everything vbparse needs on a fresh Debian/Ubuntu machine: the system tools its
# readers call (LibreOffice for .doc/.rtf/.odt, Tesseract with the Vietnamese model for scans,
# poppler for PDF rendering) and the Python package with all extras and dev tools.
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# fonts-liberation: Liberation Serif is metric-compatible with Times New Roman, so LibreOffice
# lays out Vietnamese documents (and wraps their header columns) as Word does.
# chromium + chromium-driver: the web pages are tested in a real headless browser; postgresql:
# the registry's second backend is tested against a throw-away server the tests start.
APT_PACKAGES=(libreoffice-writer-nogui tesseract-ocr tesseract-ocr-vie poppler-utils antiword catdoc
  fonts-liberation fonts-dejavu-core chromium chromium-driver postgresql postgresql-contrib)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""
  [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  echo "install: apt packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
echo "install: python package (editable, with extras)"
"$PYTHON" -m pip install -q --disable-pip-version-check -e ".[dev]"
# pyenv only sees a new console script after a rehash.
if command -v pyenv >/dev/null 2>&1; then pyenv rehash || true; fi
echo "install: done"
