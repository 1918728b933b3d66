#!/usr/bin/env bash
# `npm run sample`: lint the bundled sample project (sample/) with the plugin built from this
# repository, and print what it finds. Extra arguments go to eslint:
#   npm run sample -- --format json
#
# Exit 0 when ESLint ran, with or without findings (findings are the point of the sample);
# non-zero when the install or build failed or ESLint itself crashed or rejected the config.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

node scripts/ensure-install.mjs

build_log=.cache/sample-build.log
mkdir -p .cache
if ! npm run -s build >"${build_log}" 2>&1; then
  cat "${build_log}" >&2
  echo "sample: the build failed (output above)" >&2
  exit 1
fi

cd sample
echo "sample: eslint sample/ with resilience/recommended (plugin from dist/)"
status=0
../node_modules/.bin/eslint "$@" . || status=$?

case "${status}" in
  0) echo "sample: eslint found nothing (the files marked ✗ should have been reported)" ;;
  1) echo "sample: eslint reported the findings above (lines marked ✗ in sample/src are the incident)" ;;
  *)
    echo "sample: eslint failed to run (exit ${status})" >&2
    exit "${status}"
    ;;
esac
