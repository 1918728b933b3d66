// What a release needs, checked on every run (CONTRIBUTING.md, "Releasing"): the license the README
// names, a changelog with the version being released, Changesets set up to write it and to tag the
// release `v<version>`, the pre-commit snippets pointing at that tag, the files npm publishes, and
// the Node versions package.json and CONTRIBUTING state for users and for development.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lowestVersion, satisfies } from './versions.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  version: string;
  license: string;
  engines: { node: string };
  devEngines: { runtime: { name: string; version: string } };
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

describe('license', () => {
  it('LICENSE is the MIT license package.json and the README name', () => {
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE').split('\n')[0]).toBe('MIT License');
    expect(read('README.md')).toMatch(/## License\s+MIT/);
  });
});

describe('changelog', () => {
  it('CHANGELOG.md has a section for the version in package.json', () => {
    const changelog = read('CHANGELOG.md');
    expect(changelog.split('\n')[0]).toBe('# eslint-plugin-resilience');
    expect(changelog.split('\n')).toContain(`## ${pkg.version}`);
  });

  it('Changesets writes it: one file per change in .changeset/, the public package, tags from main', () => {
    const config = JSON.parse(read('.changeset/config.json')) as Record<string, unknown>;
    expect(config).toMatchObject({ changelog: '@changesets/cli/changelog', access: 'public', baseBranch: 'main', commit: false });
    expect(pkg.devDependencies['@changesets/cli']).toBeDefined();
    expect(pkg.scripts['release:version']).toBe('changeset version && node scripts/sync-rev.mjs');
    expect(pkg.scripts.release).toBe('changeset publish');
  });
});

describe('the pre-commit snippets point at the tag a release creates', () => {
  // `changeset publish` tags a single package's release `v<version>`.
  it.each(['README.md', 'docs/integrations.md', '.pre-commit-hooks.yaml'])('%s', (file) => {
    const revs = [...read(file).matchAll(/^\s*#?\s*rev: (\S+)$/gm)].map((m) => m[1]);
    expect(revs.length).toBeGreaterThan(0);
    expect(
      revs.every((rev) => rev === `v${pkg.version}`),
      revs.join(', '),
    ).toBe(true);
  });
});

describe('what npm publishes', () => {
  it('the built plugin and its types, the rule docs, README, CHANGELOG and LICENSE, and nothing else', () => {
    // --ignore-scripts: the files of the current build, without building again.
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
    ) as Array<{ files: Array<{ path: string }> }>;
    const files = packed!.files.map((f) => f.path).sort();
    const ruleDocs = files.filter((f) => f.startsWith('docs/rules/'));
    expect(ruleDocs.length).toBeGreaterThan(0);
    expect(files.filter((f) => !ruleDocs.includes(f))).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.js',
      'docs/integrations.md',
      'package.json',
    ]);
  });
});

describe('Node versions', () => {
  it('users: engines, stated in the README (tests/e2e runs the plugin on its lowest version)', () => {
    expect(read('README.md')).toContain(`**Node** \`${pkg.engines.node}\``);
  });

  it('development: devEngines, which every devDependency supports from its lowest version, stated in CONTRIBUTING', () => {
    expect(pkg.devEngines.runtime.name).toBe('node');
    const lowest = lowestVersion(pkg.devEngines.runtime.version);
    const unsupported = Object.keys(pkg.devDependencies).flatMap((name) => {
      const manifest = join(root, 'node_modules', name, 'package.json');
      if (!existsSync(manifest)) return [];
      const range = (JSON.parse(readFileSync(manifest, 'utf8')) as { engines?: { node?: string } }).engines?.node;
      return range && !satisfies(lowest, range) ? [`${name} (${range})`] : [];
    });
    expect(unsupported, `Node ${lowest}`).toEqual([]);
    expect(read('CONTRIBUTING.md')).toContain(`Node \`${pkg.devEngines.runtime.version}\``);
  });
});
