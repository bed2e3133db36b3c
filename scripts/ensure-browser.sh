#!/usr/bin/env bash
# Makes sure the end-to-end tests have a browser: Debian's chromium (installed when missing and root)
# plus a small CJK font so that screenshots show Chinese. Prints the browser path; fails loudly.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { echo "FAIL: CHROMIUM_PATH=$CHROMIUM_PATH is not executable" >&2; exit 1; }
  echo "$CHROMIUM_PATH"; exit 0
fi

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'wqy\|noto sans cjk' || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${need[*]} from Debian" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
fi

if [ -x /usr/bin/chromium ]; then
  echo /usr/bin/chromium
  exit 0
fi
# Not root and no Debian chromium: fall back to Playwright's own browser, which must be installed.
if node -e "const p=require('playwright-core').chromium.executablePath(); process.exit(require('fs').existsSync(p)?0:1)" 2>/dev/null; then
  echo "playwright"
  exit 0
fi
echo "FAIL: no browser for end-to-end tests: install Debian's chromium (apt-get install chromium) or run 'npx playwright install chromium'" >&2
exit 1
