// What a name in a Lua script (a template literal's text) holds: enough Lua to read a command's
// range arguments when they are variables, as scripts write them (`local rangeEnd = -1`, a
// function's parameter filled by its calls). One linear pass builds the blocks; answers are
// remembered per name and function, so a script of many commands stays linear.

import { firstAtOrAfter } from '../../../util/sorted.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMBER = /^-?\d+$/;
/** How many calls of functions a value is followed through (`getJobs(…, rangeEnd)` → its parameter). */
const MAX_CALL_DEPTH = 3;

interface Block {
  start: number;
  end: number;
  parent: Block | null;
  /** `local function getJobs(setKey, isList, rangeStart)`: its name and parameters. */
  fn?: { name: string; params: string[]; headerEnd: number };
}

/** A local given a number: where, and where it is given other values. */
interface LocalFacts {
  at: number;
  block: Block;
  text: string;
  assigned: { at: number; block: Block }[];
}

/** How many later assignments of a local are followed. */
const MAX_ASSIGNMENTS = 16;

/** A value a name holds where a command reads it. */
export interface LuaValue {
  text: string;
  /** The name keeps the value only on some paths: it is given another inside a nested block (`if limit > 0 then`). */
  somePaths: boolean;
  /** The local that holds it, where the value comes from one (`rangeEnd`, passed to a function as `to`). */
  local?: string;
  /** Where a function is called with it (`getJobs(…)`), when the command reads a parameter: start and end offsets. */
  site?: [number, number];
}

/** The text of a script with comments and string contents blanked, and its blocks. */
export class LuaScript {
  private readonly code: string;
  private readonly blocks: Block[] = [];
  private readonly top: Block;
  private readonly known = new Map<string, LuaValue | null>();
  /** Where each name is written (not after `.` or `:`), in order: one pass, so no search per name scans the script. */
  private readonly words = new Map<string, number[]>();
  private readonly owners = new Map<Block, Block>();
  private readonly locals = new Map<string, LocalFacts | null>();

  constructor(text: string) {
    this.code = blankCommentsAndStrings(text);
    this.top = { start: 0, end: text.length, parent: null };
    this.readBlocks();
  }

  /** `local NAME = redis.call`: the names the script gives one of its call functions. */
  aliasesOf(call: string): string[] {
    const aliases: string[] = [];
    for (let at = this.code.indexOf(call); at !== -1; at = this.code.indexOf(call, at + call.length)) {
      let i = skipSpaceBack(this.code, at - 1);
      if (this.code[i] !== '=' || this.code[i - 1] === '=' || this.code[i - 1] === '~') continue;
      i = skipSpaceBack(this.code, i - 1);
      const nameEnd = i + 1;
      while (i >= 0 && isWordChar(this.code[i]!)) i--;
      const name = this.code.slice(i + 1, nameEnd);
      i = skipSpaceBack(this.code, i);
      if (IDENTIFIER.test(name) && wordBefore(this.code, i + 1) === 'local' && !aliases.includes(name)) aliases.push(name);
    }
    return aliases;
  }

  /** The value of `arg` (a number, or a name) where the command at offset `at` reads it; null when unknown. */
  valueAt(arg: string, at: number, depth = 0): LuaValue | null {
    if (NUMBER.test(arg)) return { text: arg, somePaths: false };
    if (!IDENTIFIER.test(arg) || depth > MAX_CALL_DEPTH) return null;
    const fn = this.functionAt(at);
    const index = fn.fn?.params.indexOf(arg) ?? -1;
    if (index < 0) return this.localValue(arg, fn, at);
    const key = `${arg}@${fn.start}`;
    if (this.known.has(key)) return this.known.get(key)!;
    this.known.set(key, null); // a function calling itself with the name adds nothing
    const value = this.parameterValue(fn, index, depth);
    this.known.set(key, value);
    return value;
  }

  /**
   * A parameter: the value the first call that passes a known one gives it, with that call's
   * place; kept on some paths only when other calls pass another value (or it is so at that call).
   */
  private parameterValue(fn: Block, index: number, depth: number): LuaValue | null {
    const { name, headerEnd } = fn.fn!;
    let found: LuaValue | null = null;
    for (const at of this.words.get(name) ?? []) {
      if ((at >= fn.start && at < headerEnd) || !isCallAt(this.code, at, name)) continue;
      const args = callArguments(this.code, this.code.indexOf('(', at + name.length));
      const arg = args?.list[index];
      const value = arg === undefined ? null : this.valueAt(arg, at, depth + 1);
      if (!value || !args) continue; // this call passes something else; another may still pass the value
      if (!found) found = { ...value, site: value.site ?? [at, args.end] };
      else if (found.text !== value.text || value.somePaths) found.somePaths = true;
    }
    return found;
  }

  /**
   * `local NAME = -1` in the function (or the script's top level), read at `at`: kept on every
   * path, or on some (given another value only inside nested blocks: one that ended before the
   * read, or a loop around it that changes it after the read). Unknown when it is given another
   * value at its own level, or on the read's path before it.
   */
  private localValue(name: string, fn: Block, at: number): LuaValue | null {
    const local = this.localOf(name, fn);
    if (!local || local.at > at) return null;
    let somePaths = false;
    for (const assigned of local.assigned) {
      // Given another value on the read's own path before it: the read sees that one.
      if (assigned.at < at && assigned.block.start <= at && at < assigned.block.end) return null;
      // Before it in a block that ended, or after it in a loop around it: the value holds on some paths.
      somePaths = true;
    }
    return { text: local.text, somePaths, local: name };
  }

  /** The declaration of a local given a number, and every later assignment of it in nested blocks (at most `MAX_ASSIGNMENTS`). */
  private localOf(name: string, fn: Block): LocalFacts | null {
    const key = `${name}@${fn.start}`;
    if (this.locals.has(key)) return this.locals.get(key)!;
    let facts: LocalFacts | null = null;
    const positions = this.words.get(name) ?? [];
    for (let i = firstAtOrAfter(positions, fn.start); i < positions.length && positions[i]! < fn.end; i++) {
      const at = positions[i]!;
      const value = assignedText(this.code, at + name.length);
      if (value === null || this.functionAt(at) !== fn) continue;
      const block = this.blockAt(at);
      if (facts === null) {
        if (wordBefore(this.code, at) !== 'local' || !NUMBER.test(value)) break;
        facts = { at, block, text: value, assigned: [] };
      } else if (block === facts.block || facts.assigned.length === MAX_ASSIGNMENTS) {
        // Given another value on every path through its block, or too often to follow.
        facts = null;
        break;
      } else {
        facts.assigned.push({ at, block });
      }
    }
    this.locals.set(key, facts);
    return facts;
  }

  /** The function (or the script's top level) offset `at` runs in; a function's own header belongs to the one around it. */
  private functionAt(at: number): Block {
    const block = this.blockAt(at);
    return block.fn && at < block.fn.headerEnd ? this.ownerOf(block.parent) : this.ownerOf(block);
  }

  /** The nearest of `block` and its parents that is a function, remembered for every block passed on the way up. */
  private ownerOf(block: Block | null): Block {
    const path: Block[] = [];
    let owner = this.top;
    for (let current = block; current; current = current.parent) {
      const known = this.owners.get(current);
      if (known) {
        owner = known;
        break;
      }
      if (current.fn) {
        owner = current;
        break;
      }
      path.push(current);
    }
    for (const passed of path) this.owners.set(passed, owner);
    return owner;
  }

  /**
   * The innermost block holding offset `at`: the last block starting before it, or the nearest of
   * its parents still open there (blocks are in order of their start, and nest).
   */
  private blockAt(at: number): Block {
    let low = 0;
    let high = this.blocks.length - 1;
    let last = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.blocks[mid]!.start <= at) {
        last = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    for (let block: Block | null = last === -1 ? null : this.blocks[last]!; block; block = block.parent) if (at < block.end) return block;
    return this.top;
  }

  /** `function … end`, `if … end`, `do … end` (of `while` and `for` too), `repeat … until`. */
  private readBlocks(): void {
    const code = this.code;
    const stack: Block[] = [];
    for (let i = 0; i < code.length;) {
      if (!isWordChar(code[i]!) || (i > 0 && (isWordChar(code[i - 1]!) || code[i - 1] === '.' || code[i - 1] === ':'))) {
        i++;
        continue;
      }
      let end = i;
      while (end < code.length && isWordChar(code[end]!)) end++;
      const word = code.slice(i, end);
      let positions = this.words.get(word);
      if (!positions) this.words.set(word, (positions = []));
      positions.push(i);
      if (word === 'function' || word === 'if' || word === 'do' || word === 'repeat') {
        const block: Block = { start: i, end: code.length, parent: stack.at(-1) ?? this.top };
        if (word === 'function') block.fn = functionHeader(code, end);
        this.blocks.push(block);
        stack.push(block);
      } else if ((word === 'end' || word === 'until') && stack.length > 0) {
        stack.pop()!.end = end;
      }
      i = end;
    }
  }
}

/** How far a call's arguments are read: an unclosed call does not make every call scan the script. */
const MAX_CALL_TEXT = 2000;

/** How far a header or a value is read: enough for any script, and no scan of the rest of the script per name. */
const MAX_READ = 200;

/** The offset of `char` within `MAX_READ` characters from `from`, or -1. */
function nearby(code: string, char: string, from: number): number {
  for (let i = from; i < code.length && i < from + MAX_READ; i++) if (code[i] === char) return i;
  return -1;
}

/** `function getJobs(a, b)` / `local function getJobs(a, b)` after the keyword at `from`: its name, parameters and the end of its header. */
function functionHeader(code: string, from: number): Block['fn'] {
  const open = nearby(code, '(', from);
  const close = open === -1 ? -1 : nearby(code, ')', open);
  if (close === -1) return undefined;
  const name = code.slice(from, open).trim();
  const params = code
    .slice(open + 1, close)
    .split(',')
    .map((p) => p.trim());
  return IDENTIFIER.test(name) ? { name, params, headerEnd: close + 1 } : { name: '', params, headerEnd: close + 1 };
}

/** The arguments of the call whose `(` is at `open`, split at the top level, and the offset past its `)`. */
function callArguments(code: string, open: number): { list: string[]; end: number } | null {
  if (open === -1) return null;
  const list: string[] = [];
  let depth = 0;
  let from = open + 1;
  for (let i = open + 1; i < code.length && i < open + MAX_CALL_TEXT; i++) {
    const c = code[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if ((c === ')' || c === '}' || c === ']') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      list.push(code.slice(from, i).trim());
      from = i + 1;
    } else if (c === ')') {
      list.push(code.slice(from, i).trim());
      return { list, end: i + 1 };
    }
  }
  return null;
}

/** `NAME = value` at `from` (past the name): the value's text up to the line's end, or null when the name is not assigned there. */
function assignedText(code: string, from: number): string | null {
  let i = from;
  while (code[i] === ' ' || code[i] === '\t') i++;
  if (code[i] !== '=' || code[i + 1] === '=') return null;
  let end = i + 1;
  while (end < code.length && end < i + MAX_READ && code[end] !== '\n') end++;
  return code.slice(i + 1, end).trim();
}

function isCallAt(code: string, at: number, name: string): boolean {
  if (!isWordAt(code, at, name)) return false;
  let i = at + name.length;
  while (code[i] === ' ') i++;
  return code[i] === '(' && wordBefore(code, at) !== 'function';
}

function isWordAt(code: string, at: number, name: string): boolean {
  const before = code[at - 1];
  const after = code[at + name.length];
  return (before === undefined || (!isWordChar(before) && before !== '.' && before !== ':')) && (after === undefined || !isWordChar(after));
}

/** The word that ends just before `at`, across spaces. */
function wordBefore(code: string, at: number): string {
  const end = skipSpaceBack(code, at - 1) + 1;
  let start = end;
  while (start > 0 && isWordChar(code[start - 1]!)) start--;
  return code.slice(start, end);
}

function skipSpaceBack(code: string, from: number): number {
  let i = from;
  while (i >= 0 && (code[i] === ' ' || code[i] === '\t' || code[i] === '\n' || code[i] === '\r')) i--;
  return i;
}

function isWordChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_';
}

/** The text with `--` comments (and `--[[ ]]` ones) and the contents of strings replaced by spaces: offsets stay. */
function blankCommentsAndStrings(text: string): string {
  // From one comment or quote to the next (a search, not a test of every character), copying what lies between.
  const opening = /--|["']/g;
  let out = '';
  let copied = 0;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    const at = match.index;
    if (match[0] === '--') {
      const long = text.startsWith('[[', at + 2);
      const close = long ? text.indexOf(']]', at + 4) : text.indexOf('\n', at);
      const end = close === -1 ? text.length : long ? close + 2 : close;
      out += text.slice(copied, at) + text.slice(at, end).replace(/[^\n]/g, ' '); // a long comment keeps its lines
      copied = end;
      opening.lastIndex = end;
    } else {
      let end = at + 1;
      while (end < text.length && text[end] !== match[0] && text[end] !== '\n') end += text[end] === '\\' ? 2 : 1;
      const contentEnd = Math.min(end, text.length);
      out += text.slice(copied, at + 1) + ' '.repeat(contentEnd - at - 1);
      copied = contentEnd;
      opening.lastIndex = end + 1;
    }
  }
  return out + text.slice(copied);
}
