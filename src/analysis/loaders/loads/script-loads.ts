import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { nodeAtIndex, shortText } from '../../js/ast.js';
import type { LoadFinding } from './finding.js';
import type { LoaderTables } from './loader-tables.js';
import { LuaScript, type LuaValue } from './lua-values.js';

// Commands a server-side script runs (`redis.call("LRANGE", KEYS[1], 0, -1)` in Lua held in a
// template literal, as scripts of more than one line are): judged by the catalog's command table,
// as the client's methods are. Templates, not every string: a listener on every string literal, or
// a scan of every file's text, cost more than the rare script in a one-line string is worth.
// A script's own names for the call (`local rcall = redis.call`) and range arguments held in its
// variables (`local rangeEnd = -1`, a function's parameter) are read by `LuaScript`.

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
    if (!tables.scriptCalls.some((call) => text.includes(call))) continue;
    const script = new LuaScript(text);
    const calls = [...tables.scriptCalls];
    for (const call of tables.scriptCalls) for (const alias of script.aliasesOf(call)) if (!calls.includes(alias)) calls.push(alias);
    const sites = new Set<number>();
    for (const call of calls) {
      const alias = !tables.scriptCalls.includes(call);
      for (let at = text.indexOf(call); at !== -1; at = text.indexOf(call, at + call.length)) {
        if (alias && at > 0 && /[\w.:]/.test(text[at - 1]!)) continue;
        const finding = judgeScriptCall(sourceCode, tables, script, text, quasi.range[0] + 1, at, call.length, sites);
        if (finding) findings.push(finding);
      }
    }
  }
  return findings;
}

function judgeScriptCall(
  sourceCode: Readonly<TSESLint.SourceCode>,
  tables: LoaderTables,
  script: LuaScript,
  text: string,
  offset: number,
  at: number,
  nameLength: number,
  sites: Set<number>,
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
  const place = (from: number, length: number) => {
    const start = offset + from;
    const loc = { start: sourceCode.getLocFromIndex(start), end: sourceCode.getLocFromIndex(start + length) };
    return { node: nodeAtIndex(sourceCode.ast, sourceCode.visitorKeys, start) ?? sourceCode.ast, loc };
  };
  if (command.shape === 'keyspace') return { ...place(at, construct.length), messageId: 'redisKeys', data: { construct }, suggest: [] };
  const size = command.size?.[0]?.toUpperCase() ?? '';
  if (command.range) {
    const { start: first, stop, byValue = [], whole } = command.range;
    // Ranges of scores, names or IDs (`ZRANGEBYSCORE k -inf +inf`) are left to the client's methods.
    if (whole || args[first] === undefined || args[stop] === undefined) return null;
    const from = script.valueAt(args[first], at);
    const to = script.valueAt(args[stop], at);
    if (from?.text !== '0' || to?.text !== '-1') return null;
    // Both from the same call of a function (or written in place).
    if (from.site && to.site && from.site[0] !== to.site[0]) return null;
    if (args.slice(stop + 1).some((a) => byValue.includes(a.replace(/["']/g, '').toUpperCase()))) return null;
    const data = { construct, shape: command.shape, start: '0', size };
    const site = from.site ?? to.site;
    if (!site && !from.somePaths && !to.somePaths) return { ...place(at, construct.length), messageId: 'redisRange', data, suggest: [] };
    // `getJobs(…, rangeStart, rangeEnd)` → `rcall("LRANGE", setKey, rangeStart, rangeEnd)`: one finding per call that passes the whole range.
    if (site && sites.has(site[0])) return null;
    if (site) sites.add(site[0]);
    const held: [LuaValue, string][] = [
      [from, args[first]],
      [to, args[stop]],
    ];
    // The caller's variables where the range comes through a function's parameters.
    const names = held
      .filter(([value]) => value.somePaths)
      .map(([value, arg]) => value.local ?? arg)
      .join('`, `');
    const shown = site ? `${shortText(text.slice(site[0], site[1]), 40)} → ${construct}` : construct;
    const where = site ? place(site[0], site[1] - site[0]) : place(at, construct.length);
    return names
      ? someRange(where, shown, data, names)
      : { ...where, messageId: 'redisRange', data: { ...data, construct: shown }, suggest: [] };
  }
  return {
    ...place(at, construct.length),
    messageId: 'redisWhole',
    data: { construct, shape: command.shape, size, scan: command.scan },
    suggest: [],
  };
}

/** The whole range on the paths where the script leaves its variables at `0` and `-1`. */
function someRange(
  where: Pick<LoadFinding, 'node' | 'loc'>,
  construct: string,
  data: { shape: string; start: string; size: string },
  names: string,
): LoadFinding {
  return { ...where, messageId: 'redisRangeSomePaths', data: { ...data, construct, names }, suggest: [] };
}
