#!/bin/sh
# Compiles the contracts into $1 (ABI and bytecode) with the pinned solc from npm; installs the npm packages
# (solc, and the anvil development node) when they are missing or older than package-lock.json.
set -eu
cd "$(dirname "$0")"
out="${1:?usage: build.sh OUTPUT_DIR}"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node compile.mjs "$out"
