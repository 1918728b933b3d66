// The editor: the ESLint language server from vscode-langservers-extracted (what VS Code's ESLint
// extension is built on, and what Neovim, Helix and Zed run), driven over stdio as an editor
// drives it, on a file of the installed example. Diagnostics are pulled (`textDocument/diagnostic`);
// a suggestion comes back as an `eslint.applySuggestion` command whose execution sends the edit
// back as `workspace/applyEdit`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { context, finding, markedFindings, runOk } from './harness.js';
import { LspClient } from './lsp-client.js';

const { root, eslint10, eslint9 } = context();
const SERVER = join(root, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');
const FILE = 'src/sync-services.ts';
/**
 * One line in a Problems panel or a hover, not a paragraph: a message template (with its
 * `{{placeholders}}`) and a message as shown (placeholders filled, code excerpts shortened).
 */
const MAX_TEMPLATE_LENGTH = 240;
const MAX_SHOWN_LENGTH = 320;

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface Diagnostic {
  range: Range;
  message: string;
  code?: string;
  codeDescription?: { href: string };
  source?: string;
}
interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}
interface CodeAction {
  title: string;
  kind?: string;
  command?: Command;
}
interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: Array<{ textDocument: { uri: string }; edits: TextEdit[] }>;
}

/**
 * The settings VS Code's ESLint extension sends for a document, complete: the server reads each
 * of these and fails on a missing one. `experimental.useFlatConfig` stays unset (flat config is
 * the default since ESLint 9, and the flag breaks under ESLint 10).
 */
function settingsFor(dir: string) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    experimental: {},
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder: { name: 'example', uri: pathToFileURL(dir).href },
  };
}

function offsetOf(text: string, { line, character }: Position): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

/** Applies LSP text edits (non-overlapping, in any order) to a text. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, offsetOf(text, edit.range.start)) + edit.newText + result.slice(offsetOf(text, edit.range.end));
  }
  return result;
}

function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  return edit.documentChanges?.find((change) => change.textDocument.uri === uri)?.edits ?? edit.changes?.[uri] ?? [];
}

interface RuleMeta {
  docs: { url: string; description: string };
  messages: Record<string, string>;
}

/** meta of every rule, read from the plugin as the example installed it. */
async function installedRules(dir: string): Promise<Record<string, RuleMeta>> {
  const script = `import('eslint-plugin-resilience').then(({ default: p }) => console.log(JSON.stringify(
    Object.fromEntries(Object.entries(p.rules).map(([name, rule]) => [name, { docs: rule.meta.docs, messages: rule.meta.messages }])))))`;
  return JSON.parse(await runOk(process.execPath, ['-e', script], { cwd: dir })) as Record<string, RuleMeta>;
}

describe.each([
  ['ESLint 10', eslint10],
  ['ESLint 9', eslint9],
])('ESLint language server (vscode-langservers-extracted) on the example, %s', (_label, dir) => {
  const path = join(dir, FILE);
  const uri = pathToFileURL(path).href;
  const text = readFileSync(path, 'utf8');
  const appliedEdits: WorkspaceEdit[] = [];
  let client: LspClient;
  let diagnostics: Diagnostic[];
  let rules: Record<string, RuleMeta>;

  beforeAll(async () => {
    rules = await installedRules(dir);
    client = new LspClient(process.execPath, [SERVER, '--stdio'], dir);
    client.onRequest('workspace/configuration', (params) => (params as { items: unknown[] }).items.map(() => settingsFor(dir)));
    client.onRequest('workspace/applyEdit', (params) => {
      appliedEdits.push((params as { edit: WorkspaceEdit }).edit);
      return { applied: true };
    });
    await client.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'resilience-e2e' },
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ name: 'example', uri: pathToFileURL(dir).href }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          publishDiagnostics: { codeDescriptionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll.eslint'] } } },
        },
      },
    });
    client.notify('initialized', {});
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    const report = await client.request<{ kind: string; items: Diagnostic[] }>(
      'textDocument/diagnostic',
      { textDocument: { uri } },
      60_000,
    );
    diagnostics = report.items;
  });

  afterAll(async () => {
    await client?.stop();
  });

  it('pulls a diagnostic for each ✗-marked line of the file: the timeout sentinel and the unbounded load', () => {
    const expected = markedFindings(dir, { typed: false }).filter((f) => f.startsWith(`${FILE}:`));
    expect(expected.map((f) => f.split(' ')[1])).toEqual(
      expect.arrayContaining(['resilience/no-timeout-sentinel', 'resilience/no-unbounded-load']),
    );
    const reported = diagnostics.map((d) => finding(FILE, d.range.start.line + 1, d.code ?? `no code: ${d.message}`)).sort();
    expect(reported, client.tail()).toEqual(expected);
    for (const diagnostic of diagnostics) expect(diagnostic.source).toBe('eslint');
  });

  it("links each diagnostic to its rule's documentation (codeDescription.href = meta.docs.url)", () => {
    for (const diagnostic of diagnostics) {
      const name = diagnostic.code?.replace(/^resilience\//, '') ?? '';
      expect(diagnostic.codeDescription?.href).toBe(rules[name]?.docs.url);
    }
  });

  it('shows every message as one line of sensible length', () => {
    for (const { message } of diagnostics) {
      expect(message).not.toMatch(/[\r\n]|\{\{|\}\}/);
      expect(message).toBe(message.trim());
      expect(message.length, message).toBeLessThanOrEqual(MAX_SHOWN_LENGTH);
    }
  });

  it("applies the sentinel's suggestion through eslint.applySuggestion and workspace/applyEdit", async () => {
    const sentinel = diagnostics.find((d) => d.code === 'resilience/no-timeout-sentinel');
    if (!sentinel) throw new Error(`no sentinel diagnostic\n${client.tail()}`);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: sentinel.range,
      context: { diagnostics: [sentinel], only: ['quickfix'] },
    });
    const titles = actions.map((a) => a.title);
    // One suggestion per typed-error repair, then the editor's own "disable" and "show docs" actions.
    const suggestions = actions.filter((a) => a.command?.command === 'eslint.applySuggestion');
    expect(suggestions.length, titles.join('\n')).toBeGreaterThan(0);
    for (const suggestion of suggestions) expect(suggestion.title).toMatch(/ \(resilience\/no-timeout-sentinel\)$/);
    expect(titles).toContain('Show documentation for resilience/no-timeout-sentinel');

    // With no `timeoutError` option the fix uses the platform's own typed timeout error.
    const chosen = suggestions.find((a) => a.title.includes('DOMException'));
    if (!chosen?.command) throw new Error(`no DOMException suggestion among:\n${titles.join('\n')}`);
    const before = appliedEdits.length;
    await client.request('workspace/executeCommand', { command: chosen.command.command, arguments: chosen.command.arguments });
    expect(appliedEdits.length, client.tail()).toBe(before + 1);

    const edited = applyEdits(text, editsFor(appliedEdits[before]!, uri));
    expect(edited).toBe(
      text.replace('return [0, null]; // ✗', "return [0, new DOMException('latestRevision timed out', 'TimeoutError')]; // ✗"),
    );
    expect(edited).not.toBe(text);
  });
});

describe('rule metadata as editors show it', () => {
  it("every rule's meta.docs.url is its page in this repository, docs/rules/<name>.md", async () => {
    const rules = await installedRules(eslint10);
    for (const [name, meta] of Object.entries(rules)) {
      const url = new URL(meta.docs.url);
      const path = url.pathname.split('/blob/main/')[1];
      expect(path, meta.docs.url).toBe(`docs/rules/${name}.md`);
      expect(existsSync(join(root, path!)), `${path} in the repository`).toBe(true);
      expect(existsSync(join(eslint10, 'node_modules/eslint-plugin-resilience', path!)), `${path} in the package`).toBe(true);
    }
  });

  it('every message and suggestion of every rule is one line of sensible length', async () => {
    const rules = await installedRules(eslint10);
    for (const [name, meta] of Object.entries(rules)) {
      for (const [id, message] of Object.entries(meta.messages)) {
        expect(message, `${name}.${id}`).not.toMatch(/[\r\n]/);
        expect(message, `${name}.${id}`).toBe(message.trim());
        expect(message.length, `${name}.${id}: ${message}`).toBeLessThanOrEqual(MAX_TEMPLATE_LENGTH);
      }
    }
  });
});
