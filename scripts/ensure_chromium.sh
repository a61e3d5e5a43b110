#!/bin/sh
# Browser tests drive Debian's Chromium (Playwright cannot download its own
# browser here). Install it when it is missing and we can (root with apt-get);
# otherwise fail with one line that says how.
set -e
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests (apt-get) ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM" ] && exit 0
fi
echo "Chromium is missing at $CHROMIUM: install it with 'sudo apt-get install chromium' (or set CHROMIUM=/path/to/chromium) and run 'make test' again." >&2
exit 1
