import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { anyWordSource, textMentions } from '../../src/util/text-gate.js';

type Context = TSESLint.RuleContext<string, readonly unknown[]>;

/** A pattern that counts its scans. */
class Counted extends RegExp {
  scans = 0;
  override test(text: string): boolean {
    this.scans++;
    return super.test(text);
  }
}

/** Lints `code` with two rules that both ask whether it mentions `pattern`, `lints` times on one parsed file. */
function lintTwice(code: string, pattern: RegExp, lints: number): boolean[] {
  const seen: boolean[] = [];
  const asker = { create: (context: Context) => (seen.push(textMentions(context, pattern)), {}) };
  const config = [{ plugins: { t: { rules: { a: asker, b: asker } } }, rules: { 't/a': 'error', 't/b': 'error' } }] as unknown as Linter.Config[];
  const linter = new Linter({ configType: 'flat' });
  linter.verify(code, config);
  const sourceCode = linter.getSourceCode();
  for (let i = 1; i < lints; i++) linter.verify(sourceCode, config);
  return seen;
}

describe('textMentions', () => {
  it('scans once per lint, shared by the rules of that lint, and again in the next lint of the same parsed file', () => {
    const pattern = new Counted('timeout');
    expect(lintTwice('const timeout = 10;', pattern, 3)).toEqual([true, true, true, true, true, true]);
    expect(pattern.scans).toBe(3);
  });

  it('answers from the text', () => {
    expect(lintTwice('const rows = load();', new Counted('timeout'), 1)).toEqual([false, false]);
  });

  it('shares nothing where the context does not inherit from a per-file context', () => {
    const pattern = new Counted('x');
    const sourceCode = { text: 'x' };
    const a = Object.freeze(Object.create(Object.prototype, { sourceCode: { value: sourceCode } })) as Context;
    const b = Object.freeze({ sourceCode }) as unknown as Context;
    expect(textMentions(a, pattern) && textMentions(b, pattern) && textMentions(b, pattern)).toBe(true);
    expect(pattern.scans).toBe(2);
  });
});

describe('anyWordSource', () => {
  it('matches the words as written, special characters included', () => {
    const pattern = new RegExp(anyWordSource(['$transaction', 'a.b', 'knex']));
    expect(['prisma.$transaction(fn)', 'x.a.b', 'knex(t)'].map((text) => pattern.test(text))).toEqual([true, true, true]);
    expect(['transaction', 'axb', 'Knex'].map((text) => pattern.test(text))).toEqual([false, false, false]);
  });

  it('leaves out a word that contains another, ignoring case when asked', () => {
    expect(anyWordSource(['knex', 'nestjs-knex', 'knexClient', 'trx'])).toBe('knex|trx');
    expect(anyWordSource(['Knex', 'knex', 'MikroORM'], true)).toBe('knex|mikroorm');
    expect(anyWordSource(['Knex', 'knex'])).toBe('Knex|knex');
  });
});
