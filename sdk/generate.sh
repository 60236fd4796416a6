#!/usr/bin/env bash
# Generated SDKs, regenerated from the current schema on every run:
#   build/sdk/openapi.yaml     the schema, exported by drf-spectacular
#   build/sdk/python/          Python client (openapi-python-client), pip-installed (editable)
#                              into .venv, every module imported, type-checked by mypy --strict
#   build/sdk/typescript/      TypeScript client (openapi-generator typescript-fetch), compiled
#                              by tsc into build/sdk/typescript/dist         (needs java + node)
#   build/sdk/types/schema.d.ts  openapi-typescript types; sdk/example.ts type-checked
#                              against them with tsc --noEmit --strict        (needs node)
# Writes only under build/sdk/ (and installs the Python client into .venv). A missing Java
# or Node prints "SKIPPED: ..." and the rest goes on; any real failure exits non-zero.
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
skip() { printf 'SKIPPED: %s\n' "$1"; }

mkdir -p "$OUT"
rm -rf "$OUT/openapi.yaml" "$OUT/python" "$OUT/typescript" "$OUT/types"

# (a) The schema, as the API serves it now.
step "schema -> $OUT/openapi.yaml"
DEBUG=1 "$PY" manage.py spectacular --validate --file "$OUT/openapi.yaml"

# (b) Python client, installed into the venv. Warnings fail: they mean missing pieces.
step "Python client -> $OUT/python"
"$BIN/openapi-python-client" generate --path "$OUT/openapi.yaml" --output-path "$OUT/python" \
  --config sdk/openapi-python-client.yaml --fail-on-warning
"$PY" -m pip install --quiet --disable-pip-version-check --no-build-isolation \
  --editable "$OUT/python"

# (c) Every module imports, and the whole package type-checks.
step "import every module of $PACKAGE"
(cd "$OUT" && "$PY" - "$PACKAGE" <<'PYTHON'
import importlib
import pkgutil
import sys

package = importlib.import_module(sys.argv[1])
names = [info.name for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
for name in names:
    importlib.import_module(name)
print(f"imported {len(names) + 1} modules of {package.__name__} from {package.__path__[0]}")
PYTHON
)
step "mypy --strict $PACKAGE"
"$BIN/mypy" --strict --cache-dir "$OUT/.mypy_cache" "$OUT/python/$PACKAGE"

# Node tools (tsc from typescript@5, openapi-typescript), pinned by sdk/package-lock.json and
# installed into build/sdk/node_modules; reinstalled only when the lock file changes.
NODE_OK=""
if ! command -v node >/dev/null 2>&1; then
  NODE_WHY="node not found"
elif ! command -v npm >/dev/null 2>&1 || ! command -v npx >/dev/null 2>&1; then
  NODE_WHY="npm/npx not found"
else
  NODE_OK=1
fi
node_tools() {
  if [[ -x $OUT/node_modules/.bin/tsc ]] && cmp -s sdk/package-lock.json "$OUT/package-lock.json"; then
    return
  fi
  step "npm ci (typescript, openapi-typescript) -> $OUT/node_modules"
  cp sdk/package.json sdk/package-lock.json "$OUT/"
  (cd "$OUT" && npm ci --no-audit --no-fund --loglevel=error)
}
TSC=$ROOT/$OUT/node_modules/.bin/tsc

# (d) TypeScript client: openapi-generator (the jar bundled in the PyPI package) on Java.
if ! command -v java >/dev/null 2>&1; then
  skip "TypeScript client (typescript-fetch): java not found; openapi-generator needs Java 11+"
else
  step "TypeScript client (typescript-fetch) -> $OUT/typescript"
  if ! "$BIN/openapi-generator-cli" generate --generator-name typescript-fetch \
    --input-spec "$OUT/openapi.yaml" --output "$OUT/typescript" >"$OUT/typescript.log" 2>&1; then
    cat "$OUT/typescript.log" >&2
    echo "sdk/generate.sh: openapi-generator failed (log above, also in $OUT/typescript.log)" >&2
    exit 1
  fi
  # The generator's warnings (each distinct one once, with its count): schema smells.
  grep -E '\] (WARN|ERROR) ' "$OUT/typescript.log" | sort | uniq -c || true
  if [[ -z $NODE_OK ]]; then
    skip "compiling the TypeScript client with tsc: $NODE_WHY"
  else
    node_tools
    step "tsc --strict: compile the TypeScript client -> $OUT/typescript/dist"
    "$TSC" --strict --target es2020 --module es2020 --moduleResolution node \
      --lib es2020,dom --declaration --outDir "$OUT/typescript/dist" "$OUT/typescript/index.ts"
  fi
fi

# (e) openapi-typescript types, and the committed usage example checked against them.
if [[ -z $NODE_OK ]]; then
  skip "openapi-typescript types and sdk/example.ts: $NODE_WHY"
else
  node_tools
  step "openapi-typescript -> $OUT/types/schema.d.ts"
  "$OUT/node_modules/.bin/openapi-typescript" "$OUT/openapi.yaml" --output "$OUT/types/schema.d.ts"
  step "tsc --noEmit --strict sdk/example.ts"
  "$TSC" --noEmit --strict --target es2022 --module es2022 --moduleResolution bundler \
    --lib es2022,dom sdk/example.ts
fi

step "done"
