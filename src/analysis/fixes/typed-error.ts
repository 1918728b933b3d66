import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { addNamedImport, findVariable, isTypeOnly, isUnshadowedGlobal } from '../js/imports.js';
import { moduleOfVariable } from '../js/index.js';
import { scopeOf } from '../js/scopes.js';
import { IDENTIFIER_PATTERN, MODULE_SPECIFIER_PATTERN } from '../../util/schema-check.js';

/** The error class a fix should construct: a name, and the module to import it from when missing. */
export interface TypedErrorOption {
  name: string;
  from?: string;
}

export const typedErrorSchema: JSONSchema4 = {
  type: 'object',
  description: 'The typed error class fixes construct, and the module it is imported from.',
  properties: {
    name: { type: 'string', pattern: IDENTIFIER_PATTERN, description: 'Class name, e.g. `QueryTimeoutError` (not a reserved word).' },
    from: {
      type: 'string',
      minLength: 1,
      pattern: MODULE_SPECIFIER_PATTERN,
      description: "Module specifier to import it from, e.g. `'#errors'`.",
    },
  },
  required: ['name'],
  additionalProperties: false,
};

/** What a fix writes to construct the typed error, and the import it needs, if any. */
export interface TypedErrorPlan {
  /** How messages name it: `TimeoutError`, `DOMException(…, 'TimeoutError')`. */
  label: string;
  /** Source text of `new …(message[, { cause }])`; `message` is source text of an expression. */
  construct(message: string, cause?: string): string;
  /** Whether the constructor takes `{ cause }` (DOMException does not). */
  takesCause: boolean;
  /** The import to add with the fix, or null when the class is already in scope. */
  importFix(fixer: TSESLint.RuleFixer): TSESLint.RuleFix | null;
}

/** When no class is configured: classes in scope ending in `suffix`, else a built-in constructor. */
export interface TypedErrorFallback {
  suffix: string;
  builtin: { global: string; label: string; construct: (message: string) => string };
}

export const TIMEOUT_ERROR_FALLBACK: TypedErrorFallback = {
  suffix: 'TimeoutError',
  // What AbortSignal.timeout() rejects with, available as a global since Node 17.
  builtin: {
    global: 'DOMException',
    label: "DOMException(…, 'TimeoutError')",
    construct: (message) => `new DOMException(${message}, 'TimeoutError')`,
  },
};

/** Messages in fixes are string literals made by `quote` (every fix's text is made the same way). */
export { quote } from '../js/fix-text.js';

function classPlan(name: string, importFix: TypedErrorPlan['importFix']): TypedErrorPlan {
  return {
    label: name,
    construct: (message, cause) => `new ${name}(${message}${cause ? `, { cause: ${cause} }` : ''})`,
    takesCause: true,
    importFix,
  };
}

/** classInScope's answers, per scope and suffix: a module scope holds every top-level binding of the file. */
const classesInScope = new WeakMap<TSESLint.Scope.Scope, Map<string, string | null>>();

/**
 * A class in scope whose name ends in `suffix`, preferring the exact name: the exact name in any
 * enclosing scope, else the first match from the innermost scope out.
 */
function classInScope(scope: TSESLint.Scope.Scope, suffix: string): string | null {
  let answers = classesInScope.get(scope);
  if (!answers) classesInScope.set(scope, (answers = new Map<string, string | null>()));
  const known = answers.get(suffix);
  if (known !== undefined) return known;
  let own: string | null = null;
  let answer: string | null | undefined;
  for (const variable of scope.variables) {
    if (!variable.name.endsWith(suffix) || variable.defs.length === 0 || isTypeOnly(variable)) continue;
    if (variable.name === suffix) {
      answer = suffix;
      break;
    }
    own ??= variable.name;
  }
  if (answer === undefined) {
    const outer = scope.upper ? classInScope(scope.upper, suffix) : null;
    answer = outer === suffix ? suffix : (own ?? outer);
  }
  answers.set(suffix, answer);
  return answer;
}

/**
 * Decides which typed error a fix at `node` constructs. A configured class is used when it is in
 * scope from its module or can be imported without a clash; otherwise a matching class already in
 * scope; otherwise the built-in. Null when none can be used without an unresolved identifier.
 */
export function planTypedError(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  option: TypedErrorOption | undefined,
  fallback: TypedErrorFallback,
): TypedErrorPlan | null {
  const scope = scopeOf(sourceCode, node);
  if (option) {
    const existing = findVariable(scope, option.name);
    if (existing && existing.defs.length > 0) {
      if (isTypeOnly(existing)) return null;
      const sameSource = !option.from || moduleOfVariable(existing) === option.from;
      return sameSource ? classPlan(option.name, () => null) : null;
    }
    if (!option.from) return null;
    const from = option.from;
    return classPlan(option.name, (fixer) => addNamedImport(fixer, sourceCode, option.name, from));
  }
  const inScope = classInScope(scope, fallback.suffix);
  if (inScope) return classPlan(inScope, () => null);
  if (!isUnshadowedGlobal(scope, fallback.builtin.global)) return null;
  const { builtin } = fallback;
  return { label: builtin.label, construct: (message) => builtin.construct(message), takesCause: false, importFix: () => null };
}
