#!/usr/bin/env bash
# The full check, as CI runs it (`npm test`, `.ci/run`). Works on a fresh clone without node_modules.
#
#   install (npm ci when needed) -> build -> typecheck -> lint -> docs check -> npm publish --dry-run
#   -> vitest on ESLint 10 (locked) -> vitest e2e (once; installs its projects from the npm registry)
#   -> corpus subset (npm pack of the entries marked "ci" in bench/corpus.json): no crash with
#      recommended and strict, every fix and suggestion re-parses, the precision ledgers (recommended,
#      and what strict adds) match,
#      recall on the census files of the subset is at or above the figure recorded in the census
#   -> vitest on ESLint 9 -> one line: tests: N passed, N failed
#
# Every step runs even when an earlier one failed, so one run shows every problem; the exit code
# is non-zero if any step or any test failed, or if a vitest run executed no tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

results=.cache/test-results
failed_steps=()

# step NAME CMD...: runs CMD, records NAME if it fails, and always returns 0 (so `set -e` does not
# stop the run); `last_ok` says whether it passed.
last_ok=true
step() {
  local name=$1
  shift
  echo
  echo "==> ${name}"
  if "$@"; then
    last_ok=true
  else
    echo "==> ${name}: FAILED" >&2
    failed_steps+=("${name}")
    last_ok=false
  fi
}

restore_eslint() {
  node scripts/eslint9.mjs restore >/dev/null 2>&1 || echo "==> could not restore node_modules/eslint; run npm ci" >&2
}
trap restore_eslint EXIT
trap 'exit 130' INT TERM

vitest_run() {
  local major=$1
  RESILIENCE_EXPECT_ESLINT_MAJOR="${major}" node_modules/.bin/vitest run \
    --reporter=default --reporter=json --outputFile.json="${results}/eslint${major}.json"
}

rm -rf "${results}"
mkdir -p "${results}"

step install node scripts/ensure-install.mjs
if ${last_ok}; then
  step build npm run -s build
  step typecheck npm run -s typecheck
  step lint npm run -s lint
  step "docs check" node_modules/.bin/eslint-doc-generator --check
  # What a release publishes, built the way `npm publish` builds it (prepack); nothing is uploaded.
  step "npm publish --dry-run" npm publish --dry-run

  step "vitest (ESLint $(node scripts/eslint9.mjs which))" vitest_run 10
  step "vitest e2e (examples/ installed from npm pack)" \
    node_modules/.bin/vitest run --config vitest.e2e.config.ts \
    --reporter=default --reporter=json --outputFile.json="${results}/e2e.json"

  step "corpus: fetch the CI subset" node scripts/corpus-fetch.mjs --subset
  if ${last_ok}; then
    step "corpus: no crash, no parse failure (recommended, strict)" \
      node scripts/corpus-lint.mjs --subset --show 0 --json "${results}/corpus.json"
    step "corpus: precision ledger" node scripts/ledger.mjs check --subset --report "${results}/corpus.json"
    step "corpus: strict ledger" node scripts/strict-ledger.mjs check --subset --report "${results}/corpus.json"
    step "corpus: recall census" node scripts/recall.mjs --subset --check --report "${results}/corpus.json"
    step "corpus: every fix and suggestion re-parses" node scripts/corpus-lint.mjs --fix-check --subset --show 0
  fi

  step "switch to ESLint 9" node scripts/eslint9.mjs use
  if ${last_ok}; then
    step "vitest (ESLint $(node scripts/eslint9.mjs which))" vitest_run 9
  fi
  step "restore ESLint 10" node scripts/eslint9.mjs restore
fi

echo
if ((${#failed_steps[@]} > 0)); then
  printf '==> failed steps: %s\n' "$(IFS=,; echo "${failed_steps[*]}")" >&2
fi
summary_status=0
node scripts/test-summary.mjs "eslint10=${results}/eslint10.json" "eslint9=${results}/eslint9.json" "e2e=${results}/e2e.json" ||
  summary_status=$?
if ((${#failed_steps[@]} > 0 || summary_status != 0)); then
  exit 1
fi
