#!/usr/bin/env bash
# Sets Noor up on a fresh Debian/Ubuntu machine: the system packages it
# renders with (Debian's Chromium, ffmpeg, fonts), the npm dependencies, and
# then renders the demo (out/demo.mp4). `--no-demo` stops after installing.
set -euo pipefail
cd "$(dirname "$0")/.."

demo=1
[ "${1:-}" = "--no-demo" ] && demo=0

if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "Noor needs Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

packages=(chromium ffmpeg fonts-noto-core fonts-wqy-zenhei)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing ${missing[*]} with apt-get…"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund

if [ "$demo" = 1 ]; then
  npm run demo
fi
