// What is and is not a timeout path, as real code writes it (issue 20): the rest of a block after a
// timeout test that leaves is the other errors' path; a data field compared with a limit is no clock.
import rule from '../../../src/rules/no-timeout-sentinel.js';
import { runRuleTests } from '../../rule-tester.js';

const autofix = { resilience: { autofix: true } };
const DOM = "DOMException(…, 'TimeoutError')";
const throwDom = (output: string) => [{ messageId: 'throwTypedError' as const, data: { error: DOM }, output }];

// ioredis's Command: a resolver kept in a field, settled on "no time left" and from a timer.
const COMMAND = `class Command {
  initPromise() {
    this.promise = new Promise((resolve, reject) => {
      this.resolve = this._convertValue(resolve);
      this.reject = (err) => reject(err);
    });
  }
  setBlockingTimeout(ms: number) {
    const now = Date.now();
    if (this._blockingDeadline === undefined) this._blockingDeadline = now + ms;
    const remaining = this._blockingDeadline - now;
    if (remaining <= 0) {
      this.resolve(null);
      return;
    }
    this._timer = setTimeout(() => {
      this.resolve(null);
    }, remaining);
  }
}`;
const REJECT = "this.reject(new DOMException('setBlockingTimeout timed out', 'TimeoutError'));";
const rejectField = (output: string) => [
  { messageId: 'rejectTypedError' as const, data: { error: "DOMException(…, 'TimeoutError')", reject: 'this.reject' }, output },
];

runRuleTests('no-timeout-sentinel', rule, {
  valid: [
    {
      // The timeout is rethrown; `[]` is what every other failure gives, and no fix may touch it.
      code: `async function search(url: string) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return await res.json();
  } catch (err) {
    if (err.name === 'TimeoutError') throw err;
    return [];
  }
}`,
      settings: autofix,
    },
    {
      // The same with an error class, a block, and a `return` of the error instead of a `throw`.
      code: `async function search(url: string) {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(1000) });
  } catch (err) {
    if (err instanceof TimeoutError) {
      return Promise.reject(err);
    }
    console.warn(err);
    return null;
  }
}`,
      settings: autofix,
    },
    {
      // In a loop: after \`continue\` on a timeout, the rest is the ordinary path.
      code: `async function fetchAll(urls: string[]) {
  const out = [];
  for (const url of urls) {
    try {
      out.push(await fetch(url, { signal: AbortSignal.timeout(500) }));
    } catch (err) {
      if (err.name === 'TimeoutError') continue;
      return [];
    }
  }
  return out;
}`,
    },
    {
      // Past the deadline check that leaves, the code runs in budget.
      code: `function drain(queue: number[], deadline: number) {
  if (Date.now() > deadline) throw new Error('drain timed out');
  if (queue.length === 0) return 0;
  return queue.length;
}`,
    },
    // A data field compared with a limit is not a clock (issue 20, item 4).
    `function clips(videos: { durationSec: number }[], maxDurationSec: number) {
  return videos.flatMap((video) => {
    if (video.durationSec > maxDurationSec) return [];
    return [video];
  });
}`,
    `function clip(video: { durationSec: number }, maxDurationSec: number) {
  const duration = video.durationSec;
  if (duration > maxDurationSec) return null;
  return video;
}`,
    `function report(stats: { took: number }, timeoutMs: number) {
  if (stats.took > timeoutMs) return 0;
  return 1;
}`,
    // \`0\` from a function that computes a time is "no time left", not a disguised result (grpc-js).
    `function getRelativeTimeout(deadline: number) {
  const now = Date.now();
  const timeout = deadline - now;
  if (timeout < 0) {
    return 0;
  }
  return timeout;
}`,
    // A resolver field of a class, settled from a timer: not a sentinel when the value is real.
    `class Command {
  initPromise() {
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
  wait(ms: number) {
    setTimeout(() => this.resolve('OK'), ms);
  }
}`,
    // Time left before an expiry is cache expiry, not a timeout.
    'function get(e: { expiresAt: number; v: string }) { if (e.expiresAt - Date.now() <= 0) return null; return e.v; }',
    // A field named resolve that no executor stored: not a promise's resolver.
    `class Cache {
  resolve(value: unknown) { return value; }
  wait(ms: number) { setTimeout(() => this.resolve(null), ms); }
}`,
  ],
  invalid: [
    {
      // The timeout side itself is still the finding.
      code: `async function search(url: string) {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(1000) });
  } catch (err) {
    if (err.name === 'TimeoutError') return [];
    throw err;
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          line: 5,
          suggestions: throwDom(`async function search(url: string) {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(1000) });
  } catch (err) {
    if (err.name === 'TimeoutError') throw new DOMException('search timed out', 'TimeoutError');
    throw err;
  }
}`),
        },
      ],
    },
    {
      // An elapsed time measured with a clock is one.
      code: `function poll(start: number, timeoutMs: number) {
  const elapsed = Date.now() - start;
  if (elapsed > timeoutMs) return 0;
  return 1;
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          line: 3,
          suggestions: throwDom(`function poll(start: number, timeoutMs: number) {
  const elapsed = Date.now() - start;
  if (elapsed > timeoutMs) throw new DOMException('poll timed out', 'TimeoutError');
  return 1;
}`),
        },
      ],
    },
    {
      code: `function poll(timeoutMs: number) {
  const t0 = performance.now();
  let took = 0;
  took = performance.now() - t0;
  if (took > timeoutMs) return null;
  return 1;
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          line: 5,
          suggestions: throwDom(`function poll(timeoutMs: number) {
  const t0 = performance.now();
  let took = 0;
  took = performance.now() - t0;
  if (took > timeoutMs) throw new DOMException('poll timed out', 'TimeoutError');
  return 1;
}`),
        },
      ],
    },
    {
      // Issue 20, item 2: the catch-all is right to be reported (a timeout comes back as \`[]\`), but the
      // work also fails on HTTP 500: the fix singles out the timeout, keeps \`err\` as the cause, and
      // leaves every other failure on the fallback. A suggestion even under \`autofix\`.
      code: `import { QueryTimeoutError } from './errors';
async function search(url: string) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
    return await res.json();
  } catch (err) {
    console.warn(err);
    return [];
  }
}`,
      settings: { resilience: { autofix: true, timeoutError: { name: 'QueryTimeoutError', from: './errors' } } },
      output: null,
      errors: [
        {
          messageId: 'returnsSentinel',
          line: 9,
          suggestions: [
            {
              messageId: 'throwOnTimeout',
              data: { error: 'QueryTimeoutError', test: "err instanceof Error && err.name === 'TimeoutError'" },
              output: `import { QueryTimeoutError } from './errors';
async function search(url: string) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
    return await res.json();
  } catch (err) {
    console.warn(err);
    if (err instanceof Error && err.name === 'TimeoutError') throw new QueryTimeoutError('search timed out', { cause: err });
    return [];
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // The import is added when the class is not in scope yet; in CommonJS as a require.
      code: `const db = require('./db');
async function search() {
  try {
    return await pTimeout(db.query('x'), { milliseconds: 100 });
  } catch (e) {
    return null;
  }
}`,
      settings: { resilience: { timeoutError: { name: 'QueryTimeoutError', from: './errors' } } },
      errors: [
        {
          messageId: 'returnsSentinel',
          suggestions: [
            {
              messageId: 'throwOnTimeout',
              data: { error: 'QueryTimeoutError', test: "e instanceof Error && e.name === 'TimeoutError'" },
              output: `const db = require('./db');
const { QueryTimeoutError } = require('./errors');
async function search() {
  try {
    return await pTimeout(db.query('x'), { milliseconds: 100 });
  } catch (e) {
    if (e instanceof Error && e.name === 'TimeoutError') throw new QueryTimeoutError('search timed out', { cause: e });
    return null;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // \`catch {}\` gets a parameter to test, unless \`error\` already names something it would hide.
      code: `async function search(error: string) {
  try {
    return await pTimeout(q(), { milliseconds: 100 });
  } catch {
    console.warn(error);
    return null;
  }
}`,
      errors: [{ messageId: 'returnsSentinel', suggestions: [] }],
    },
    {
      // A fallback under a condition of its own: no place for the test before it, so no fix.
      code: `async function search(strict: boolean) {
  try {
    return await pTimeout(q(), { milliseconds: 100 });
  } catch (e) {
    if (!strict) return null;
    throw e;
  }
}`,
      errors: [{ messageId: 'returnsSentinel', suggestions: [] }],
    },
    {
      // ioredis: no time left before the deadline (a deadline minus a clock reading, at most 0)
      // resolves the command with null, and so does the timer racing the reply.
      code: COMMAND,
      errors: [
        {
          messageId: 'resolvesSentinel',
          line: 13,
          data: { path: '`remaining <= 0`', value: 'null' },
          suggestions: rejectField(COMMAND.replace('      this.resolve(null);\n      return;', `      ${REJECT}\n      return;`)),
        },
        {
          messageId: 'resolvesSentinel',
          line: 17,
          data: { path: '`setTimeout` callback racing the work', value: 'null' },
          suggestions: rejectField(COMMAND.replace('      this.resolve(null);\n    }, remaining);', `      ${REJECT}\n    }, remaining);`)),
        },
      ],
    },
    {
      // A deadline minus the clock, compared with 0 directly.
      code: `function poll(deadline: number) {
  if (deadline - Date.now() <= 0) return [];
  return read();
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          suggestions: throwDom(`function poll(deadline: number) {
  if (deadline - Date.now() <= 0) throw new DOMException('poll timed out', 'TimeoutError');
  return read();
}`),
        },
      ],
    },
  ],
});
