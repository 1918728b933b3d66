import { anyWordSource } from '../../util/text-gate.js';
import type { LibraryEntry, NameRule } from './catalog.js';

/**
 * The words a file must contain for the resolver to recognise any receiver of `library` without
 * types, or null when some receiver needs none. Every piece of evidence the resolver takes is
 * written in the file: a module specifier for imported names, module objects and `'*'` receivers;
 * a class, factory, type or decorator name; a naming convention (the longest fixed part of each
 * pattern); a callback method taking any receiver (`$transaction`). Rule names marked `imported`
 * need the module, which is already a word. (Escapes inside a name or a specifier aside.)
 */
export function mentionWords(library: LibraryEntry, nameOverrides: Readonly<Record<string, readonly string[]>>): string[] | null {
  const words: string[] = [];
  for (const module of library.modules) {
    const word = typeof module === 'string' ? module : fixedPart(module);
    if (!word) return null;
    words.push(word);
  }
  const addRules = (rules: readonly NameRule[] | undefined) => {
    // A dotted name (`Knex.Transaction`, `MikroORM.init`) is written whole: its first segment is the rarer word.
    for (const rule of rules ?? []) if (!rule.imported) words.push(rule.name.split('.')[0]!);
  };
  for (const [role, spec] of Object.entries(library.roles)) {
    for (const rules of [spec.constructs, spec.factories, spec.types, spec.decorators, spec.bases]) addRules(rules);
    for (const callback of spec.callbacks ?? []) if (callback.from === '*') words.push(...callback.names);
    if (spec.namesNeedImport) continue;
    if (spec.classNames) return null;
    for (const pattern of nameOverrides[`${library.id}.${role}`] ?? spec.names ?? []) {
      const longest = pattern.split('*').reduce((a, b) => (b.length > a.length ? b : a), '');
      if (!longest) return null;
      words.push(longest);
    }
  }
  return words;
}

/** One pattern for "the file may hold a receiver of one of `libraries`", or null when any file may. */
export function mentionPattern(libraries: readonly LibraryEntry[], nameOverrides: Readonly<Record<string, readonly string[]>>): RegExp | null {
  const words: string[] = [];
  for (const library of libraries) {
    const own = mentionWords(library, nameOverrides);
    if (!own) return null;
    words.push(...own);
  }
  // Ignoring case: more files pass, none that could hold a receiver is missed, and V8 scans for it faster.
  return new RegExp(anyWordSource(words, true), 'i');
}

/**
 * The longest run of plain characters every match of a module pattern contains, read from its
 * source outside groups and alternatives (`generated/prisma` of `(?:^|\/)generated\/prisma(?:\/|$)`),
 * or '' when there is none to rely on.
 */
export function fixedPart(pattern: RegExp): string {
  const source = pattern.source;
  let best = '';
  let run = '';
  let depth = 0;
  const end = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    const next = source[i + 1];
    // A quantified character or group is optional or repeated: it ends the run without joining it.
    const quantified = next === '?' || next === '*' || next === '+' || next === '{';
    if (char === '\\') {
      const escaped = source[++i];
      const after = source[i + 1];
      const quantifiedEscape = after !== undefined && '?*+{'.includes(after);
      if (depth === 0 && escaped !== undefined && /[/.\-@_~]/.test(escaped) && !quantifiedEscape) run += escaped;
      else end();
    } else if (char === '(' || char === '[') {
      end();
      depth++;
      if (char === '[') {
        while (i + 1 < source.length && source[i + 1] !== ']') i += source[i + 1] === '\\' ? 2 : 1;
      }
    } else if (char === ')' || char === ']') {
      depth--;
      end();
    } else if (char === '|') {
      if (depth === 0) return '';
      end();
    } else if (depth === 0 && /[A-Za-z0-9@/_~-]/.test(char) && !quantified) {
      run += char;
    } else {
      end();
    }
  }
  end();
  return best;
}
