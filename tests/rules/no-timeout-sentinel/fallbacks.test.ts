// Helpers that take the fallback as a parameter (issue 20, item 5): the sentinel is written at the
// call site and resolved by the helper when its timer fires.
import rule from '../../../src/rules/no-timeout-sentinel.js';
import { runRuleTests } from '../../rule-tester.js';

const WITH_TIMEOUT = `function withTimeout<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    work.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error) => { clearTimeout(timer); reject(error); },
    );
  });
}
`;

const RACE = `const promiseTimeout = <T,>(p: Promise<T>, ms: number, fallback: T) =>
  Promise.race([p, sleep(ms).then(() => fallback)]);
`;

runRuleTests('no-timeout-sentinel', rule, {
  valid: [
    // A real value as the fallback, or no fallback at all.
    `${WITH_TIMEOUT}const stats = await withTimeout(getStats(), 3000, cachedStats);`,
    `${WITH_TIMEOUT}const stats = await withTimeout(getStats(), 3000, { total: 0, rows: [], stale: true });`,
    // A parameter the helper uses otherwise (not resolved from its timer).
    `function retry<T>(work: () => Promise<T>, attempts: number, initial: T) { return work().catch(() => initial); }
const n = await retry(count, 3, 0);`,
    // A plain delay that resolves its parameter: nothing races it.
    `function delay<T>(ms: number, value: T) { return new Promise<T>((resolve) => setTimeout(() => resolve(value), ms)); }
await delay(100, null);`,
    // A function of another file, without types: not followed.
    "import { withTimeout } from './timeout';\nconst rows = await withTimeout(query(), 3000, []);",
  ],
  invalid: [
    {
      code: `${WITH_TIMEOUT}const balance = await withTimeout(rpc.getBalance(address), 3000, null);`,
      errors: [
        {
          messageId: 'fallbackSentinel',
          line: 10,
          data: { helper: 'withTimeout', value: 'null', path: '`setTimeout` callback racing the work' },
          suggestions: [],
        },
      ],
    },
    {
      code: `${WITH_TIMEOUT}const stats = await withTimeout(getStats(), 3000, { total: 0, rows: [] });`,
      errors: [{ messageId: 'fallbackSentinel', line: 10, suggestions: [] }],
    },
    {
      code: `${RACE}const rows = await promiseTimeout(query(), 500, []);`,
      errors: [
        {
          messageId: 'fallbackSentinel',
          line: 3,
          data: { helper: 'promiseTimeout', value: '[]', path: 'timer entry `sleep(ms)` of `Promise.race`' },
          suggestions: [],
        },
      ],
    },
    {
      // A method of the same class.
      code: `class Client {
  withDeadline<T>(work: Promise<T>, ms: number, onTimeout: T) {
    return Promise.race([work, sleep(ms).then(() => onTimeout)]);
  }
  async count() {
    return this.withDeadline(this.db.count(), 1000, 0);
  }
}`,
      errors: [{ messageId: 'fallbackSentinel', line: 6, suggestions: [] }],
    },
  ],
});
