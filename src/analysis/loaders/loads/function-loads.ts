import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { lastName, literalString, unwrap } from '../../js/ast.js';
import { addNamedImport, assignedValues, findVariable } from '../../js/imports.js';
import { nameRef, unwrapSequence } from '../../js/index.js';
import { type FunctionLoader, type LibraryEntry, moduleMatches } from '../catalog.js';
import { isKeyCondition } from './builder-bounds.js';
import { orList, type LoadFinding, type LoadSuggestion } from './finding.js';
import { limitText } from '../fixes.js';
import { type LoadContext, isExempt, isSmallEntity } from './load-context.js';
import { DefinitionType } from '../../js/definitions.js';

// Query functions: `getDocs(query(collection(db, 'users'), where(…)))`, a query composed of calls
// of the library's functions and run by one of them. Every call is known by its import.

type Node = TSESTree.Node;
type Expression = TSESTree.Expression;

/** What a query argument reads: everything (and where a bound would go), a bounded set, or what cannot be seen. */
type Verdict =
  | { kind: 'unbounded'; fix: { kind: 'refine'; call: TSESTree.CallExpression } | { kind: 'source'; call: TSESTree.CallExpression } | null }
  | { kind: 'bounded' }
  | { kind: 'unknown' };

const BOUNDED: Verdict = { kind: 'bounded' };
const UNKNOWN: Verdict = { kind: 'unknown' };

interface Judge {
  ctx: LoadContext;
  library: LibraryEntry;
  loader: FunctionLoader;
  /** Variables being judged: `q = query(q, where(…))` reads the value `q` already had. */
  visiting: Set<TSESLint.Scope.Variable>;
}

/** The library function a call calls (`collection`, or `fs.collection` of a namespace import), with its module. */
function libraryCall(judge: Judge, node: Node): { name: string; module: string; call: TSESTree.CallExpression } | null {
  const target = unwrap(node);
  if (target.type !== AST_NODE_TYPES.CallExpression) return null;
  const ref = nameRef(target.callee, judge.ctx.scopeOf);
  if (!ref?.origin || !moduleMatches(judge.library, ref.origin.module)) return null;
  return { name: ref.origin.imported, module: ref.origin.module, call: target };
}

/** `f(q)` where `f` runs a query (`getDocs`): the finding, if the query has no bound. */
export function functionLoadFinding(
  ctx: LoadContext,
  call: TSESTree.CallExpression,
  entries: readonly { library: LibraryEntry; loader: FunctionLoader }[],
): LoadFinding | null {
  for (const { library, loader } of entries) {
    const judge: Judge = { ctx, library, loader, visiting: new Set() };
    const run = libraryCall(judge, call);
    if (!run || !loader.runs.includes(run.name)) continue;
    const query = call.arguments[0];
    if (!query || query.type === AST_NODE_TYPES.SpreadElement) return null;
    const verdict = judgeQuery(judge, query, 0);
    if (verdict.kind !== 'unbounded') return null;
    if (isExempt(ctx, call, [query])) return null;
    const inner = unwrap(query);
    const innerName = inner.type === AST_NODE_TYPES.CallExpression ? `${lastName(unwrapSequence(inner.callee)) ?? ''}(…)` : lastName(inner);
    const callee = unwrapSequence(call.callee);
    const runName = lastName(callee) ?? run.name;
    return {
      node: callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee,
      messageId: 'unboundedCall',
      data: {
        construct: `${runName}(${innerName ?? '…'})`,
        unit: loader.unit,
        bound: orList(loader.bounds.map((b) => `\`${b}()\``)),
      },
      suggest: verdict.fix ? boundSuggestion(judge, call, verdict.fix) : [],
    };
  }
  return null;
}

/** Whether a query reads everything: a source, refined by constraints none of which bounds it. */
function judgeQuery(judge: Judge, node: Node, depth: number): Verdict {
  if (depth > 4) return UNKNOWN;
  const target = unwrap(node);
  if (target.type === AST_NODE_TYPES.Identifier) return judgeVariable(judge, target, depth);
  const called = libraryCall(judge, target);
  if (!called) return UNKNOWN;
  const { loader, ctx } = judge;
  if (loader.sources.includes(called.name)) {
    // `collection(db, 'roles')`, `collection(db, 'users', id, 'roles')`: the last segment names it.
    const name = called.call.arguments.at(-1);
    if (name && name.type !== AST_NODE_TYPES.SpreadElement && literalString(name) !== null && isSmallEntity(ctx, name)) return BOUNDED;
    return { kind: 'unbounded', fix: { kind: 'source', call: called.call } };
  }
  if (!loader.refines.includes(called.name)) return UNKNOWN;
  const [base, ...constraints] = called.call.arguments;
  if (!base || base.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
  for (const constraint of constraints) {
    const verdict = judgeConstraint(judge, constraint, depth);
    if (verdict !== null) return verdict;
  }
  const inner = judgeQuery(judge, base, depth + 1);
  return inner.kind === 'unbounded' ? { kind: 'unbounded', fix: { kind: 'refine', call: called.call } } : inner;
}

/** A constraint of `query(q, …)`: a bound or a key filter (bounded), one the rule cannot see (unknown), or null for neither. */
function judgeConstraint(judge: Judge, node: TSESTree.CallExpressionArgument, depth: number): Verdict | null {
  if (node.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
  let target = unwrap(node);
  // `const byOwner = where('owner', '==', uid)`: a constraint kept in a constant.
  if (target.type === AST_NODE_TYPES.Identifier) {
    const init = constantInit(judge.ctx, target);
    if (!init || depth > 4) return UNKNOWN;
    target = unwrap(init);
  }
  const called = libraryCall(judge, target);
  if (!called) return UNKNOWN;
  if (judge.loader.bounds.includes(called.name)) return BOUNDED;
  if (judge.loader.filters.includes(called.name) && isKeyCondition(judge.ctx, undefined, called.call.arguments, called.name))
    return BOUNDED;
  return null;
}

/** A variable holding a query: every value it is given must read everything. */
function judgeVariable(judge: Judge, identifier: TSESTree.Identifier, depth: number): Verdict {
  const variable = findVariable(judge.ctx.scopeOf(identifier), identifier.name);
  const def = variable?.defs[0];
  if (variable && judge.visiting.has(variable)) return { kind: 'unbounded', fix: null };
  if (!variable || variable.defs.length !== 1 || def?.type !== DefinitionType.Variable) return UNKNOWN;
  const declarator = def.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return UNKNOWN;
  const values = assignedValues(variable);
  if (!values) return UNKNOWN;
  const reads = variable.references.filter((reference) => !reference.init && !reference.isWrite()).length;
  let verdict: Verdict | null = null;
  judge.visiting.add(variable);
  try {
    for (const value of values) {
      const one = judgeQuery(judge, value, depth + 1);
      if (one.kind !== 'unbounded') return one;
      verdict ??= one;
    }
  } finally {
    judge.visiting.delete(variable);
  }
  // A bound written into the one value the variable ever holds, where this is its only use.
  const fixable = values.length === 1 && reads === 1;
  return verdict && !fixable ? { kind: 'unbounded', fix: null } : (verdict ?? UNKNOWN);
}

function constantInit(ctx: LoadContext, identifier: TSESTree.Identifier): Expression | null {
  const def = findVariable(ctx.scopeOf(identifier), identifier.name)?.defs[0];
  if (def?.type !== DefinitionType.Variable || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const')
    return null;
  return def.node.init ?? null;
}

/** `query(q, where(…), limit(100))`, `query(collection(db, 'x'), limit(100))`: the suggestion, with the imports it needs. */
function boundSuggestion(
  judge: Judge,
  call: TSESTree.CallExpression,
  fix: { kind: 'refine' | 'source'; call: TSESTree.CallExpression },
): LoadSuggestion[] {
  const { ctx, loader } = judge;
  const { sourceCode } = ctx;
  const bound = loader.bounds[0];
  const refine = loader.refines[0];
  if (!bound || !refine) return [];
  const limit = limitText(sourceCode, call, ctx.settings.limit);
  const boundName = exportName(judge, fix.call, bound);
  const refineName = fix.kind === 'source' ? exportName(judge, fix.call, refine) : null;
  if (!boundName || (fix.kind === 'source' && !refineName)) return [];
  const text = `${boundName.text}(${limit.text})`;
  return [
    {
      messageId: 'addOption',
      data: { text },
      fix: (fixer) => {
        const fixes: TSESLint.RuleFix[] = [];
        if (fix.kind === 'refine') {
          const last = fix.call.arguments.at(-1)!;
          fixes.push(fixer.insertTextAfter(last, `, ${text}`));
        } else {
          fixes.push(fixer.replaceText(fix.call, `${refineName!.text}(${sourceCode.getText(fix.call)}, ${text})`));
        }
        // Merged into one import when both are new: `addNamedImport` of the second sees the file as it was.
        const missing = [refineName, boundName].filter((n) => n?.module);
        if (missing.length > 0) fixes.push(addNamedImport(fixer, sourceCode, missing.map((n) => n!.text).join(', '), missing[0]!.module!));
        return fixes;
      },
    },
  ];
}

/**
 * How the file can call the library's export `name` where `beside` (a call of the library) is: a
 * binding it already has (`limit`, `fs.limit` of a namespace), or `name` itself imported from
 * `beside`'s module when that name is free. Null when it is taken by something else.
 */
function exportName(judge: Judge, beside: TSESTree.CallExpression, name: string): { text: string; module: string | null } | null {
  const { ctx } = judge;
  const callee = unwrapSequence(beside.callee);
  const ref = nameRef(callee, ctx.scopeOf);
  if (!ref?.origin) return null;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    // `fs.collection(…)` of `import * as fs`: `fs.limit`.
    const object = unwrapSequence(callee.object);
    return object.type === AST_NODE_TYPES.Identifier ? { text: `${object.name}.${name}`, module: null } : null;
  }
  const scope = ctx.scopeOf(beside);
  const program = ctx.sourceCode.ast;
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type') continue;
    if (!moduleMatches(judge.library, String(statement.source.value))) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === 'type') continue;
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      if (imported === name && findVariable(scope, specifier.local.name)?.defs[0]?.node === specifier)
        return { text: specifier.local.name, module: null };
    }
  }
  const taken = findVariable(scope, name);
  if (taken && taken.defs.length > 0) {
    const origin = nameRef(taken.identifiers[0]!, ctx.scopeOf)?.origin;
    return origin && moduleMatches(judge.library, origin.module) && origin.imported === name ? { text: name, module: null } : null;
  }
  return { text: name, module: ref.origin.module };
}
