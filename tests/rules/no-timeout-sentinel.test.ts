import rule from '../../src/rules/no-timeout-sentinel.js';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

const DOM = "DOMException(…, 'TimeoutError')";

runRuleTests('no-timeout-sentinel', rule, {
  valid: [
    // Sentinels on paths that are not timeouts.
    'function count(rows: unknown[]) { if (rows.length === 0) return 0; return rows.length; }',
    'function first(xs: number[]) { return xs.length ? xs[0] : null; }',
    // Cache expiry is an answer ("not cached"), not a timeout.
    'function get(e: { time: number; v: string }, ttl: number) { if (Date.now() - e.time > ttl) return null; return e.v; }',
    'function get(e: { expiresAt: number }) { if (Date.now() > e.expiresAt) return undefined; return e; }',
    // Timeout paths that throw, reject or pass an error.
    'function f(timePass: number, maxWait: number) { if (timePass > maxWait) throw new TimeoutError("slow"); return 1; }',
    // Nothing from a function that never returns anything else: a wait that stops early (Backstage's
    // TaskPipeline barrier), a bare `undefined`. Only a caller expecting a value could be misled.
    `function createBarrier(waitTimeoutMillis: number, signal: AbortSignal) {
  function wait() {
    if (signal.aborted || !(waitTimeoutMillis > 0)) {
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timeoutHandle = setTimeout(done, waitTimeoutMillis);
      function done() { clearTimeout(timeoutHandle); resolve(); }
    });
  }
  return { wait };
}`,
    'function flush(deadline: number) { if (Date.now() > deadline) return undefined; write(); }',
    // A helper's measure against a bare number: a video's length, not a timeout.
    'function clip(video: Video) { if (getDuration(video) > 600) return null; return trim(video); }',
    'function f(timePass: number, maxWait: number) { if (timePass > maxWait) return [0, new TimeoutError("slow")]; return [1, null]; }',
    `function f(elapsed: number, timeout: number, e: Error) {
  if (elapsed > timeout) return { data: null, error: e };
  return { data: 1, error: null };
}`,
    'import { err } from "neverthrow"; function f(elapsed: number, timeout: number) { if (elapsed > timeout) return err(new Error("t")); }',
    'function f(cb: Function, elapsed: number, timeout: number) { if (elapsed > timeout) return cb(new Error("timeout")); }',
    'new Promise((resolve, reject) => { setTimeout(() => reject(new Error("t")), 100); work().then(resolve); });',
    // Results that say they are degraded.
    'function f(elapsed: number, timeout: number, cached: string[]) { if (elapsed > timeout) return { items: cached, stale: true }; }',
    'function f(elapsed: number, timeout: number) { if (elapsed > timeout) return { items: [], timedOut: true }; }',
    'function f(elapsed: number, timeout: number) { if (elapsed > timeout) return { items: [], partial: true }; }',
    // Elapsed-time checks used only for logging or metrics.
    `function f(start: number, timeoutMs: number, rows: number[]) {
  if (Date.now() - start > timeoutMs) {
    log.warn("slow");
  }
  return rows;
}`,
    'function f(elapsedMs: number, rows: number[]) { if (elapsedMs > 1000) metrics.slow.inc(); return rows.length ? rows : []; }',
    // A plain delay with nothing racing it.
    'const pause = () => new Promise((r) => setTimeout(() => r(0), 50));',
    'function delay(ms: number) { return new Promise<number>((resolve) => { setTimeout(() => resolve(0), ms); }); }',
    // The non-timeout side of a guard.
    'function f(elapsed: number, timeout: number, rows: number[]) { if (elapsed <= timeout) return rows; throw new Error("t"); }',
    'function f(elapsed: number, timeout: number) { if (elapsed > timeout) { throw new Error("t"); } else { return 0; } }',
    'function f(timedOut: boolean, rows: number[]) { return timedOut ? rows : []; }',
    // A catch with no timeout evidence is a generic failure, out of scope.
    'async function f() { try { return await db.query("x"); } catch { return []; } }',
    // A catch of timed work that singles out another error.
    `async function f(u: string) {
  try {
    return await fetch(u, { signal: AbortSignal.timeout(5000) });
  } catch (e) {
    if (e.code === "ENOENT") return [];
    throw e;
  }
}`,
    // Catch callbacks on promises with no timeout.
    'const rows = db.query("x").catch(() => []);',
    // Race entries that reject.
    'const r = Promise.race([work(), sleep(100).then(() => { throw new TimeoutError(); })]);',
    // A bare return in a function that never returns a value.
    'function f(signal: AbortSignal) { if (signal.aborted) return; work(); }',
    // Predicates answer "no" with false: that is the result, not a disguised timeout.
    `async function waitForReady(deadline: number) {
  while (true) {
    if (Date.now() > deadline) return false;
    if (await ready()) return true;
  }
}`,
    // A fallback of something that is not a timeout wrapper.
    'const v = getConfig({ fallback: () => [] });',
    // A nested function inside a timeout branch returns its own value.
    'function f(elapsed: number, timeout: number) { if (elapsed > timeout) { return items.map(() => 0).length > 0 ? fail() : fail(); } }',
    // Callback-style: first argument is an error.
    `function f(cb: (e: Error | null, n?: number) => void, elapsed: number, timeout: number) {
  if (elapsed > timeout) cb(new Error("t"));
}`,
    // Something that looks like a callback but is not a parameter or callback name.
    'function f(elapsed: number, timeout: number) { if (elapsed > timeout) setState(null, 0); }',
    // A `timeout` option alone is one setting of a call that fails in many ways: only with `checkTimeoutOptions`.
    'async function load() { try { return await axios.get("/x", { timeout: 2000 }); } catch (e) { return null; } }',
    'const rows = axios.get("/x", { timeout: 2000 }).catch(() => []);',
    // `success: false` and `ok: false` say it failed.
    'function f(signal: AbortSignal) { if (signal.aborted) return { success: false }; return { success: true }; }',
    `function f(elapsed: number, timeout: number) {
  if (elapsed > timeout) return { ok: false, value: null };
  return { ok: true, value: 1 };
}`,
    // A function that answers yes or no elsewhere: its false is an answer.
    `async function settlesWithin(work: Promise<unknown>, ms: number) {
  try {
    await raceTimeout(work, ms);
    return true;
  } catch {
    return false;
  }
}`,
    `function reload() {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), 30000);
    child.on("message", (m) => {
      clearTimeout(t);
      resolve(m.success === true);
    });
  });
}`,
    // A function that computes a time: its 0 is "no time left".
    'class Timeout { get remainingTime() { if (this.timedOut) return 0; return this.start + this.duration - performance.now(); } }',
    // p-timeout with a message keeps rejecting.
    'import pTimeout from "p-timeout"; pTimeout(work(), { milliseconds: 100, message: "slow" });',
  ],
  invalid: [
    // ---------------------------------------------------------------- the incident
    {
      code: `
async function latestRevision(db: Pool, maxWaitMs: number): Promise<[number, Error | null]> {
  const start = Date.now();
  const rows = await db.query('SELECT max(revision) AS r FROM services');
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) {
    return [0, null];
  }
  return [rows[0].r, null];
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`maxWaitMs !== 0 && Date.now() - start > maxWaitMs`', value: '[0, null]' },
          line: 6,
          column: 12,
          suggestions: [
            {
              messageId: 'fillErrorSlot',
              data: { error: DOM },
              output: `
async function latestRevision(db: Pool, maxWaitMs: number): Promise<[number, Error | null]> {
  const start = Date.now();
  const rows = await db.query('SELECT max(revision) AS r FROM services');
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) {
    return [0, new DOMException('latestRevision timed out', 'TimeoutError')];
  }
  return [rows[0].r, null];
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function getCount(timePass: number, maxWait: number) {
  if (maxWait !== 0 && timePass > maxWait) {
    return 0;
  }
  return 1;
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`maxWait !== 0 && timePass > maxWait`', value: '0' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function getCount(timePass: number, maxWait: number) {
  if (maxWait !== 0 && timePass > maxWait) {
    throw new DOMException('getCount timed out', 'TimeoutError');
  }
  return 1;
}`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- elapsed-time guards
    {
      code: `function f(elapsedMs: number, timeoutMs: number) {
  if (elapsedMs >= timeoutMs) return [];
  return [1];
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`elapsedMs >= timeoutMs`', value: '[]' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function f(elapsedMs: number, timeoutMs: number) {
  if (elapsedMs >= timeoutMs) throw new DOMException('f timed out', 'TimeoutError');
  return [1];
}`,
            },
          ],
        },
      ],
    },
    {
      // A measuring helper against a named limit.
      code: `function poll(start: number, maxWait: number) {
  if (elapsedSince(start) > maxWait) return 0;
  return read();
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`elapsedSince(start) > maxWait`', value: '0' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function poll(start: number, maxWait: number) {
  if (elapsedSince(start) > maxWait) throw new DOMException('poll timed out', 'TimeoutError');
  return read();
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function f(budget: number, t0: number) {
  const start = performance.now();
  if (performance.now() - t0 > budget) return -1;
  return 1;
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`performance.now() - t0 > budget`', value: '-1' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function f(budget: number, t0: number) {
  const start = performance.now();
  if (performance.now() - t0 > budget) throw new DOMException('f timed out', 'TimeoutError');
  return 1;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function f(deadline: number) {
  if (Date.now() > deadline) {
    return null;
  }
  return 1;
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`Date.now() > deadline`', value: 'null' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function f(deadline: number) {
  if (Date.now() > deadline) {
    throw new DOMException('f timed out', 'TimeoutError');
  }
  return 1;
}`,
            },
          ],
        },
      ],
    },
    {
      // Limit on the left, elapsed on the right; and an `else` branch of the in-budget test.
      code: `function f(start: number) {
  if (Date.now() - start < 5000) {
    return 1;
  } else {
    return '';
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`Date.now() - start < 5000`', value: "''" },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function f(start: number) {
  if (Date.now() - start < 5000) {
    return 1;
  } else {
    throw new DOMException('f timed out', 'TimeoutError');
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function f(start: bigint, timeoutNs: bigint) {
  if (process.hrtime.bigint() - start > timeoutNs) return false;
  return rows;
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`process.hrtime.bigint() - start > timeoutNs`', value: 'false' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function f(start: bigint, timeoutNs: bigint) {
  if (process.hrtime.bigint() - start > timeoutNs) throw new DOMException('f timed out', 'TimeoutError');
  return rows;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function f(t: [number, number]) {
  if (process.hrtime(t)[0] > 5) return NaN;
  return 1;
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`process.hrtime(t)[0] > 5`', value: 'NaN' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function f(t: [number, number]) {
  if (process.hrtime(t)[0] > 5) throw new DOMException('f timed out', 'TimeoutError');
  return 1;
}`,
            },
          ],
        },
      ],
    },
    {
      // Ternary: reported, no fix (a `throw` cannot stand in an expression).
      code: 'function f(elapsed: number, maxWait: number, rows: number[]) { return elapsed > maxWait ? [] : rows; }',
      errors: [{ messageId: 'returnsSentinel', data: { path: '`elapsed > maxWait`', value: '[]' }, suggestions: [] }],
    },
    {
      // Early exit: what follows `if (in budget) return` runs only after a timeout.
      code: `function f(start: number, rows: number[]) {
  if (Date.now() - start < LIMIT_MS) return rows;
  return void 0;
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`Date.now() - start < LIMIT_MS`', value: 'void 0' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function f(start: number, rows: number[]) {
  if (Date.now() - start < LIMIT_MS) return rows;
  throw new DOMException('f timed out', 'TimeoutError');
}`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- flags
    {
      code: `function f(signal: AbortSignal) {
  if (signal.aborted) return new Map();
  return load();
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`signal.aborted`', value: 'new Map()' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function f(signal: AbortSignal) {
  if (signal.aborted) throw new DOMException('f timed out', 'TimeoutError');
  return load();
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function f(controller: AbortController) {
  if (controller.signal.aborted) {
    return new Set();
  }
  return load();
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`controller.signal.aborted`', value: 'new Set()' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function f(controller: AbortController) {
  if (controller.signal.aborted) {
    throw new DOMException('f timed out', 'TimeoutError');
  }
  return load();
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function f(state: { timedOut: boolean }) {
  if (state.timedOut) return {};
  return load();
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`state.timedOut`', value: '{}' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function f(state: { timedOut: boolean }) {
  if (state.timedOut) throw new DOMException('f timed out', 'TimeoutError');
  return load();
}`,
            },
          ],
        },
      ],
    },
    {
      // A bare `return;` in a function that returns values elsewhere.
      code: 'function f(didTimeout: boolean) { if (didTimeout) return; return load(); }',
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`didTimeout`', value: 'undefined' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output:
                "function f(didTimeout: boolean) { if (didTimeout) throw new DOMException('f timed out', 'TimeoutError'); return load(); }",
            },
          ],
        },
      ],
    },
    {
      // `&&` guard with a Node callback.
      code: `function f(cb: (e: Error | null, n?: number) => void, timedOut: boolean) {
  timedOut && cb(null, 0);
}`,
      errors: [
        {
          messageId: 'callsBackSentinel',
          data: { path: '`timedOut`', callback: 'cb', value: '0' },
          suggestions: [
            {
              messageId: 'callBackWithError',
              output: `function f(cb: (e: Error | null, n?: number) => void, timedOut: boolean) {
  timedOut && cb(new DOMException('f timed out', 'TimeoutError'));
}`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- catch clauses
    {
      code: `async function f() {
  try {
    return await q();
  } catch (err) {
    if (err.name === "TimeoutError") return [];
    throw err;
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`err.name === "TimeoutError"`', value: '[]' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `async function f() {
  try {
    return await q();
  } catch (err) {
    if (err.name === "TimeoutError") throw new DOMException('f timed out', 'TimeoutError');
    throw err;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function f() {
  try {
    return await q();
  } catch (e) {
    if (e.name !== "AbortError") throw e;
    return null;
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`e.name !== "AbortError"`', value: 'null' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `async function f() {
  try {
    return await q();
  } catch (e) {
    if (e.name !== "AbortError") throw e;
    throw new DOMException('f timed out', 'TimeoutError');
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function f() {
  try {
    return await q();
  } catch (e: any) {
    if (['ETIMEDOUT', 'ESOCKETTIMEDOUT'].includes(e.code)) return 0;
    throw e;
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: "`['ETIMEDOUT', 'ESOCKETTIMEDOUT'].includes(e.code)`", value: '0' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `async function f() {
  try {
    return await q();
  } catch (e: any) {
    if (['ETIMEDOUT', 'ESOCKETTIMEDOUT'].includes(e.code)) throw new DOMException('f timed out', 'TimeoutError');
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function f() {
  try {
    return await q();
  } catch (e) {
    switch (e.code) {
      case "UND_ERR_HEADERS_TIMEOUT":
        return [];
      default:
        throw e;
    }
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`"UND_ERR_HEADERS_TIMEOUT"`', value: '[]' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `async function f() {
  try {
    return await q();
  } catch (e) {
    switch (e.code) {
      case "UND_ERR_HEADERS_TIMEOUT":
        throw new DOMException('f timed out', 'TimeoutError');
      default:
        throw e;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function f() {
  try {
    return await q();
  } catch (e) {
    if (e instanceof QueryTimeoutError) return 0;
    throw e;
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`e instanceof QueryTimeoutError`', value: '0' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `async function f() {
  try {
    return await q();
  } catch (e) {
    if (e instanceof QueryTimeoutError) throw new DOMException('f timed out', 'TimeoutError');
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function f() {
  try {
    return await q();
  } catch (e) {
    if (/timed out/i.test(e.message)) return [];
    throw e;
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`/timed out/i.test(e.message)`', value: '[]' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `async function f() {
  try {
    return await q();
  } catch (e) {
    if (/timed out/i.test(e.message)) throw new DOMException('f timed out', 'TimeoutError');
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function f() {
  try {
    return await q();
  } catch (e) {
    if (e.message.includes("timeout")) return [];
    throw e;
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`e.message.includes("timeout")`', value: '[]' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `async function f() {
  try {
    return await q();
  } catch (e) {
    if (e.message.includes("timeout")) throw new DOMException('f timed out', 'TimeoutError');
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // The try's work has an explicit timeout: the whole catch is a timeout path. The fix singles
      // out the timeout (a DOMException cannot carry a cause: rethrown) and keeps \`[]\` for the rest.
      code: `async function load(u: string) {
  try {
    const r = await fetch(u, { signal: AbortSignal.timeout(5000) });
    return r.json();
  } catch {
    return [];
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`catch` of work with `AbortSignal.timeout(5000)`', value: '[]' },
          suggestions: [
            {
              messageId: 'rethrowOnTimeout',
              data: { error: 'error', test: "error instanceof Error && error.name === 'TimeoutError'" },
              output: `async function load(u: string) {
  try {
    const r = await fetch(u, { signal: AbortSignal.timeout(5000) });
    return r.json();
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') throw error;
    return [];
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // With `checkTimeoutOptions` (as in `strict`), a `timeout` option makes the catch a timeout path.
      code: `async function load() {
  try {
    return await axios.get("/x", { timeout: 2000 });
  } catch (e) {
    log(e);
    return { data: [], error: null };
  }
}`,
      options: [{ checkTimeoutOptions: true }],
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`catch` of work with `timeout: 2000`', value: '{ data: [], error: null }' },
          suggestions: [
            {
              messageId: 'fillSlotOnTimeout',
              data: { error: 'e', test: "e instanceof Error && 'code' in e && e.code === 'ECONNABORTED'" },
              output: `async function load() {
  try {
    return await axios.get("/x", { timeout: 2000 });
  } catch (e) {
    log(e);
    if (e instanceof Error && 'code' in e && e.code === 'ECONNABORTED') return { data: [], error: e };
    return { data: [], error: null };
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function load() {
  try {
    return await pTimeout(q(), { milliseconds: 100 });
  } catch {
    return [null, 0];
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`catch` of work with `pTimeout(q(), { milliseconds: 100 })`', value: '[null, 0]' },
          suggestions: [
            {
              messageId: 'fillSlotOnTimeout',
              data: { error: 'error', test: "error instanceof Error && error.name === 'TimeoutError'" },
              output: `async function load() {
  try {
    return await pTimeout(q(), { milliseconds: 100 });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return [error, 0];
    return [null, 0];
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function load() {
  try {
    return await Promise.race([q(), sleep(100)]);
  } catch {
    return { count: 0 };
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`catch` of work with `Promise.race([q(), sleep(100)])`', value: '{ count: 0 }' },
          // What the race rejects with on timeout is not known here: no fix rather than one that relabels every failure.
          suggestions: [],
        },
      ],
    },
    // ---------------------------------------------------------------- timers racing work
    {
      code: `function load() {
  return new Promise((resolve, reject) => {
    setTimeout(() => resolve(0), 100);
    query().then(resolve, reject);
  });
}`,
      errors: [
        {
          messageId: 'resolvesSentinel',
          data: { path: '`setTimeout` callback racing the work', value: '0' },
          suggestions: [
            {
              messageId: 'rejectTypedError',
              data: { error: DOM, reject: 'reject' },
              output: `function load() {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new DOMException('load timed out', 'TimeoutError')), 100);
    query().then(resolve, reject);
  });
}`,
            },
          ],
        },
      ],
    },
    {
      // No reject parameter to call: reported without a fix.
      code: 'function load() { return new Promise((resolve) => { setTimeout(() => resolve([]), 100); query().then(resolve); }); }',
      errors: [{ messageId: 'resolvesSentinel', data: { path: '`setTimeout` callback racing the work', value: '[]' }, suggestions: [] }],
    },
    {
      code: 'const v = Promise.race([query(), new Promise((r) => setTimeout(() => r(null), 100))]);',
      errors: [{ messageId: 'resolvesSentinel', data: { path: '`setTimeout` callback racing the work', value: 'null' }, suggestions: [] }],
    },
    {
      code: `const v = Promise.race([
  query(),
  sleep(ms).then(() => [])
]);`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: 'timer entry `sleep(ms)` of `Promise.race`', value: '[]' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `const v = Promise.race([
  query(),
  sleep(ms).then(() => { throw new DOMException('Operation timed out', 'TimeoutError'); })
]);`,
            },
          ],
        },
      ],
    },
    {
      // An object body keeps its parentheses out of the rewrite.
      code: `const v = Promise.race([
  query(),
  delay(ms).then(() => ({ rows: [], error: undefined }))
]);`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: 'timer entry `delay(ms)` of `Promise.race`', value: '{ rows: [], error: undefined }' },
          suggestions: [
            {
              messageId: 'fillErrorSlot',
              output: `const v = Promise.race([
  query(),
  delay(ms).then(() => ({ rows: [], error: new DOMException('Operation timed out', 'TimeoutError') }))
]);`,
            },
          ],
        },
      ],
    },
    {
      code: `const v = Promise.race([
  query(),
  delay(ms).then(() => ({}))
]);`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: 'timer entry `delay(ms)` of `Promise.race`', value: '{}' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `const v = Promise.race([
  query(),
  delay(ms).then(() => { throw new DOMException('Operation timed out', 'TimeoutError'); })
]);`,
            },
          ],
        },
      ],
    },
    {
      // A Node callback raced by a timer.
      code: `function count(cb: (e: Error | null, n?: number) => void) {
  setTimeout(() => cb(null, 0), 500);
  db.count((e, n) => cb(e, n));
}`,
      errors: [
        {
          messageId: 'callsBackSentinel',
          data: { path: '`setTimeout` callback racing the work', callback: 'cb', value: '0' },
          suggestions: [
            {
              messageId: 'callBackWithError',
              output: `function count(cb: (e: Error | null, n?: number) => void) {
  setTimeout(() => cb(new DOMException('count timed out', 'TimeoutError')), 500);
  db.count((e, n) => cb(e, n));
}`,
            },
          ],
        },
      ],
    },
    {
      code: `function load(done: Function, start: number) {
  query((e, rows) => {
    if (Date.now() - start > TIMEOUT) return done(undefined, []);
    done(e, rows);
  });
}`,
      errors: [
        {
          messageId: 'callsBackSentinel',
          data: { path: '`Date.now() - start > TIMEOUT`', callback: 'done', value: '[]' },
          suggestions: [
            {
              messageId: 'callBackWithError',
              output: `function load(done: Function, start: number) {
  query((e, rows) => {
    if (Date.now() - start > TIMEOUT) return done(new DOMException('load timed out', 'TimeoutError'));
    done(e, rows);
  });
}`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- promise chains
    {
      code: 'const rows = await fetch(u, { signal: AbortSignal.timeout(1000) }).then((r) => r.json()).catch(() => []);',
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`.catch()` after `AbortSignal.timeout(1000)`', value: '[]' },
          // Removing the \`.catch()\` would let every other failure through as well.
          suggestions: [
            {
              messageId: 'rethrowOnTimeout',
              output:
                "const rows = await fetch(u, { signal: AbortSignal.timeout(1000) }).then((r) => r.json()).catch((error) => { if (error instanceof Error && error.name === 'TimeoutError') throw error; return []; });",
            },
          ],
        },
      ],
    },
    {
      code: `const n = await withTimeout(count(), 500).catch((e) => {
  log(e);
  return 0;
});`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`.catch()` after `withTimeout(count(), 500)`', value: '0' },
          suggestions: [
            {
              messageId: 'rethrowOnTimeout',
              output: `const n = await withTimeout(count(), 500).catch((e) => {
  log(e);
  if (e instanceof Error && e.name === 'TimeoutError') throw e;
  return 0;
});`,
            },
          ],
        },
      ],
    },
    {
      code: `const n = await (pTimeout(count(), { milliseconds: 500 })).then(
  (v) => v,
  () => 0
);`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`.catch()` after `pTimeout(count(), { milliseconds: 500 })`', value: '0' },
          suggestions: [
            {
              messageId: 'rethrowOnTimeout',
              output: `const n = await (pTimeout(count(), { milliseconds: 500 })).then(
  (v) => v,
  (error) => { if (error instanceof Error && error.name === 'TimeoutError') throw error; return 0; }
);`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- library fallbacks
    {
      code: "import pTimeout from 'p-timeout';\nconst rows = await pTimeout(query(), { milliseconds: 100, fallback: () => [] });",
      errors: [
        {
          messageId: 'optionSentinel',
          data: { option: 'fallback', callee: 'pTimeout', value: '[]' },
          suggestions: [
            {
              messageId: 'removeOption',
              data: { option: 'fallback' },
              output: "import pTimeout from 'p-timeout';\nconst rows = await pTimeout(query(), { milliseconds: 100 });",
            },
          ],
        },
      ],
    },
    {
      code: "import pTimeout from 'p-timeout';\nconst rows = await pTimeout(query(), { fallback() { return 0; }, milliseconds: 100 });",
      errors: [
        {
          messageId: 'optionSentinel',
          data: { option: 'fallback', callee: 'pTimeout', value: '0' },
          suggestions: [
            {
              messageId: 'removeOption',
              output: "import pTimeout from 'p-timeout';\nconst rows = await pTimeout(query(), { milliseconds: 100 });",
            },
          ],
        },
      ],
    },
    {
      // The option in a later argument: looked for before the imports, in every object argument.
      code: "import pTimeout from 'p-timeout';\nconst v = pTimeout(p, { milliseconds: 5 }, { message: false });",
      errors: [
        {
          messageId: 'optionSentinel',
          data: { option: 'message: false', callee: 'pTimeout', value: 'undefined' },
          suggestions: [
            {
              messageId: 'removeOption',
              data: { option: 'message: false' },
              output: "import pTimeout from 'p-timeout';\nconst v = pTimeout(p, { milliseconds: 5 }, {  });",
            },
          ],
        },
      ],
    },
    {
      code: "import timeoutPromise from 'p-timeout';\nconst rows = await timeoutPromise(query(), { milliseconds: 100, message: false });",
      errors: [
        {
          messageId: 'optionSentinel',
          data: { option: 'message: false', callee: 'timeoutPromise', value: 'undefined' },
          suggestions: [
            {
              messageId: 'removeOption',
              data: { option: 'message: false' },
              output: "import timeoutPromise from 'p-timeout';\nconst rows = await timeoutPromise(query(), { milliseconds: 100 });",
            },
          ],
        },
      ],
    },
    {
      code: `import { of, timeout } from 'rxjs';
const rows$ = source$.pipe(
  timeout({ first: 1000, with: () => of([]) })
);`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`with` of RxJS `timeout()`', value: 'of([])' },
          suggestions: [
            {
              messageId: 'returnFailure',
              data: { error: DOM, failure: 'throwError' },
              output: `import { of, timeout, throwError } from 'rxjs';
const rows$ = source$.pipe(
  timeout({ first: 1000, with: () => throwError(() => new DOMException('Operation timed out', 'TimeoutError')) })
);`,
            },
          ],
        },
      ],
    },
    {
      code: `import { catchError, of, throwError, timeout } from 'rxjs';
const n$ = source$.pipe(
  timeout(1000),
  catchError(() => of(0))
);`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`catchError` after `timeout(1000)`', value: 'of(0)' },
          suggestions: [
            {
              messageId: 'returnFailure',
              output: `import { catchError, of, throwError, timeout } from 'rxjs';
const n$ = source$.pipe(
  timeout(1000),
  catchError(() => throwError(() => new DOMException('Operation timed out', 'TimeoutError')))
);`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- result shapes
    {
      code: `import { ok } from 'neverthrow';
function f(elapsed: number, timeout: number) {
  if (elapsed > timeout) return ok(0);
  return ok(1);
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`elapsed > timeout`', value: 'ok(0)' },
          suggestions: [
            {
              messageId: 'returnFailure',
              data: { error: DOM, failure: 'err' },
              output: `import { ok, err } from 'neverthrow';
function f(elapsed: number, timeout: number) {
  if (elapsed > timeout) return err(new DOMException('f timed out', 'TimeoutError'));
  return ok(1);
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Ok, Err } from 'ts-results';
function f(elapsed: number, timeout: number) {
  if (elapsed > timeout) return Ok([]);
  return Ok([1]);
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`elapsed > timeout`', value: 'Ok([])' },
          suggestions: [
            {
              messageId: 'returnFailure',
              output: `import { Ok, Err } from 'ts-results';
function f(elapsed: number, timeout: number) {
  if (elapsed > timeout) return Err(new DOMException('f timed out', 'TimeoutError'));
  return Ok([1]);
}`,
            },
          ],
        },
      ],
    },
    {
      // `err` here is the caught error, not the Result constructor: no fix that would call it.
      code: `import { ok } from 'neverthrow';
async function f() {
  try {
    return ok(await q());
  } catch (err) {
    if (err.name === 'TimeoutError') return ok(0);
    throw err;
  }
}`,
      errors: [{ messageId: 'returnsSentinel', data: { path: "`err.name === 'TimeoutError'`", value: 'ok(0)' }, suggestions: [] }],
    },
    {
      code: `function f(elapsed: number, timeout: number) {
  if (elapsed > timeout) return Result.ok(undefined);
  return Result.ok(1);
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`elapsed > timeout`', value: 'Result.ok(undefined)' },
          suggestions: [
            {
              messageId: 'returnFailure',
              data: { error: DOM, failure: 'Result.err' },
              output: `function f(elapsed: number, timeout: number) {
  if (elapsed > timeout) return Result.err(new DOMException('f timed out', 'TimeoutError'));
  return Result.ok(1);
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import * as E from 'fp-ts/Either';
function f(elapsed: number, timeout: number) {
  if (elapsed > timeout) return E.right([]);
  return E.right([1]);
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`elapsed > timeout`', value: 'E.right([])' },
          suggestions: [
            {
              messageId: 'returnFailure',
              output: `import * as E from 'fp-ts/Either';
function f(elapsed: number, timeout: number) {
  if (elapsed > timeout) return E.left(new DOMException('f timed out', 'TimeoutError'));
  return E.right([1]);
}`,
            },
          ],
        },
      ],
    },
    {
      // Nothing, where the function returns values elsewhere: a sentinel.
      code: `function f(signal: AbortSignal) {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => db.get(key, (e, v) => resolve(v)));
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`signal.aborted`', value: 'Promise.resolve()' },
          suggestions: [
            {
              messageId: 'returnFailure',
              output: `function f(signal: AbortSignal) {
  if (signal.aborted) return Promise.reject(new DOMException('f timed out', 'TimeoutError'));
  return new Promise((resolve) => db.get(key, (e, v) => resolve(v)));
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function f(signal: AbortSignal) {
  if (signal.aborted) return Promise.resolve([]);
  return q();
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`signal.aborted`', value: 'Promise.resolve([])' },
          suggestions: [
            {
              messageId: 'returnFailure',
              output: `async function f(signal: AbortSignal) {
  if (signal.aborted) return Promise.reject(new DOMException('f timed out', 'TimeoutError'));
  return q();
}`,
            },
          ],
        },
      ],
    },
    {
      // All fields empty, no error field: the object becomes a throw.
      code: `function page(elapsed: number, timeout: number) {
  if (elapsed > timeout) return { items: [], total: 0, ok: true };
  return q();
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`elapsed > timeout`', value: '{ items: [], total: 0, ok: true }' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function page(elapsed: number, timeout: number) {
  if (elapsed > timeout) throw new DOMException('page timed out', 'TimeoutError');
  return q();
}`,
            },
          ],
        },
      ],
    },
    {
      // A degraded flag set to false is no degradation at all.
      code: `function page(elapsed: number, timeout: number) {
  if (elapsed > timeout) return { items: [], stale: false, error };
  return q();
}`.replace(', error', ', error: null'),
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`elapsed > timeout`', value: '{ items: [], stale: false, error: null }' },
          suggestions: [
            {
              messageId: 'fillErrorSlot',
              output: `function page(elapsed: number, timeout: number) {
  if (elapsed > timeout) return { items: [], stale: false, error: new DOMException('page timed out', 'TimeoutError') };
  return q();
}`,
            },
          ],
        },
      ],
    },
    {
      // Either error slot could be empty: the tuple is reported, and the fix throws.
      code: `function f(elapsed: number, timeout: number) {
  if (elapsed > timeout) return [null, undefined];
  return q();
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`elapsed > timeout`', value: '[null, undefined]' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function f(elapsed: number, timeout: number) {
  if (elapsed > timeout) throw new DOMException('f timed out', 'TimeoutError');
  return q();
}`,
            },
          ],
        },
      ],
    },
    {
      // TypeScript wrappers around the value do not hide it.
      code: `function f(elapsed: number, timeout: number) {
  if (elapsed! > timeout) return [] as string[];
  return q();
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`elapsed! > timeout`', value: '[] as string[]' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function f(elapsed: number, timeout: number) {
  if (elapsed! > timeout) throw new DOMException('f timed out', 'TimeoutError');
  return q();
}`,
            },
          ],
        },
      ],
    },
    // ---------------------------------------------------------------- the typed error
    {
      // A configured class is imported from its module, merged into an existing import.
      code: `import { log } from '#errors';
function f(timedOut: boolean) {
  if (timedOut) return 0;
  return 1;
}`,
      options: [{ timeoutError: { name: 'QueryTimeoutError', from: '#errors' } }],
      errors: [
        {
          messageId: 'returnsSentinel',
          suggestions: [
            {
              messageId: 'throwTypedError',
              data: { error: 'QueryTimeoutError' },
              output: `import { log, QueryTimeoutError } from '#errors';
function f(timedOut: boolean) {
  if (timedOut) throw new QueryTimeoutError('f timed out');
  return 1;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import db from './db';
function f(timedOut: boolean) {
  if (timedOut) return 0;
  return 1;
}`,
      options: [{ timeoutError: { name: 'QueryTimeoutError', from: './errors' } }],
      errors: [
        {
          messageId: 'returnsSentinel',
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `import db from './db';
import { QueryTimeoutError } from './errors';
function f(timedOut: boolean) {
  if (timedOut) throw new QueryTimeoutError('f timed out');
  return 1;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import errors from './errors';
function f(timedOut: boolean) {
  if (timedOut) return 0;
  return 1;
}`,
      options: [{ timeoutError: { name: 'QueryTimeoutError', from: './errors' } }],
      errors: [
        {
          messageId: 'returnsSentinel',
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `import errors, { QueryTimeoutError } from './errors';
function f(timedOut: boolean) {
  if (timedOut) throw new QueryTimeoutError('f timed out');
  return 1;
}`,
            },
          ],
        },
      ],
    },
    {
      // No imports at all: the import goes after the directive prologue.
      code: `'use server';
export async function f(timedOut: boolean) {
  if (timedOut) return 0;
  return 1;
}`,
      options: [{ timeoutError: { name: 'QueryTimeoutError', from: './errors' } }],
      errors: [
        {
          messageId: 'returnsSentinel',
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `'use server';
import { QueryTimeoutError } from './errors';
export async function f(timedOut: boolean) {
  if (timedOut) throw new QueryTimeoutError('f timed out');
  return 1;
}`,
            },
          ],
        },
      ],
    },
    {
      // CommonJS gets a require, not an import.
      code: `'use strict';
const db = require('./db');
function f(timedOut) {
  if (timedOut) return 0;
  return 1;
}`,
      filename: 'file.cjs',
      options: [{ timeoutError: { name: 'QueryTimeoutError', from: './errors' } }],
      errors: [
        {
          messageId: 'returnsSentinel',
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `'use strict';
const db = require('./db');
const { QueryTimeoutError } = require('./errors');
function f(timedOut) {
  if (timedOut) throw new QueryTimeoutError('f timed out');
  return 1;
}`,
            },
          ],
        },
      ],
    },
    {
      // Already imported: no second import.
      code: `import { QueryTimeoutError } from './errors';
function f(timedOut: boolean) {
  if (timedOut) return 0;
  return 1;
}`,
      options: [{ timeoutError: { name: 'QueryTimeoutError', from: './errors' } }],
      errors: [
        {
          messageId: 'returnsSentinel',
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `import { QueryTimeoutError } from './errors';
function f(timedOut: boolean) {
  if (timedOut) throw new QueryTimeoutError('f timed out');
  return 1;
}`,
            },
          ],
        },
      ],
    },
    {
      // The configured name is taken by something else in scope: no fix rather than a clash.
      code: "import { QueryTimeoutError } from 'other-lib';\nfunction f(timedOut: boolean) { if (timedOut) return 0; return 1; }",
      options: [{ timeoutError: { name: 'QueryTimeoutError', from: './errors' } }],
      errors: [{ messageId: 'returnsSentinel', suggestions: [] }],
    },
    {
      // With nothing configured, a timeout error class in scope is used, with the caught error as cause.
      code: `import { TimeoutError } from 'p-timeout';
async function f() {
  try {
    return await q();
  } catch (e) {
    if (e instanceof TimeoutError) return [];
    throw e;
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          suggestions: [
            {
              messageId: 'throwTypedError',
              data: { error: 'TimeoutError' },
              output: `import { TimeoutError } from 'p-timeout';
async function f() {
  try {
    return await q();
  } catch (e) {
    if (e instanceof TimeoutError) throw new TimeoutError('f timed out', { cause: e });
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `class StoreTimeoutError extends Error {}
function f(timedOut: boolean) {
  if (timedOut) return 0;
  return 1;
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          suggestions: [
            {
              messageId: 'throwTypedError',
              data: { error: 'StoreTimeoutError' },
              output: `class StoreTimeoutError extends Error {}
function f(timedOut: boolean) {
  if (timedOut) throw new StoreTimeoutError('f timed out');
  return 1;
}`,
            },
          ],
        },
      ],
    },
    {
      // A type-only import cannot be constructed; a shadowed DOMException cannot be used.
      code: `import type { TimeoutError } from 'p-timeout';
const DOMException = 1;
function f(timedOut: boolean) {
  if (timedOut) return 0;
  return 1;
}`,
      errors: [{ messageId: 'returnsSentinel', suggestions: [] }],
    },
    {
      // `autofix: true` applies the fix with --fix.
      code: 'function f(timedOut: boolean) { if (timedOut) return 0; return 1; }',
      options: [{ autofix: true }],
      output: "function f(timedOut: boolean) { if (timedOut) throw new DOMException('f timed out', 'TimeoutError'); return 1; }",
      errors: [{ messageId: 'returnsSentinel' }],
    },
    {
      code: `import { x } from './errors';
function f(timedOut: boolean) {
  if (timedOut) return 0;
  return 1;
}
function g(timedOut: boolean) {
  if (timedOut) return [];
  return [1];
}`,
      options: [{ autofix: true, timeoutError: { name: 'QueryTimeoutError', from: './errors' } }],
      output: [
        `import { x, QueryTimeoutError } from './errors';
function f(timedOut: boolean) {
  if (timedOut) throw new QueryTimeoutError('f timed out');
  return 1;
}
function g(timedOut: boolean) {
  if (timedOut) return [];
  return [1];
}`,
        `import { x, QueryTimeoutError } from './errors';
function f(timedOut: boolean) {
  if (timedOut) throw new QueryTimeoutError('f timed out');
  return 1;
}
function g(timedOut: boolean) {
  if (timedOut) throw new QueryTimeoutError('g timed out');
  return [1];
}`,
      ],
      errors: [{ messageId: 'returnsSentinel' }, { messageId: 'returnsSentinel' }],
    },
    {
      // The vocabulary option adds names.
      code: `function f(waitedFor: number, patience: number) {
  if (waitedFor > patience) return 0;
  return 1;
}`,
      options: [{ vocabulary: { elapsed: ['waitedFor'], limit: ['patience'] } }],
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`waitedFor > patience`', value: '0' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function f(waitedFor: number, patience: number) {
  if (waitedFor > patience) throw new DOMException('f timed out', 'TimeoutError');
  return 1;
}`,
            },
          ],
        },
      ],
    },
    // Timeout paths resting on one rarer clue each: a `+new Date` or `valueOf()` clock, PostgreSQL's
    // statement-timeout code, a `Promise.any` race, and words of the user's vocabulary.
    {
      code: 'function f(t0) { if (+new Date() - t0 > 500) return []; return g(); }',
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`+new Date() - t0 > 500`', value: '[]' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: "function f(t0) { if (+new Date() - t0 > 500) throw new DOMException('f timed out', 'TimeoutError'); return g(); }",
            },
          ],
        },
      ],
    },
    {
      code: `function f(t0) {
  if (new Date().valueOf() - t0 > 500) return [];
  return g();
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`new Date().valueOf() - t0 > 500`', value: '[]' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `function f(t0) {
  if (new Date().valueOf() - t0 > 500) throw new DOMException('f timed out', 'TimeoutError');
  return g();
}`,
            },
          ],
        },
      ],
    },
    {
      code: `async function f(q) {
  try {
    return await q();
  } catch (e) {
    if (e.code === '57014') return [];
    throw e;
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: "`e.code === '57014'`", value: '[]' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `async function f(q) {
  try {
    return await q();
  } catch (e) {
    if (e.code === '57014') throw new DOMException('f timed out', 'TimeoutError');
    throw e;
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // No suggestion: \`Promise.any\` ignores an entry that rejects, so a timer that throws would
      // wait for the work after all.
      code: 'async function f() { return Promise.any([load(), sleep(50).then(() => [])]); }',
      errors: [{ messageId: 'returnsSentinel', data: { path: 'timer entry `sleep(50)` of `Promise.any`', value: '[]' }, suggestions: [] }],
    },
    {
      code: 'function f(lag) { if (lag > 500) return []; return g(); }',
      options: [{ vocabulary: { elapsed: ['lag'] } }],
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`lag > 500`', value: '[]' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: "function f(lag) { if (lag > 500) throw new DOMException('f timed out', 'TimeoutError'); return g(); }",
            },
          ],
        },
      ],
    },
    {
      code: 'function f(s) { if (s.expired) return []; return s.rows; }',
      options: [{ vocabulary: { flags: ['expired'] } }],
      errors: [
        {
          messageId: 'returnsSentinel',
          data: { path: '`s.expired`', value: '[]' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: "function f(s) { if (s.expired) throw new DOMException('f timed out', 'TimeoutError'); return s.rows; }",
            },
          ],
        },
      ],
    },
    {
      // JavaScript with JSX.
      code: `export function List({ timedOut }) {
  if (timedOut) return null;
  return <ul />;
}`,
      filename: 'file.jsx',
      errors: [
        {
          messageId: 'returnsSentinel',
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `export function List({ timedOut }) {
  if (timedOut) throw new DOMException('List timed out', 'TimeoutError');
  return <ul />;
}`,
            },
          ],
        },
      ],
    },
  ],
});

describe('no-timeout-sentinel messages', () => {
  it('reads as one editor line naming the guard, the value and what to do', () => {
    const linter = new Linter({ configType: 'flat' });
    const [message] = linter.verify(
      `function f(timePass, maxWait) {
  if (timePass > maxWait) {
    return [0, null];
  }
  return [1, null];
}`,
      [
        { plugins: { resilience: { rules: { 'no-timeout-sentinel': rule } } }, rules: { 'resilience/no-timeout-sentinel': 'error' } },
      ] as unknown as Linter.Config[],
    );
    expect(message?.message).toBe(
      'This timeout path (`timePass > maxWait`) returns `[0, null]`, which callers cannot tell from a real result. Throw or return a typed timeout error instead.',
    );
  });
});
