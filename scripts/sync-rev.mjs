// After `changeset version` (`npm run release:version`): points the pre-commit snippets at the
// tag the release will create, `v<version>` (what `changeset publish` tags a single package with),
// in README.md, docs/integrations.md and .pre-commit-hooks.yaml. tests/release.test.ts checks them.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

for (const file of ['README.md', 'docs/integrations.md', '.pre-commit-hooks.yaml']) {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const updated = text.replace(/^(\s*#?\s*rev: )v\S+$/gm, `$1v${version}`);
  if (updated !== text) {
    writeFileSync(path, updated);
    console.log(`${file}: rev: v${version}`);
  }
}
