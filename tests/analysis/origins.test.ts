// One answer to "where does this binding come from", whatever the module system or compiler wrote.
import { ScopeType, analyze } from '@typescript-eslint/scope-manager';
import { describe, expect, it } from 'vitest';
import { moduleOfVariable, originOfVariable, topLevelModules } from '../../src/analysis/js/index.js';
import { parseProgram } from './parse.js';

/** The origin of every variable the program declares at its top level, by name. */
function origins(code: string): Record<string, string | null> {
  const program = parseProgram(code);
  const scopes = analyze(program, { sourceType: 'module' });
  const out: Record<string, string | null> = {};
  for (const scope of scopes.scopes) {
    if (scope.type !== ScopeType.module) continue;
    for (const variable of scope.variables) {
      const origin = originOfVariable(variable);
      out[variable.name] = origin ? `${origin.module}#${origin.imported}` : null;
    }
  }
  return out;
}

describe('originOfVariable', () => {
  it('reads ESM imports: default, namespace, named and renamed', () => {
    expect(origins("import a from 'm'; import * as b from 'm'; import { c, d as e } from 'm';")).toEqual({
      a: 'm#default',
      b: 'm#*',
      c: 'm#c',
      e: 'm#d',
    });
  });

  it('reads require() in any quoting, with a member, destructured, and behind interop helpers', () => {
    expect(
      origins(`const a = require("mssql");
const b = require('knex').knex;
const { c, d: e = 1 } = require(\`redis\`);
const f = __importDefault(require("ioredis"));
const g = (0, tslib.__importStar)(require('pg'));
const h = 42;`),
    ).toEqual({ a: 'mssql#*', b: 'knex#knex', c: 'redis#c', e: 'redis#d', f: 'ioredis#*', g: 'pg#*', h: null });
  });

  it('reads import x = require() and await import()', () => {
    expect(origins("import a = require('mssql'); const b = await import('oracledb');")).toEqual({ a: 'mssql#*', b: 'oracledb#*' });
  });

  it('moduleOfVariable is the module alone', () => {
    const program = parseProgram('const sql = require("mssql");');
    const [variable] = analyze(program, { sourceType: 'module' }).scopes.find((s) => s.type === ScopeType.module)!.variables;
    expect(moduleOfVariable(variable!)).toBe('mssql');
  });
});

describe('topLevelModules', () => {
  it('lists every module a file imports, requires or re-exports, whatever the quotes', () => {
    const program = parseProgram(`import a from 'a';
import b = require('b');
const c = require("c"), d = require('d').x;
const e = __importDefault(require("e"));
export { f } from 'f';
export * from 'g';
function later() { return require('h'); }`);
    expect([...topLevelModules(program)].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('is computed once per program', () => {
    const program = parseProgram("import a from 'a';");
    expect(topLevelModules(program)).toBe(topLevelModules(program));
  });
});
