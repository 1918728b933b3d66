// Timeouts set up away from the work (issue 20, items 6 and 7): a signal or abort timer created
// before the `try`, a timer promise held in a variable before the race, and a marker resolved on
// the success channel.
import rule from '../../../src/rules/no-timeout-sentinel.js';
import { runRuleTests } from '../../rule-tester.js';

const rethrow = (output: string) => [{ messageId: 'rethrowOnTimeout' as const, output }];

runRuleTests('no-timeout-sentinel', rule, {
  valid: [
    // A signal made before the try but not given to its work.
    `async function load(url: string) {
  const signal = AbortSignal.timeout(1000);
  ping(signal);
  try {
    return JSON.parse(await readCache(url));
  } catch {
    return [];
  }
}`,
    // A wrapper that ran before the try: its timeout has thrown by then, the catch sees parse errors.
    `async function load(url: string) {
  const text = await withTimeout(fetchText(url), 1000);
  try {
    return JSON.parse(text);
  } catch {
    return [];
  }
}`,
    // A delay helper alone, or raced with a helper that rejects.
    `const timeout = (ms: number) => new Promise((resolve) => setTimeout(() => resolve(null), ms));
await timeout(100);`,
    `const timeout = (ms: number) => new Promise((_, reject) => setTimeout(() => reject(new TimeoutError('slow')), ms));
const r = await Promise.race([query(), timeout(500)]);`,
    // A classifier whose labels are its answers (Strapi's metrics).
    `const classify = (error: unknown) => {
  if (error instanceof Error && error.message.includes('timed out')) {
    return 'timeout';
  }
  return 'error';
};`,
    // A marker-like word that is a real answer of a status function is still compared by callers;
    // but not a timeout word: 'ok', 'late' are not markers.
    `function status(elapsed: number) { return 'late'; }`,
  ],
  invalid: [
    {
      code: `async function load(url: string) {
  const signal = AbortSignal.timeout(1000);
  try {
    const res = await fetch(url, { signal });
    return await res.json();
  } catch {
    return [];
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          line: 7,
          data: { path: '`catch` of work with `AbortSignal.timeout(1000)`', value: '[]' },
          suggestions: rethrow(`async function load(url: string) {
  const signal = AbortSignal.timeout(1000);
  try {
    const res = await fetch(url, { signal });
    return await res.json();
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') throw error;
    return [];
  }
}`),
        },
      ],
    },
    {
      code: `async function load(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 1000);
  try {
    return await (await fetch(url, { signal: controller.signal })).json();
  } catch (err) {
    return null;
  } finally {
    clearTimeout(timer);
  }
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          line: 7,
          suggestions: rethrow(`async function load(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 1000);
  try {
    return await (await fetch(url, { signal: controller.signal })).json();
  } catch (err) {
    if (err instanceof Error && err.name === 'AbortError') throw err;
    return null;
  } finally {
    clearTimeout(timer);
  }
}`),
        },
      ],
    },
    {
      // The timer promise is kept in a variable before the race.
      code: `async function rows() {
  const timer = sleep(500).then(() => []);
  return Promise.race([query(), timer]);
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          line: 2,
          data: { path: 'timer entry `sleep(500)` of `Promise.race`', value: '[]' },
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `async function rows() {
  const timer = sleep(500).then(() => { throw new DOMException('rows timed out', 'TimeoutError'); });
  return Promise.race([query(), timer]);
}`,
            },
          ],
        },
      ],
    },
    {
      // A marker on the success channel: callers must compare to find out.
      code: `function fetchWithin(ms: number) {
  return new Promise((resolve, reject) => {
    setTimeout(() => resolve('timeout'), ms);
    work().then(resolve, reject);
  });
}`,
      errors: [
        {
          messageId: 'resolvesSentinel',
          line: 3,
          data: { path: '`setTimeout` callback racing the work', value: "'timeout'" },
          suggestions: [
            {
              messageId: 'rejectTypedError',
              output: `function fetchWithin(ms: number) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new DOMException('fetchWithin timed out', 'TimeoutError')), ms);
    work().then(resolve, reject);
  });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `const TIMED_OUT = Symbol('timed out');
async function get() {
  return Promise.race([work(), sleep(100).then(() => TIMED_OUT)]);
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          line: 3,
          suggestions: [
            {
              messageId: 'throwTypedError',
              output: `const TIMED_OUT = Symbol('timed out');
async function get() {
  return Promise.race([work(), sleep(100).then(() => { throw new DOMException('get timed out', 'TimeoutError'); })]);
}`,
            },
          ],
        },
      ],
    },
    {
      // A same-file delay helper that resolves a sentinel, raced against the work.
      code: `const timeout = (ms: number) => new Promise((resolve) => setTimeout(() => resolve(null), ms));
async function get() {
  return Promise.race([query(), timeout(500)]);
}`,
      errors: [
        {
          messageId: 'raceHelperSentinel',
          line: 3,
          data: { entry: 'timeout(500)', value: 'null', line: '1', race: 'Promise.race' },
        },
      ],
    },
    {
      code: `function delay(ms: number) {
  return new Promise((resolve) => {
    setTimeout(resolve, ms, []);
  });
}
const rows = await Promise.race([db.query('x'), delay(100)]);`,
      errors: [{ messageId: 'raceHelperSentinel', line: 6, column: 49 }],
    },
  ],
});

// Falling through (issue 20, item 7): the value set before the try is returned when the timed work fails.
runRuleTests('no-timeout-sentinel', rule, {
  valid: [
    // The catch leaves: nothing falls through.
    `async function load(url: string) {
  let response = {};
  try {
    response = await (await fetch(url, { signal: AbortSignal.timeout(1000) })).json();
  } catch (e) {
    throw new LoadError('load failed', { cause: e });
  }
  return response;
}`,
    // The try does not set the value: the sentinel is simply the answer.
    `async function load(url: string) {
  let count = 0;
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
  } catch (e) {
    log(e);
  }
  return count;
}`,
    // No timeout on the work.
    `async function load(url: string) {
  let response = {};
  try {
    response = await (await fetch(url)).json();
  } catch (e) {
    log(e);
  }
  return response;
}`,
  ],
  invalid: [
    {
      code: `async function load(url: string) {
  let response = {};
  try {
    response = await (await fetch(url, { signal: AbortSignal.timeout(1000) })).json();
  } catch (e) {
    log(e);
  }
  return response;
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          line: 8,
          data: { path: '`catch` of work with `AbortSignal.timeout(1000)`, falling through', value: '{}' },
          suggestions: [],
        },
      ],
    },
  ],
});
