#!/usr/bin/env bash
# The browser tests (test/web.e2e-spec.ts) drive Debian's Chromium at /usr/bin/chromium:
# playwright-core brings no browser of its own. Used by `npm test` (tools/run.sh test) and by
# .ci/run, so the install is written once. Installs the package with apt-get when it is missing,
# as root or through sudo when sudo needs no password. Exits 0 when the browser is there;
# otherwise prints one line saying what it could not install and why, and exits 1.
set -uo pipefail
CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0

fail() {
  echo "chromium: could not install Debian's chromium package ($1); the browser tests (test/web.e2e-spec.ts) will fail" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "no apt-get on this machine: install Chromium at $CHROMIUM yourself"
SUDO=()
if [ "$(id -u)" != 0 ]; then
  # -n: never stop a test run at a password prompt.
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -E -n)
  else
    fail "not root, and sudo is missing or needs a password: run sudo apt-get install chromium"
  fi
fi

echo "chromium: installing Debian's chromium package (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
if ! out=$({ "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" apt-get install -y -qq chromium; } 2>&1); then
  fail "apt-get failed: $(printf '%s\n' "$out" | grep -v '^[[:space:]]*$' | tail -n 1)"
fi
[ -x "$CHROMIUM" ] || fail "apt-get finished but $CHROMIUM is still missing"
