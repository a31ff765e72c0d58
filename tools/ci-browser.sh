#!/bin/sh
# Install a headless browser for tests/test_cli_page.py (the digest page opened
# in Chromium at phone and desktop width). Playwright (a test extra) drives the
# distribution's Chromium: Playwright's own browser download needs a network the
# CI does not have. Idempotent; without root or apt-get it says so and stops,
# and the browser tests skip.
set -eu
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
    echo "ci-browser: chromium already installed"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ci-browser: no apt-get here; install Chromium yourself (the browser tests skip)" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "ci-browser: not root and no sudo; the browser tests skip" >&2
        exit 0
    fi
fi
$SUDO apt-get update -qq
# fonts-noto-core: Devanagari glyphs for the screenshots.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    chromium fonts-noto-core >/dev/null
echo "ci-browser: $(chromium --version 2>/dev/null || echo chromium installed)"
