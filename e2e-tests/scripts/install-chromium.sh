#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the browser tests (docs/adr/0026) when /usr/bin/chromium or
# /usr/bin/chromedriver is missing; does nothing, silently, when both are there. The e2e-tests build runs it before
# the integration tests (maven-antrun-plugin, phase pre-integration-test), so `./mvnw verify` works on a fresh
# Debian machine. Needs root, or sudo without a password. Usage: install-chromium.sh [LOG_FILE]
set -euo pipefail

chromium=/usr/bin/chromium
driver=/usr/bin/chromedriver
if [[ -x $chromium && -x $driver ]]; then
  exit 0
fi

log="${1:-/tmp/casebook-chromium-install.log}"
mkdir -p "$(dirname "$log")"
fail() {
  echo "The browser tests need Debian's chromium and chromium-driver ($chromium, $driver): $1" >&2
  echo "Install them by hand (as root: apt-get update && apt-get install chromium chromium-driver) and build again." >&2
  exit 1
}

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo > /dev/null && sudo -n true 2> /dev/null; then
    sudo=(sudo -n)
  else
    fail "installing them needs root (or sudo without a password), and this build runs as $(id -un)"
  fi
fi
command -v apt-get > /dev/null || fail "apt-get is missing: this is not a Debian-like machine"

echo "Installing chromium and chromium-driver with apt-get for the browser tests (once per machine; log: $log)" >&2
export DEBIAN_FRONTEND=noninteractive
# Lock::Timeout: wait for another apt-get (a second build, unattended upgrades) instead of failing at once
apt=("${sudo[@]}" apt-get -q -o DPkg::Lock::Timeout=300)
if ! { "${apt[@]}" update && "${apt[@]}" install -y --no-install-recommends chromium chromium-driver fonts-liberation; } \
    > "$log" 2>&1; then
  tail -20 "$log" >&2
  fail "apt-get could not install them (full log: $log)"
fi
[[ -x $chromium && -x $driver ]] || fail "apt-get ran, but $chromium or $driver is still missing (log: $log)"
echo "Installed $("$chromium" --version 2> /dev/null || echo chromium) and $("$driver" --version 2> /dev/null | cut -d' ' -f1-2)" >&2
