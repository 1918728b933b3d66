// A timer racing the work that fails it with no error, an error passed by setTimeout itself, or
// any string (issue 20, item 9): from a racing timer every failure is a timeout, whatever it says.
import rule from '../../../src/rules/prefer-typed-timeout-error.js';
import { runRuleTests } from '../../rule-tester.js';

const DOM = "DOMException(…, 'TimeoutError')";
const CALLBACK = '`setTimeout` callback racing the work';

runRuleTests('prefer-typed-timeout-error', rule, {
  valid: [
    // grpc-js: a retry timer that calls back a yes/no decision, not a message.
    `function retry(callback: (retry: boolean) => void, ms: number) {
  work(callback);
  setTimeout(() => {
    if (done) {
      callback(false);
      return;
    }
    callback(true);
  }, ms);
}`,
    // A plain delay: nothing rejects.
    'const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));',
    'function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }',
    // A timer that rejects when nothing races it: a scheduled failure, not a timeout of work.
    'new Promise((resolve, reject) => setTimeout(reject, 100));',
    'new Promise((_, reject) => { setTimeout(() => reject(), 100); });',
    "new Promise((_, reject) => { setTimeout(() => reject('taking longer than expected'), 100); });",
    "new Promise((_, reject) => { setTimeout(reject, 100, new Error('slow')); });",
    "function f(cb) { setTimeout(() => cb('try again'), 10); }",
    // A caught or received error passed on.
    `function load() {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try { check(); } catch (err) { reject(err); }
    }, 100);
    work().then(resolve, reject);
  });
}`,
    'function load(err: Error) { return new Promise((resolve, reject) => { setTimeout(reject, 100, err); work().then(resolve, reject); }); }',
    // Resolving is not failing: a value from a timer is no-timeout-sentinel's concern.
    'new Promise((resolve, reject) => { setTimeout(resolve, 100); work().then(resolve, reject); });',
    "new Promise((resolve, reject) => { setTimeout(() => resolve('done'), 100); work().then(resolve, reject); });",
    'Promise.race([work(), new Promise((resolve) => setTimeout(resolve, 100))]);',
    // An error-first callback called with no error succeeds; `next('route')` routes.
    'function get(key, cb) { setTimeout(() => cb(), 10); cache.get(key, cb); }',
    "function handler(req, res, next) { setTimeout(() => next('route'), 10); work(req, next); }",
    // Already typed.
    "new Promise((resolve, reject) => { setTimeout(reject, 100, new DOMException('slow', 'TimeoutError')); work().then(resolve, reject); });",
    "new Promise((resolve, reject) => { setTimeout(() => reject(new TimeoutError('slow')), 100); work().then(resolve, reject); });",
    // A call with no arguments that rejects nothing, in a racing timer.
    'new Promise((resolve, reject) => { setTimeout(() => { log(); controller.abort(); }, 100); work().then(resolve, reject); });',
  ],
  invalid: [
    {
      // reject() with no reason: the caller gets `undefined`.
      code: `function load(ms: number) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(), ms);
    query().then(resolve, reject);
  });
}`,
      errors: [
        {
          messageId: 'missingTimeoutError',
          data: { path: CALLBACK },
          line: 3,
          column: 22,
          suggestions: [
            {
              messageId: 'passTypedError',
              data: { error: DOM },
              output: `function load(ms: number) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new DOMException('load timed out', 'TimeoutError')), ms);
    query().then(resolve, reject);
  });
}`,
            },
          ],
        },
      ],
    },
    {
      // Plain JS, a Promise.race entry, a function callback, a reject under another name.
      code: `async function fetchRows(ms) {
  return Promise.race([
    db.all(),
    new Promise(function (ok, fail) {
      setTimeout(function () { fail(); }, ms);
    }),
  ]);
}`,
      errors: [
        {
          messageId: 'missingTimeoutError',
          suggestions: [
            {
              messageId: 'passTypedError',
              output: `async function fetchRows(ms) {
  return Promise.race([
    db.all(),
    new Promise(function (ok, fail) {
      setTimeout(function () { fail(new DOMException('fetchRows timed out', 'TimeoutError')); }, ms);
    }),
  ]);
}`,
            },
          ],
        },
      ],
    },
    {
      // Opted in: applied by --fix, with the class in scope.
      code: `class QueryTimeoutError extends Error {}
const rows = new Promise((resolve, reject) => {
  const timer = setTimeout(() => {
    reject();
  }, 500);
  pool.query(sql).then(resolve, reject).finally(() => clearTimeout(timer));
});`,
      settings: { resilience: { autofix: true } },
      output: `class QueryTimeoutError extends Error {}
const rows = new Promise((resolve, reject) => {
  const timer = setTimeout(() => {
    reject(new QueryTimeoutError('Operation timed out'));
  }, 500);
  pool.query(sql).then(resolve, reject).finally(() => clearTimeout(timer));
});`,
      errors: [{ messageId: 'missingTimeoutError', line: 4 }],
    },
    {
      // setTimeout(reject, ms, new Error(msg)): any message, delivered by a racing timer.
      code: `function load(ms: number) {
  return new Promise((resolve, reject) => {
    setTimeout(reject, ms, new Error('taking too long'));
    query().then(resolve, reject);
  });
}`,
      errors: [
        {
          messageId: 'untypedErrorOnTimeoutPath',
          data: { path: '`setTimeout(reject, …)` racing the work' },
          suggestions: [
            {
              messageId: 'useTypedError',
              data: { error: DOM },
              output: `function load(ms: number) {
  return new Promise((resolve, reject) => {
    setTimeout(reject, ms, new DOMException('taking too long', 'TimeoutError'));
    query().then(resolve, reject);
  });
}`,
            },
          ],
        },
      ],
    },
    {
      // setTimeout(reject, ms): no reason at all; the fix passes one as setTimeout's third argument.
      code: `function load(ms) {
  return new Promise((resolve, reject) => {
    setTimeout(reject, ms);
    emitter.once('ready', resolve);
  });
}`,
      errors: [
        {
          messageId: 'missingTimeoutError',
          data: { path: '`setTimeout(reject, …)` racing the work' },
          suggestions: [
            {
              messageId: 'passTypedError',
              output: `function load(ms) {
  return new Promise((resolve, reject) => {
    setTimeout(reject, ms, new DOMException('load timed out', 'TimeoutError'));
    emitter.once('ready', resolve);
  });
}`,
            },
          ],
        },
      ],
    },
    {
      // A Promise.race entry races by construction.
      code: 'const result = await Promise.race([work(), new Promise((_, reject) => setTimeout(reject, 1000))]);',
      errors: [
        {
          messageId: 'missingTimeoutError',
          suggestions: [
            {
              messageId: 'passTypedError',
              output:
                "const result = await Promise.race([work(), new Promise((_, reject) => setTimeout(reject, 1000, new DOMException('Operation timed out', 'TimeoutError')))]);",
            },
          ],
        },
      ],
    },
    {
      // Any string from a racing timer is a timeout, whatever it says.
      code: `function load() {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject('taking longer than expected'), 5000);
    query().then(resolve, reject);
  });
}`,
      errors: [
        {
          messageId: 'stringOnTimeoutPath',
          data: { path: CALLBACK, value: "'taking longer than expected'" },
          suggestions: [
            {
              messageId: 'useTypedError',
              output: `function load() {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new DOMException('taking longer than expected', 'TimeoutError')), 5000);
    query().then(resolve, reject);
  });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function run(sql: string, ms: number) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(\`Query exceeded \${ms}ms\`);
    }, ms);
    db.query(sql).then(resolve, reject).finally(() => clearTimeout(timer));
  });
}`,
      errors: [
        {
          messageId: 'stringOnTimeoutPath',
          suggestions: [
            {
              messageId: 'useTypedError',
              output: `async function run(sql: string, ms: number) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new DOMException(\`Query exceeded \${ms}ms\`, 'TimeoutError'));
    }, ms);
    db.query(sql).then(resolve, reject).finally(() => clearTimeout(timer));
  });
}`,
            },
          ],
        },
      ],
    },
    {
      // An error-first callback the work also settles.
      code: "function get(key, cb) { setTimeout(() => cb('cache is slow'), 10); cache.get(key, cb); }",
      errors: [
        {
          messageId: 'stringOnTimeoutPath',
          suggestions: [
            {
              messageId: 'useTypedError',
              output:
                "function get(key, cb) { setTimeout(() => cb(new DOMException('cache is slow', 'TimeoutError')), 10); cache.get(key, cb); }",
            },
          ],
        },
      ],
    },
    {
      // A string passed by setTimeout itself.
      code: "new Promise((resolve, reject) => { setTimeout(reject, 100, 'slow query'); work().then(resolve, reject); });",
      errors: [
        {
          messageId: 'stringOnTimeoutPath',
          data: { path: '`setTimeout(reject, …)` racing the work', value: "'slow query'" },
          suggestions: [
            {
              messageId: 'useTypedError',
              output:
                "new Promise((resolve, reject) => { setTimeout(reject, 100, new DOMException('slow query', 'TimeoutError')); work().then(resolve, reject); });",
            },
          ],
        },
      ],
    },
    {
      // A string that says timeout, passed by setTimeout, is one even when nothing races the timer.
      code: "new Promise((resolve, reject) => setTimeout(reject, 100, 'ETIMEDOUT'));",
      errors: [
        {
          messageId: 'stringTimeout',
          suggestions: [
            {
              messageId: 'useTypedError',
              output: "new Promise((resolve, reject) => setTimeout(reject, 100, new DOMException('ETIMEDOUT', 'TimeoutError')));",
            },
          ],
        },
      ],
    },
    {
      // CommonJS with a configured class: the fix requires it.
      code: `const db = require('./db');
function query(sql) {
  return new Promise((resolve, reject) => {
    setTimeout(reject, 5000);
    db.query(sql, (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}`,
      settings: { resilience: { autofix: true, timeoutError: { name: 'QueryTimeoutError', from: './errors' } } },
      output: `const db = require('./db');
const { QueryTimeoutError } = require('./errors');
function query(sql) {
  return new Promise((resolve, reject) => {
    setTimeout(reject, 5000, new QueryTimeoutError('query timed out'));
    db.query(sql, (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}`,
      errors: [{ messageId: 'missingTimeoutError' }],
    },
    {
      // The same as a suggestion, and for reject() in a callback.
      code: `const db = require('./db');
function query(sql) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(), 5000);
    db.query(sql, (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}`,
      settings: { resilience: { timeoutError: { name: 'QueryTimeoutError', from: './errors' } } },
      errors: [
        {
          messageId: 'missingTimeoutError',
          suggestions: [
            {
              messageId: 'passTypedError',
              data: { error: 'QueryTimeoutError' },
              output: `const db = require('./db');
const { QueryTimeoutError } = require('./errors');
function query(sql) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new QueryTimeoutError('query timed out')), 5000);
    db.query(sql, (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}`,
            },
          ],
        },
      ],
    },
  ],
});
