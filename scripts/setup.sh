#!/usr/bin/env bash
# Installs what Fact Context's build, demo and tests need on a fresh Debian/Ubuntu machine:
# the system Chromium and Firefox ESR (tests never download a browser) and unzip, then the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
command -v unzip >/dev/null 2>&1 || missing+=(unzip) # the store test unpacks the zips
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]} from Debian's packages" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js 20.19 or newer is required (found $(node --version))" >&2
  exit 1
fi

npm ci --no-audit --no-fund
