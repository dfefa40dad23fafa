#!/usr/bin/env bash
# What `npm test` needs besides node_modules, found or provided before any
# test runs: Chromium (Playwright drives Debian's; nothing downloads a
# browser), PostgreSQL server binaries and the `postgres` OS user that runs
# them (initdb refuses root), and nginx (the shipped reverse-proxy config is
# tested for real). A missing one is installed from Debian's packages when
# running as root with apt-get, saying so; otherwise the run stops with the
# command that provides it — except nginx outside CI, whose one test is then
# skipped. Ends with one summary line.
#   source scripts/provision.sh && provision   -> exports CHROMIUM_PATH

provision() {
  local summary=() missing=() can_apt=0 apt_updated=0
  # Where each is looked for; overridable so tests/unit/provision.test.ts can run this in a sandbox.
  local chromium_candidates=${PROVISION_CHROMIUM_CANDIDATES:-"/usr/bin/chromium /usr/bin/chromium-browser $HOME/.cache/ms-playwright/chromium-*/chrome-linux/chrome"}
  local initdb_glob=${PROVISION_INITDB_GLOB:-"/usr/lib/postgresql/*/bin/initdb"}
  local nginx_path=${PROVISION_NGINX:-/usr/sbin/nginx}
  local as_root=${PROVISION_AS_ROOT:-$([ "$(id -u)" = "0" ] && echo 1)}
  if [ "$as_root" = 1 ] && command -v apt-get >/dev/null 2>&1; then can_apt=1; fi

  # need WHAT PACKAGE CHECK [optional]: CHECK is a command that succeeds once WHAT is there.
  need() {
    local what=$1 package=$2 check=$3 optional=${4:-}
    if $check; then
      summary+=("$what found")
      return
    fi
    if [ "$can_apt" = 1 ]; then
      echo "provision: $what is missing: apt-get install -y $package" >&2
      if [ "$apt_updated" = 0 ]; then
        apt-get update -qq >&2
        apt_updated=1
      fi
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >&2 || true
      if $check; then
        summary+=("$what installed")
        return
      fi
    fi
    if [ -n "$optional" ]; then
      summary+=("$what missing ($optional)")
    else
      summary+=("$what MISSING")
      missing+=("$what: apt-get install -y $package")
    fi
  }

  # CHROMIUM_PATH, Debian's chromium, or a browser in Playwright's own cache.
  find_chromium() {
    local c
    # shellcheck disable=SC2086 # the candidates are globs
    for c in "${CHROMIUM_PATH:-}" $chromium_candidates; do
      if [ -n "$c" ] && [ -x "$c" ]; then
        CHROMIUM_PATH=$c
        return 0
      fi
    done
    return 1
  }
  # shellcheck disable=SC2086
  has_postgres() { ls $initdb_glob >/dev/null 2>&1; }
  has_nginx() { [ -x "$nginx_path" ]; }

  need "Chromium" chromium find_chromium
  need "PostgreSQL server" postgresql has_postgres
  if [ -n "${CI:-}" ]; then need "nginx" nginx has_nginx; else need "nginx" nginx has_nginx "its test is skipped"; fi
  if has_postgres && [ "$as_root" = 1 ] && [ -z "${PROVISION_INITDB_GLOB:-}" ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
    summary+=("postgres user created")
  fi

  printf 'provision: %s' "${summary[0]}" >&2
  printf ', %s' "${summary[@]:1}" >&2
  printf '\n' >&2
  if [ "${#missing[@]}" -gt 0 ]; then
    printf 'provision: cannot run the suite without %s\n' "${missing[@]}" >&2
    return 1
  fi
  export CHROMIUM_PATH
}
