#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium, for the browser tests (make browser).
# Idempotent: does nothing when it is already there. Never fails: when it cannot install
# (not root, no apt-get, no network) it says so and exits 0, and the browser tests skip.
set -u

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "install-chromium: $CHROMIUM already present ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: no apt-get on this machine; install Chromium at $CHROMIUM by hand. Browser tests will be skipped."
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium: not root, cannot apt-get install chromium (try: sudo $0). Browser tests will be skipped."
  exit 0
fi

echo "install-chromium: installing Debian package chromium..."
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq && apt-get install -y -qq chromium >/dev/null; then
  if [ -x "$CHROMIUM" ]; then
    echo "install-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  else
    echo "install-chromium: package chromium installed but $CHROMIUM is missing. Browser tests will be skipped."
  fi
else
  echo "install-chromium: apt-get could not install chromium. Browser tests will be skipped."
fi
exit 0
