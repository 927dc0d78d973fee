#!/usr/bin/env bash
# The browser tests drive a real Chromium. Playwright cannot download its own
# browsers everywhere, so we use the system's: Debian's `chromium` package.
# Set CHROMIUM_PATH to use another Chromium.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] && exit 0
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable." >&2
  exit 1
fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  [ -x "$candidate" ] && exit 0
done

if ! command -v apt-get >/dev/null 2>&1; then
  echo "No Chromium found. Install Chromium and set CHROMIUM_PATH to its executable." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing Debian's chromium for the browser tests..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "Installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)."
