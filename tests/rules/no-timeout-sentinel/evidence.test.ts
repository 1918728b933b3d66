// When `autofix` applies a fix and when the fix stays a suggestion (issue 24, item 5): a timeout
// path on strong evidence (a clock, a deadline, a timer, the catch of timed work, a caught timeout
// error) is fixed by --fix; one on weak evidence (an abort flag, a timeout error the function was
// handed) is reported with the fix as a suggestion, since its value may be the function's answer.
import rule from '../../../src/rules/no-timeout-sentinel.js';
import { runRuleTests } from '../../rule-tester.js';

const autofix = { resilience: { autofix: true } };
const DOM = "DOMException(…, 'TimeoutError')";

// @redis/client's RedisSocket: `false` is the strategy's documented answer, "do not reconnect".
const RECONNECT_STRATEGY = (body: string) => `import { SocketTimeoutError } from './errors';
export class RedisSocket {
  defaultReconnectStrategy(retries: number, cause: unknown) {
    // By default, do not reconnect on socket timeout.
    if (cause instanceof SocketTimeoutError) {
      ${body}
    }
    const jitter = Math.floor(Math.random() * 200);
    return Math.min(Math.pow(2, retries) * 50, 2000) + jitter;
  }
}`;

runRuleTests('no-timeout-sentinel', rule, {
  valid: [],
  invalid: [
    {
      // A timeout error handed in as a parameter: reported, but only suggested under `autofix`.
      code: RECONNECT_STRATEGY('return false;'),
      settings: autofix,
      output: null,
      errors: [
        {
          messageId: 'returnsSentinel',
          suggestions: [
            {
              messageId: 'throwTypedError',
              data: { error: 'SocketTimeoutError' },
              output: RECONNECT_STRATEGY("throw new SocketTimeoutError('defaultReconnectStrategy timed out');"),
            },
          ],
        },
      ],
    },
    {
      // An abort flag: a cancellation sets it too.
      code: 'function read(signal: AbortSignal) { if (signal.aborted) return []; return load(); }',
      settings: autofix,
      output: null,
      errors: [
        {
          messageId: 'returnsSentinel',
          suggestions: [
            {
              messageId: 'throwTypedError',
              data: { error: DOM },
              output:
                "function read(signal: AbortSignal) { if (signal.aborted) throw new DOMException('read timed out', 'TimeoutError'); return load(); }",
            },
          ],
        },
      ],
    },
    {
      // The same test on the error the function's own work failed with: strong, fixed by --fix.
      code: `async function load() {
  try {
    return await work();
  } catch (e) {
    if (e instanceof SocketTimeoutError) return [];
    throw e;
  }
}`,
      settings: autofix,
      output: `async function load() {
  try {
    return await work();
  } catch (e) {
    if (e instanceof SocketTimeoutError) throw new DOMException('load timed out', 'TimeoutError');
    throw e;
  }
}`,
      errors: [{ messageId: 'returnsSentinel' }],
    },
    {
      // A clock: strong, fixed by --fix.
      code: 'function f(start: number, maxWait: number) { if (Date.now() - start > maxWait) return []; return rows(); }',
      settings: autofix,
      output:
        "function f(start: number, maxWait: number) { if (Date.now() - start > maxWait) throw new DOMException('f timed out', 'TimeoutError'); return rows(); }",
      errors: [{ messageId: 'returnsSentinel' }],
    },
  ],
});
