#!/usr/bin/env bash
# Runs every test of Accord: formatting, lints, unit, property, integration,
# crash and browser tests. Installs what the tests need from Debian's
# packages when it is missing (Chromium and chromedriver for the browser
# test; xmllint for Akoma Ntoso checks; Go and golang.org/x/mod for the
# transparency-log interoperability test; nginx to serve the log as static
# files (run as the current user, from a temporary directory, on a free
# port: no service is started); python3-venv for Schemathesis;
# LibreOffice, headless, and pdftotext to open every .docx Accord writes;
# PostgreSQL for the store's second backend; npm to install axe-core for
# the accessibility tests). A throw-away PostgreSQL cluster runs for the
# length of the script (scripts/postgres.sh): the store's tests run on both
# databases, and the integration suite runs a second time with every forum
# in PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v go >/dev/null 2>&1 || need+=(golang-go)
[ -d /usr/share/gocode/src/golang.org/x/mod/sumdb ] || need+=(golang-golang-x-mod-dev)
# (nginx-light where Debian still has it, the plain package otherwise.)
if ! [ -x /usr/sbin/nginx ] && ! command -v nginx >/dev/null 2>&1; then
  if apt-cache show nginx-light >/dev/null 2>&1; then need+=(nginx-light); else need+=(nginx); fi
fi
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v npm >/dev/null 2>&1 || need+=(npm)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || need+=(python3-venv)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# The PDF tests typeset in the six official languages with Debian's Noto fonts.
[ -f /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf ] || need+=(fonts-noto-core)
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || need+=(fonts-noto-cjk)
# Debian keeps initdb and pg_ctl off PATH, in /usr/lib/postgresql/<version>/bin.
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null 2>&1 || need+=(postgresql)
if ((${#need[@]})); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "installing ${need[*]} from Debian's packages"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${need[@]}"
fi

# axe-core, the accessibility checker the browser tests load, from the npm
# registry at the version its lock file pins.
[ -f crates/accord/tests/browser/node_modules/axe-core/axe.min.js ] || npm ci --prefix crates/accord/tests/browser

# The cluster stops when this script exits.
source scripts/postgres.sh

cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --all-targets --locked --no-fail-fast
else
  cargo test --workspace --all-targets --locked
fi
# The integration suite again, every forum's record in PostgreSQL.
if cargo nextest --version >/dev/null 2>&1; then
  ACCORD_TEST_STORE=postgres cargo nextest run -p accord --test it --locked --no-fail-fast
else
  ACCORD_TEST_STORE=postgres cargo test -p accord --test it --locked
fi
# The API against its OpenAPI document, with Schemathesis in a virtual environment.
scripts/schemathesis.sh
