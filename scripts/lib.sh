# Shared shell helpers for demo.sh, test.sh and .ci/run. Source, do not run.

# Installs node_modules when missing or older than package-lock.json.
ensure_dependencies() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    # `npm install` from the committed lock, not `npm ci`: the registry mirror here lacks other
    # platforms' optional binaries (e.g. @swc/core-darwin-*), which makes `npm ci` refuse the lock.
    echo "==> npm install (from package-lock.json)"
    npm install --no-audit --no-fund --loglevel=error
  fi
}

# Creates a PostgreSQL database on 127.0.0.1 when it does not exist yet.
ensure_database() {
  local name="$1"
  if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    echo "==> creating database $name"
    psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE \"$name\""
  fi
}

# Fails with a clear message when PostgreSQL or Redis does not answer.
require_services() {
  pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL does not answer on 127.0.0.1:5432 (see README: Requirements)" >&2; return 1; }
  [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ] || { echo "Redis does not answer on 127.0.0.1:6379 (see README: Requirements)" >&2; return 1; }
}

# Installs Debian's Chromium for the browser tests (playwright-core drives it; no browser
# download) when it is missing. CHROMIUM_PATH points the tests at another Chromium.
ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "Chromium is missing for the browser tests: sudo apt-get install chromium (or set CHROMIUM_PATH)" >&2
    return 1
  fi
  echo "==> installing Chromium"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}
