import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { nodeAtIndex } from '../../js/ast.js';
import type { LoadFinding } from './finding.js';
import type { LoaderTables } from './loader-tables.js';

// Commands a server-side script runs (`redis.call("LRANGE", KEYS[1], 0, -1)` in Lua held in a
// template literal, as scripts of more than one line are): judged by the catalog's command table,
// as the client's methods are. Templates, not every string: a listener on every string literal, or
// a scan of every file's text, cost more than the rare script in a one-line string is worth.

/** A call of one of the script call names with a quoted command name, up to its closing parenthesis. */
const SCRIPT_CALL = /\(\s*(["'])([A-Za-z]+)\1\s*((?:,[^(),]*)*)\)/y;

/** Every whole-keyspace, whole-collection and whole-range command in a template literal's text. */
export function scriptFindings(
  sourceCode: Readonly<TSESLint.SourceCode>,
  tables: LoaderTables,
  template: TSESTree.TemplateLiteral,
): LoadFinding[] {
  const findings: LoadFinding[] = [];
  for (const quasi of template.quasis) {
    // The quasi's raw text starts one character (the backtick or the `}`) into its range.
    const text = quasi.value.raw;
    for (const call of tables.scriptCalls) {
      for (let at = text.indexOf(call); at !== -1; at = text.indexOf(call, at + call.length)) {
        const finding = judgeScriptCall(sourceCode, tables, text, quasi.range[0] + 1, at, call.length);
        if (finding) findings.push(finding);
      }
    }
  }
  return findings;
}

function judgeScriptCall(
  sourceCode: Readonly<TSESLint.SourceCode>,
  tables: LoaderTables,
  text: string,
  offset: number,
  at: number,
  nameLength: number,
): LoadFinding | null {
  SCRIPT_CALL.lastIndex = at + nameLength;
  const match = SCRIPT_CALL.exec(text);
  if (!match) return null;
  const entry = tables.scriptCommands.get(match[2]!.toUpperCase());
  if (!entry) return null;
  const { command } = entry;
  // The arguments after the command's name: the key first, as a client method's are.
  const args = match[3]!
    .split(',')
    .slice(1)
    .map((a) => a.trim());
  if (args.length < command.minArgs) return null;
  const construct = text.slice(at, at + nameLength + match[0].length).replace(/\s+/g, ' ');
  const start = offset + at;
  const loc = { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(start + construct.length) };
  const node = nodeAtIndex(sourceCode.ast, sourceCode.visitorKeys, start) ?? sourceCode.ast;
  if (command.shape === 'keyspace') return { node, loc, messageId: 'redisKeys', data: { construct }, suggest: [] };
  const size = command.size?.[0]?.toUpperCase() ?? '';
  if (command.range) {
    const { start: first, stop, byValue = [], whole } = command.range;
    // Ranges of scores, names or IDs (`ZRANGEBYSCORE k -inf +inf`) are left to the client's methods.
    if (whole || args[first] !== '0' || args[stop] !== '-1') return null;
    if (args.slice(stop + 1).some((a) => byValue.includes(a.replace(/["']/g, '').toUpperCase()))) return null;
    return { node, loc, messageId: 'redisRange', data: { construct, shape: command.shape, start: '0', size }, suggest: [] };
  }
  return { node, loc, messageId: 'redisWhole', data: { construct, shape: command.shape, size, scan: command.scan }, suggest: [] };
}
