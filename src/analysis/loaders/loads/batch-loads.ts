import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { shortText, unwrap } from '../../js/ast.js';
import type { ConstructorLoader } from '../catalog.js';
import type { JudgeContext, LoadFinding } from './finding.js';
import { limitText, setOption } from '../fixes.js';
import { hasAnyKey, viewObject } from './objects.js';

/**
 * `new DataLoader(fn)` with no batch size (with `checkBatchLoaders`): one batch carries every key
 * requested in a tick. Null when the options set a bound or an exemption (`batch: false`), or are
 * not all visible.
 */
export function batchLoaderFinding(ctx: JudgeContext, node: TSESTree.NewExpression, loader: ConstructorLoader): LoadFinding | null {
  if (!ctx.settings.checkBatchLoaders || node.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
  const view = viewObject(node.arguments[loader.optionsArg], ctx.scopeOf);
  if (!view || hasAnyKey(view, loader.boundKeys) || !view.complete) return null;
  for (const { key, value } of loader.exemptions) {
    const v = view.keys.get(key);
    if (v && unwrap(v).type === AST_NODE_TYPES.Literal && (unwrap(v) as TSESTree.Literal).value === value) return null;
  }
  const limit = limitText(ctx.sourceCode, node, ctx.settings.limit);
  const property = `${loader.fixKey}: ${limit.text}`;
  const name = shortText(ctx.sourceCode.getText(node.callee), 30);
  return {
    node: node.callee,
    messageId: 'unboundedBatch',
    data: { name, key: loader.fixKey },
    suggest: [
      {
        messageId: 'addOption',
        data: { text: property },
        fix: (fixer) => setOption(fixer, ctx.sourceCode, node, loader.optionsArg, property),
      },
    ],
  };
}
