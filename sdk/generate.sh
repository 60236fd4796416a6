#!/usr/bin/env bash
# The clients, regenerated from the current schema on every run; any generator warning fails.
#   build/sdk/openapi.yaml        the schema (drf-spectacular, --validate --fail-on-warn)
#   sdk/python/parley_api_client  the generated Python client (openapi-python-client),
#                                 committed: `pip install ./sdk/python` needs no generator.
#                                 tests/sdk/test_generated_is_current.py fails when stale.
#   build/sdk/venv                a throwaway venv (on top of .venv) with
#                                 `pip install ./sdk/python` in it: the tests use that copy
#   build/sdk/types/schema.d.ts   openapi-typescript types; sdk/examples/*.ts (openapi-fetch)
#                                 type-checked against them with tsc --strict (needs node)
# Also: every generated module imports; mypy --strict on sdk/python and sdk/examples/*.py.
# Writes only under build/sdk/ and sdk/python/parley_api_client/; never touches .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

ROOT=$PWD
OUT=build/sdk
BIN=$ROOT/.venv/bin
PY=$BIN/python
PACKAGE=parley_api_client
# openapi-python-client's post-hooks run `ruff` from PATH: use the pinned one.
export PATH="$BIN:$PATH"

if [[ ! -x $PY ]]; then
  echo "sdk/generate.sh: $PY not found; run 'make install' first" >&2
  exit 1
fi

START=$SECONDS
step() { printf '== sdk: %s (%ss)\n' "$1" "$((SECONDS - START))"; }
# Runs a generator, shows its output, and fails when the output holds a warning.
no_warnings() {
  local log=$1
  shift
  "$@" 2>&1 | tee "$log"
  if grep -Eiq '(^|[^a-z])(warn(ing)?)([^a-z]|$)' "$log"; then
    echo "sdk/generate.sh: the generator warned (above, also in $log): fix the schema" >&2
    exit 1
  fi
}

mkdir -p "$OUT"
rm -rf "$OUT/openapi.yaml" "$OUT/python" "$OUT/types" "$OUT/venv"

# (a) The schema, as the API serves it now.
step "schema -> $OUT/openapi.yaml"
DEBUG=1 "$PY" manage.py spectacular --validate --fail-on-warn --file "$OUT/openapi.yaml"

# (b) The generated Python client, into the official package's tree.
step "openapi-python-client -> sdk/python/$PACKAGE"
no_warnings "$OUT/python.log" "$BIN/openapi-python-client" generate \
  --path "$OUT/openapi.yaml" --output-path "$OUT/python" \
  --config sdk/openapi-python-client.yaml --fail-on-warning
rm -rf "sdk/python/$PACKAGE"
cp -r "$OUT/python/$PACKAGE" "sdk/python/$PACKAGE"
find "sdk/python/$PACKAGE" -name __pycache__ -prune -exec rm -rf {} +

# (c) `pip install ./sdk/python`, as a user would, into a throwaway venv that sees .venv's
# packages (httpx, attrs, pandas, pytest): no download, and .venv itself is left alone.
step "pip install ./sdk/python -> $OUT/venv"
"$PY" -m venv --without-pip "$OUT/venv"
VENV_SITE=$("$OUT/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
"$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' >"$VENV_SITE/dev-venv.pth"
"$OUT/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
  --no-build-isolation ./sdk/python

step "import every module of $PACKAGE and parley (installed copy)"
(cd "$OUT" && venv/bin/python - <<'PYTHON'
import importlib
import pkgutil

for top in ("parley_api_client", "parley"):
    package = importlib.import_module(top)
    assert "site-packages" in package.__path__[0], package.__path__  # the installed copy
    names = [i.name for i in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    for name in names:
        importlib.import_module(name)
    print(f"imported {len(names) + 1} modules of {top} from {package.__path__[0]}")
PYTHON
)

# (d) Typed end to end: the package, and the user programs written from sdk/README.md.
step "mypy --strict sdk/python and sdk/examples/*.py"
MYPYPATH=sdk/python "$BIN/mypy" --strict --cache-dir "$OUT/.mypy_cache" \
  sdk/python/parley sdk/python/$PACKAGE sdk/examples/*.py

# (e) TypeScript: openapi-typescript types and the openapi-fetch examples. The Node tools
# are pinned by sdk/package-lock.json, installed into build/sdk/node_modules, reinstalled
# only when the lock file changes. No Node: skipped, with the reason (CI has Node).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [[ -n ${PARLEY_SDK_REQUIRED:-} ]]; then
    echo "sdk/generate.sh: node/npm not found, and PARLEY_SDK_REQUIRED is set" >&2
    exit 1
  fi
  printf 'SKIPPED: openapi-typescript types and sdk/examples/*.ts: node/npm not found\n'
else
  if [[ ! -x $OUT/node_modules/.bin/tsc ]] || ! cmp -s sdk/package-lock.json "$OUT/package-lock.json"; then
    step "npm ci (typescript, openapi-typescript, openapi-fetch) -> $OUT/node_modules"
    cp sdk/package.json sdk/package-lock.json "$OUT/"
    (cd "$OUT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  step "openapi-typescript -> $OUT/types/schema.d.ts"
  no_warnings "$OUT/typescript.log" "$OUT/node_modules/.bin/openapi-typescript" \
    "$OUT/openapi.yaml" --output "$OUT/types/schema.d.ts"
  step "tsc --noEmit --strict sdk/examples/*.ts"
  # sdk/examples/tsconfig.json finds openapi-fetch in build/sdk/node_modules.
  "$OUT/node_modules/.bin/tsc" -p sdk/examples/tsconfig.json
fi

step "done"
