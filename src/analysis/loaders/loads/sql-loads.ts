import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESTree } from '@typescript-eslint/utils';
import { callText, isFunction, memberPropertyName, nodeAtIndex, shortText, unwrap } from '../../js/ast.js';
import { topLevelModules } from '../../js/index.js';
import type { SqlLoader } from '../catalog.js';
import { chainAbove, isConsumed } from './chains.js';
import type { LoadFinding, LoadSuggestion } from './finding.js';
import { limitText } from '../fixes.js';
import { type LoadContext, STREAMING, isExempt } from './load-context.js';
import { viewObject } from './objects.js';
import { judgeSql, looksLikeQuery } from '../sql/index.js';
import { sqlPieces, sqlPreview, sqlTagName } from '../sql/source-text.js';
import { DefinitionType } from '../../js/definitions.js';
import { scopeOf } from '../../js/scopes.js';

// Raw SQL: `db.query(sql)`, `knex.raw(sql)`, `` sql`…` `` executed, `db.prepare(sql).all()`.

type Node = TSESTree.Node;

/** Raw SQL of one file, judged by the SQL reader; the dialect check runs once per file. */
export class SqlLoads {
  private noLimitDialect: boolean | undefined;

  constructor(
    private readonly ctx: LoadContext,
    private readonly loader: SqlLoader,
  ) {}

  /** `x.<name>(sql)` where `name` is one of the SQL loader's methods or a prepared statement's terminals. */
  call(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, name: string): LoadFinding | null {
    const { methods, lazyMethods, prepared, tags, runningTags, singleRowOptions, textKeys } = this.loader;
    const { scopeOf } = this.ctx;
    let source: Node | undefined;
    const object = unwrap(callee.object);
    if (prepared.terminals.includes(name) && call.arguments.length === 0) {
      const statement = this.preparedStatement(object, prepared.methods);
      source = statement?.arguments[0];
    } else if (
      name === 'execute' &&
      object.type === AST_NODE_TYPES.TaggedTemplateExpression &&
      sqlTagName(object.tag, [...tags, ...runningTags])
    ) {
      source = object;
    } else if (methods.includes(name) || lazyMethods.includes(name)) {
      source = call.arguments[0];
      const target = source && unwrap(source);
      // `items.map((x) => …)`, `promises.all(…)`: a callback is never the SQL; most calls of these names are not queries.
      if (!target || isFunction(target)) return null;
      if (target?.type === AST_NODE_TYPES.ObjectExpression) {
        const view = viewObject(target, scopeOf);
        const key = textKeys.find((k) => view?.keys.get(k));
        source = key ? (view!.keys.get(key) ?? undefined) : undefined;
      }
      if (lazyMethods.includes(name)) {
        const above = chainAbove(call);
        if (!isConsumed(above.top) && above.links[0]?.name !== 'then') return null;
      }
      const options = call.arguments[1];
      if (
        options &&
        singleRowOptions.some(({ key, value }) => {
          const view = viewObject(options, scopeOf);
          const v = view?.keys.get(key);
          return v && unwrap(v).type === AST_NODE_TYPES.Literal && (unwrap(v) as TSESTree.Literal).value === value;
        })
      ) {
        return null;
      }
    }
    if (!source) return null;
    const above = chainAbove(call);
    if (above.links.some((l) => STREAMING.has(l.name))) return null;
    const reportOn =
      unwrap(source).type === AST_NODE_TYPES.TaggedTemplateExpression
        ? (unwrap(source) as TSESTree.TaggedTemplateExpression).quasi
        : source;
    return this.judge(source, call, reportOn, () => callText(this.ctx.sourceCode, callee, 40), [...call.arguments]);
  }

  /** `` sql`…` `` run at once, or awaited / chained with `then`. */
  taggedTemplate(node: TSESTree.TaggedTemplateExpression): LoadFinding | null {
    const { runningTags, tags } = this.loader;
    const running = sqlTagName(node.tag, runningTags) !== null;
    if (!running) {
      if (sqlTagName(node.tag, tags) === null) return null;
      const above = chainAbove(node);
      const executed = isConsumed(node) || above.links[0]?.name === 'then';
      if (!executed) return null;
    }
    const construct = () => `${shortText(this.ctx.sourceCode.getText(node.tag), 40)}\`…\``;
    return this.judge(node.quasi, node, node.quasi, construct, []);
  }

  /** `db.prepare(sql)`, directly or through a `const stmt = db.prepare(sql)`. */
  private preparedStatement(node: Node, methods: readonly string[]): TSESTree.CallExpression | null {
    let target = unwrap(node);
    if (target.type === AST_NODE_TYPES.Identifier) {
      const def = scopeOf(this.ctx.sourceCode, target).references.find((r) => r.identifier === target)?.resolved?.defs[0];
      const init = def?.type === DefinitionType.Variable ? def.node.init : null;
      if (!init) return null;
      target = unwrap(init);
    }
    if (target.type !== AST_NODE_TYPES.CallExpression) return null;
    const callee = unwrap(target.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && methods.includes(memberPropertyName(callee) ?? '') ? target : null;
  }

  /** `construct` names the call in the message: only built for a finding, as the callee may be a long chain. */
  private judge(source: Node, call: Node, reportOn: Node, construct: () => string, parts: Node[]): LoadFinding | null {
    const { sourceCode, settings } = this.ctx;
    const { tags, runningTags } = this.loader;
    const pieces = sqlPieces(source, this.ctx.scopeOf, [...tags, ...runningTags]);
    const first = pieces[0];
    if (first?.kind !== 'text' || !looksLikeQuery(first.text)) return null;
    const verdict = judgeSql(pieces, settings.sqlPolicy);
    if (verdict.kind !== 'unbounded') return null;
    if (isExempt(this.ctx, call, parts.length > 0 ? parts : [source])) return null;
    const suggest: LoadSuggestion[] = [];
    if (verdict.insertAt !== null && !this.usesDialectWithoutLimit()) {
      const at = verdict.insertAt;
      const limit = limitText(sourceCode, call, settings.limit);
      // Only a constant cares whether it lands in a template (`${LIMIT}`), so only then look.
      const inTemplate = limit.constant && nodeAtIndex(sourceCode.ast, sourceCode.visitorKeys, at)?.type === AST_NODE_TYPES.TemplateElement;
      const text = limit.constant ? (inTemplate ? `\${${limit.text}}` : String(settings.limit.defaultLimit)) : limit.text;
      suggest.push({
        messageId: 'appendLimit',
        data: { limit: text },
        fix: (fixer) => fixer.insertTextAfterRange([at, at], ` LIMIT ${text}`),
      });
    }
    return { node: reportOn, messageId: 'unboundedSql', data: { construct: construct(), sql: sqlPreview(pieces) }, suggest };
  }

  /** Whether the file loads a driver whose SQL has no `LIMIT`; once per file, since it scans the whole top level. */
  private usesDialectWithoutLimit(): boolean {
    if (this.noLimitDialect === undefined) {
      const modules = topLevelModules(this.ctx.sourceCode.ast);
      this.noLimitDialect = this.loader.modulesWithoutLimit.some((m) => modules.has(m));
    }
    return this.noLimitDialect;
  }
}
