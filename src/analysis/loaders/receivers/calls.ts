import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberPropertyName } from '../../js/ast.js';
import { nameRef, unwrapSequence } from '../../js/index.js';
import { matchesRule } from '../catalog-index.js';
import { isResolved, type Resolution } from './resolution.js';
import { type ResolverContext, resolved } from './context.js';

/** A call: a library factory, or a method whose result the catalog knows on the receiver it is called on. */
export function resolveCall(context: ResolverContext, node: TSESTree.CallExpression): Resolution {
  const callee = unwrapSequence(node.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = memberPropertyName(callee);
    const ref = nameRef(callee, context.scopeOf);
    if (ref?.dotted?.includes('.')) {
      for (const { key, rule } of context.index.factories) {
        if (rule.name.includes('.') && matchesRule(ref, rule, key.library)) return resolved(key, 'creation');
      }
    }
    // `ns.knex(…)`, `(0, typeorm_1.getRepository)(User)`: a factory reached through its module.
    if (ref?.origin) {
      for (const { key, rule } of context.index.factories) {
        if (!rule.name.includes('.') && matchesRule(ref, rule, key.library)) return resolved(key, 'creation');
      }
    }
    const rules = method ? context.index.methods.get(method) : undefined;
    if (!rules) return null;
    const receiver = context.resolve(callee.object);
    if (isResolved(receiver)) {
      const rule = rules.find((r) => r.key.library === receiver.library && r.from === receiver.role);
      return rule ? resolved(rule.key, receiver.via) : null;
    }
    if (receiver === null) {
      const rule = rules.find((r) => r.from === '*' && context.importsLibrary(r.key.library));
      if (rule) return resolved(rule.key, 'import');
    }
    return null;
  }
  const ref = nameRef(callee, context.scopeOf);
  if (!ref) return null;
  for (const { key, rule } of context.index.factories) {
    if (matchesRule(ref, rule, key.library)) return resolved(key, 'creation');
  }
  return null;
}

/** `new X(…)`: a library constructor, or else something other than a receiver. */
export function resolveNew(context: ResolverContext, node: TSESTree.NewExpression): Resolution {
  const ref = nameRef(node.callee, context.scopeOf);
  if (!ref) return null;
  for (const { key, rule } of context.index.constructs) {
    if (matchesRule(ref, rule, key.library)) return resolved(key, 'creation');
  }
  // `new Map()`, `new Set()`, a local class: not a receiver of ours.
  return 'other';
}
