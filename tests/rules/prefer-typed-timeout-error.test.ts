import rule from '../../src/rules/prefer-typed-timeout-error.js';
import { runRuleTests } from '../rule-tester.js';

const DOM = "DOMException(…, 'TimeoutError')";

/**
 * A file's first import goes below what must stay on top and above what belongs to the code:
 * [what stays above the import, the code below it]. The fix also turns `new Error('query
 * timeout')` into `new QueryTimeoutError('query timeout')` in the code below.
 */
const FIRST_IMPORT: [string, string][] = [
  // A hashbang must be the first line: an import above it would not parse.
  ['#!/usr/bin/env node\n', "throw new Error('query timeout');"],
  // A header set apart by a blank line stays on top; a doc comment stays with its function.
  ['/*\n * Copyright Acme\n */\n\n', "/** Runs the query. */\nfunction f() { throw new Error('query timeout'); }"],
  // A file pragma only works above every statement.
  ['// @ts-check\n', "throw new Error('query timeout');"],
  // `@ts-expect-error` is about the next line: the import goes above it.
  ['', "// @ts-expect-error legacy typings\nthrow new Error('query timeout');"],
  // A decorator before `export` lies outside the statement's range: the import goes above it.
  ['', "@Injectable()\nexport class Repo { load() { throw new Error('query timeout'); } }"],
];

const FIRST_IMPORT_CASES = [
  ...FIRST_IMPORT.map(([above, below]) => ({
    code: above + below,
    output: `${above}import { QueryTimeoutError } from './errors';\n${fixed(below)}`,
  })),
  // In a script, a `require` after the hashbang.
  {
    code: "#!/usr/bin/env node\nthrow new Error('query timeout');",
    languageOptions: { parserOptions: { sourceType: 'script' as const } },
    output: `#!/usr/bin/env node\nconst { QueryTimeoutError } = require('./errors');\n${fixed("throw new Error('query timeout');")}`,
  },
].map((test) => ({
  ...test,
  options: [{ autofix: true, timeoutError: { name: 'QueryTimeoutError', from: './errors' } }] as const,
  errors: [{ messageId: 'untypedTimeoutError' as const }],
}));

function fixed(code: string): string {
  return code.replace("new Error('query timeout')", "new QueryTimeoutError('query timeout')");
}

runRuleTests('prefer-typed-timeout-error', rule, {
  valid: [
    // An abort path whose error says it was cancelled: a cancellation, not a timeout (Backstage's task runner).
    'function step(task) { if (task.cancelSignal.aborted) { throw new Error(`Step ${task.id} has been cancelled.`); } run(task); }',
    "function f(signal: AbortSignal) { if (signal.aborted) throw new Error('Operation aborted'); return work(); }",
    // A duration option that is set, not elapsed time past a limit (rate-limiter-flexible).
    `class Limiter {
  set blockDuration(value) {
    this._blockDuration = value;
    if (this.blockDuration > 0 && this.blockOnConsumed === 0) {
      throw new Error('blockOnConsumed option must be set up');
    }
  }
}`,
    // Dedicated classes.
    "throw new TimeoutError('query timeout');",
    'throw new QueryTimeoutError(`timed out after ${ms} ms`);',
    "throw new DOMException('query timed out', 'TimeoutError');",
    "reject(new errors.TimeoutError('timed out'));",
    // Validation errors about a timeout setting.
    "throw new Error('invalid timeout value');",
    'throw new Error(`timeout must be a positive number, got ${t}`);',
    "throw new TypeError('Expected timeout to be a number');",
    "throw new Error('The timeout option is required');",
    // Plain errors that are not about timeouts, off any timeout path.
    "throw new Error('not found');",
    "function f(rows: number[]) { if (rows.length === 0) throw new Error('empty'); }",
    "cb(new Error('connection refused'));",
    // A string that is not a timeout, or a timeout word that is only logged.
    "throw 'not found';",
    "log.warn('query timeout, retrying');",
    'console.log(`timed out after ${ms}`);',
    // A user class called Error is not the global.
    "class Error {} throw new Error('timeout');",
    // Errors given an identity callers can test: a cause of a typed error, a code or a name.
    "reject(new ConnectionTimedOutError(new Error('Connection timed out')));",
    "throw Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' });",
    "const err = new Error('connect ETIMEDOUT'); err.code = 'ETIMEDOUT'; throw err;",
    "const e = new Error('timed out'); e.name = 'TimeoutError'; reject(e);",
    // Timeout path that already throws a typed error.
    "function f(elapsed: number, timeout: number) { if (elapsed > timeout) throw new TimeoutError('slow'); }",
    // Only a call's first argument is its error: a timeout text as the value is not one.
    "function f(cb: (e: unknown, v?: string) => void) { cb(null, 'timed out'); }",
    // A plain Error built on a timeout path but not delivered there.
    "function f(elapsed: number, timeout: number) { if (elapsed > timeout) errors.push(new Error('slow')); }",
  ],
  invalid: [
    {
      // A thrown template literal: found from the `throw`, without a listener on every literal.
      code: 'function f(ms: number) { throw `request timed out after ${ms} ms`; }',
      errors: [
        {
          messageId: 'stringTimeout',
          suggestions: [
            {
              messageId: 'useTypedError',
              output: "function f(ms: number) { throw new DOMException(`request timed out after ${ms} ms`, 'TimeoutError'); }",
            },
          ],
        },
      ],
    },
    {
      code: "throw new Error('query timeout');",
      errors: [
        {
          messageId: 'untypedTimeoutError',
          data: { error: "new Error('query timeout')" },
          suggestions: [
            { messageId: 'useTypedError', data: { error: DOM }, output: "throw new DOMException('query timeout', 'TimeoutError');" },
          ],
        },
      ],
    },
    {
      code: `new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error(\`timed out after \${ms}ms\`)), ms);
});`,
      errors: [
        {
          messageId: 'untypedTimeoutError',
          suggestions: [
            {
              messageId: 'useTypedError',
              output: `new Promise((resolve, reject) => {
  setTimeout(() => reject(new DOMException(\`timed out after \${ms}ms\`, 'TimeoutError')), ms);
});`,
            },
          ],
        },
      ],
    },
    {
      code: "function f(cb: (e: Error) => void) { cb(new Error('Timeout exceeded')); }",
      errors: [
        {
          messageId: 'untypedTimeoutError',
          suggestions: [
            {
              messageId: 'useTypedError',
              output: "function f(cb: (e: Error) => void) { cb(new DOMException('Timeout exceeded', 'TimeoutError')); }",
            },
          ],
        },
      ],
    },
    {
      code: "const e = Error('request timed out: ' + url);",
      errors: [
        {
          messageId: 'untypedTimeoutError',
          suggestions: [{ messageId: 'useTypedError', output: "const e = new DOMException('request timed out: ' + url, 'TimeoutError');" }],
        },
      ],
    },
    {
      // Assigning something else does not give it an identity.
      code: "const err = new Error('connect ETIMEDOUT'); err.message += '!'; throw err;",
      errors: [
        {
          messageId: 'untypedTimeoutError',
          suggestions: [
            {
              messageId: 'useTypedError',
              output: "const err = new DOMException('connect ETIMEDOUT', 'TimeoutError'); err.message += '!'; throw err;",
            },
          ],
        },
      ],
    },
    {
      code: "throw 'timeout';",
      errors: [
        {
          messageId: 'stringTimeout',
          data: { value: "'timeout'" },
          suggestions: [{ messageId: 'useTypedError', output: "throw new DOMException('timeout', 'TimeoutError');" }],
        },
      ],
    },
    {
      code: "new Promise((resolve, reject) => { setTimeout(() => reject('ETIMEDOUT'), 100); });",
      errors: [
        {
          messageId: 'stringTimeout',
          data: { value: "'ETIMEDOUT'" },
          suggestions: [
            {
              messageId: 'useTypedError',
              output:
                "new Promise((resolve, reject) => { setTimeout(() => reject(new DOMException('ETIMEDOUT', 'TimeoutError')), 100); });",
            },
          ],
        },
      ],
    },
    {
      code: "req.destroy(new Error('socket timeout'));",
      errors: [
        {
          messageId: 'untypedTimeoutError',
          suggestions: [{ messageId: 'useTypedError', output: "req.destroy(new DOMException('socket timeout', 'TimeoutError'));" }],
        },
      ],
    },
    {
      // Any plain Error on a timeout path, whatever its message.
      code: `function latest(start: number, maxWait: number) {
  if (Date.now() - start > maxWait) throw new Error('skip');
  return 1;
}`,
      errors: [
        {
          messageId: 'untypedErrorOnTimeoutPath',
          data: { path: '`Date.now() - start > maxWait`' },
          suggestions: [
            {
              messageId: 'useTypedError',
              output: `function latest(start: number, maxWait: number) {
  if (Date.now() - start > maxWait) throw new DOMException('skip', 'TimeoutError');
  return 1;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function load() {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error()), 100);
    query().then(resolve, reject);
  });
}`,
      errors: [
        {
          messageId: 'untypedErrorOnTimeoutPath',
          data: { path: '`setTimeout` callback racing the work' },
          suggestions: [
            {
              messageId: 'useTypedError',
              output: `function load() {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new DOMException('Timed out', 'TimeoutError')), 100);
    query().then(resolve, reject);
  });
}`,
            },
          ],
        },
      ],
    },
    {
      // Inside a catch, a class gets the caught error as its cause.
      code: `import { TimeoutError } from 'p-timeout';
async function f() {
  try {
    await q();
  } catch (e) {
    if (e.code === 'ETIMEDOUT') throw new Error('query failed');
    throw e;
  }
}`,
      errors: [
        {
          messageId: 'untypedErrorOnTimeoutPath',
          suggestions: [
            {
              messageId: 'useTypedError',
              data: { error: 'TimeoutError' },
              output: `import { TimeoutError } from 'p-timeout';
async function f() {
  try {
    await q();
  } catch (e) {
    if (e.code === 'ETIMEDOUT') throw new TimeoutError('query failed', { cause: e });
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // An existing cause is kept.
      code: `try {
  await q();
} catch (e) {
  throw new Error('query timeout', { cause: e });
}`,
      options: [{ timeoutError: { name: 'QueryTimeoutError', from: '#errors' } }],
      errors: [
        {
          messageId: 'untypedTimeoutError',
          suggestions: [
            {
              messageId: 'useTypedError',
              data: { error: 'QueryTimeoutError' },
              output: `import { QueryTimeoutError } from '#errors';
try {
  await q();
} catch (e) {
  throw new QueryTimeoutError('query timeout', { cause: e });
}`,
            },
          ],
        },
      ],
    },
    {
      // DOMException cannot carry the cause: no fix rather than losing it.
      code: `try {
  await q();
} catch (e) {
  throw new Error('query timeout', { cause: e });
}`,
      errors: [{ messageId: 'untypedTimeoutError', suggestions: [] }],
    },
    {
      // Opted in: applied by --fix.
      code: "throw new Error('query timeout');",
      options: [{ autofix: true, timeoutError: { name: 'QueryTimeoutError', from: './errors' } }],
      output: "import { QueryTimeoutError } from './errors';\nthrow new QueryTimeoutError('query timeout');",
      errors: [{ messageId: 'untypedTimeoutError' }],
    },
    ...FIRST_IMPORT_CASES,
    {
      code: `const db = require('./db');
function f() {
  throw new Error('lock wait timeout');
}`,
      filename: 'file.cjs',
      options: [{ autofix: true, timeoutError: { name: 'LockTimeoutError', from: './errors' } }],
      output: `const db = require('./db');
const { LockTimeoutError } = require('./errors');
function f() {
  throw new LockTimeoutError('lock wait timeout');
}`,
      errors: [{ messageId: 'untypedTimeoutError' }],
    },
  ],
});
