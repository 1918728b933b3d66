// Reading the docs for the tests in this folder (docs/rules/*.md; README.md and
// docs/integrations.md for their configs): fenced code blocks, list items' included, with the
// headings they sit under, and tables. A line scanner, enough for the Markdown the docs use (ATX
// headings, fenced blocks, pipe tables); not a general Markdown parser.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DOCS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'rules');

/** The rule docs, by rule name (`no-unbounded-load` for docs/rules/no-unbounded-load.md). */
export function ruleDocs(): Map<string, string> {
  const docs = new Map<string, string>();
  for (const file of readdirSync(DOCS_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    docs.set(file.slice(0, -'.md'.length), readFileSync(join(DOCS_DIR, file), 'utf8'));
  }
  return docs;
}

export interface CodeBlock {
  /** The first word of the fence's info string, lower case (`ts`, `jsonc`); '' when there is none. */
  lang: string;
  /** The block's content, without the fences. */
  code: string;
  /** The line of the doc (1-based) where the content starts: the line after the opening fence. */
  line: number;
  /** The headings the block sits under, outermost first (`['resilience/x', 'Examples', '❌ Incorrect']`). */
  headings: string[];
  /**
   * The text inside a one-line HTML comment (`<!-- options: {…} -->`) on the last non-blank line
   * before the opening fence, trimmed; null when there is none.
   */
  annotation: string | null;
}

/** An opening fence, indented as in a list item or not: its indent, its marker, its language. */
const FENCE = /^( *)(`{3,}|~{3,})\s*([^\s`]*)/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const COMMENT = /^\s*<!--\s*(.*?)\s*-->\s*$/;

/** Every fenced code block of a Markdown text, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  const headings: { level: number; text: string }[] = [];
  let lastNonBlank: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      const indent = fence[1]!.length;
      const marker = fence[2]!;
      const start = i + 1;
      let end = start;
      while (end < lines.length && !isClosingFence(lines[end]!, marker, indent)) end++;
      if (end === lines.length) throw new Error(`unclosed code fence at line ${i + 1}`);
      const comment = lastNonBlank === null ? null : COMMENT.exec(lastNonBlank);
      blocks.push({
        lang: fence[3]!.toLowerCase(),
        // A fence indented in a list item: its lines lose that indent.
        code: lines
          .slice(start, end)
          .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
          .join('\n'),
        line: start + 1,
        headings: headings.map((h) => h.text),
        annotation: comment ? comment[1]! : null,
      });
      i = end;
      lastNonBlank = lines[end]!;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      while (headings.length > 0 && headings.at(-1)!.level >= level) headings.pop();
      headings.push({ level, text: heading[2]! });
    }
    if (line.trim() !== '') lastNonBlank = line;
  }
  return blocks;
}

function isClosingFence(line: string, opening: string, indent: number): boolean {
  const trimmed = line.trim();
  return (
    trimmed.length >= opening.length &&
    trimmed === opening[0]!.repeat(trimmed.length) &&
    line.length - line.trimStart().length <= indent + 3
  );
}

/**
 * The rows of the first pipe table after the heading `heading` (exact text), header row first,
 * each as its trimmed cells. Pipes inside code spans are not expected (the docs have none).
 */
export function tableAfterHeading(markdown: string, heading: string): string[][] {
  const lines = markdown.split(/\r?\n/);
  const at = lines.findIndex((l) => HEADING.exec(l)?.[2] === heading);
  if (at === -1) throw new Error(`no heading "${heading}"`);
  let i = at + 1;
  while (i < lines.length && !lines[i]!.trimStart().startsWith('|')) {
    if (HEADING.test(lines[i]!)) throw new Error(`no table under "${heading}"`);
    i++;
  }
  const rows: string[][] = [];
  for (; i < lines.length && lines[i]!.trimStart().startsWith('|'); i++) {
    const cells = lines[i]!.trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
    if (cells.every((c) => /^:?-{3,}:?$/.test(c))) continue; // the delimiter row
    rows.push(cells);
  }
  return rows;
}

/** The contents of the code spans of a Markdown text (`` `a`, `b` `` → `['a', 'b']`). */
export function codeSpans(markdown: string): string[] {
  const spans: string[] = [];
  for (const match of markdown.matchAll(/(`+)(.+?)\1(?!`)/g)) spans.push(match[2]!.trim());
  return spans;
}
