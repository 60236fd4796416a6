#!/usr/bin/env bash
# Vendor the explorer's third-party assets (/explore/) from the npm registry into
# events/static/events/vendor/, and record what was copied in VENDORED.md.
#
# Maintainers only: the copies are committed, so users run no build step and the pages load
# nothing from another host. To upgrade, change a version below, run this script, review the
# diff of VENDORED.md and run tests/pages/test_explorer_pages.py (it checks the copies
# against the hashes recorded here) and the browser tests (make browser).
#
# Each package is fetched with `npm pack` (the published tarball only: no dependencies, no
# install scripts run); the files are copied byte for byte, never rebuilt.
set -euo pipefail

# name@exact-version  file-in-package  [more files...]
PACKAGES=(
  "d3@7.9.2 dist/d3.min.js LICENSE"
  "topojson-client@3.1.0 dist/topojson-client.min.js LICENSE"
  "world-atlas@2.0.2 countries-110m.json LICENSE"
)

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/events/static/events/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

command -v npm >/dev/null || { echo "vendor-explorer: npm is needed (Debian: apt-get install npm)" >&2; exit 1; }

rm -rf "$DEST"
mkdir -p "$DEST"
ROWS=""
for entry in "${PACKAGES[@]}"; do
  read -r spec files <<<"$entry"
  name="${spec%@*}"
  version="${spec##*@}"
  mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && npm pack --silent --json "$spec" >pack.json)
  tarball="$WORK/$name/$(node -p "require('$WORK/$name/pack.json')[0].filename")"
  integrity="$(node -p "require('$WORK/$name/pack.json')[0].integrity")"
  tar -xzf "$tarball" -C "$WORK/$name"
  license="$(node -p "require('$WORK/$name/package/package.json').license")"
  packed_version="$(node -p "require('$WORK/$name/package/package.json').version")"
  [ "$packed_version" = "$version" ] || { echo "vendor-explorer: got $name $packed_version, wanted $version" >&2; exit 1; }
  for file in $files; do
    base="$(basename "$file")"
    if [ "$base" = "LICENSE" ]; then
      target="$name.LICENSE.txt"
    else
      target="$base"
    fi
    cp "$WORK/$name/package/$file" "$DEST/$target"
    sha="$(sha256sum "$DEST/$target" | cut -d' ' -f1)"
    ROWS+="| \`$target\` | $name | $version | $license | \`$file\` | \`$integrity\` | \`$sha\` |"$'\n'
  done
  echo "vendor-explorer: $name $version ($license)"
done

cat >"$DEST/VENDORED.md" <<EOF
# Vendored assets of the explorer

Written by \`scripts/vendor-explorer.sh\`; do not edit by hand. Each file is a byte-for-byte
copy of a file of a package published on the npm registry, at the exact version below.
"npm integrity" is the registry's hash of the package tarball (\`npm view NAME@VERSION
dist.integrity\`); "sha256" is the hash of the copied file, checked by
\`tests/pages/test_explorer_pages.py\`. All three packages are under the ISC licence, whose text
is copied beside them. The map data of world-atlas is derived from Natural Earth (public
domain).

| file | package | version | licence | file in package | npm integrity | sha256 |
|---|---|---|---|---|---|---|
${ROWS%$'\n'}
EOF
echo "vendor-explorer: wrote $DEST/VENDORED.md"
