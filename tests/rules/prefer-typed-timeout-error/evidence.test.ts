// False positives of issue 24 (item 5), and when `autofix` applies a fix: a string is an error only
// where it goes to what takes one; an abort of a teardown or shutdown signal is an end of life, not
// a timeout; an error on a path whose only evidence is an abort flag is reported with a suggestion.
import rule from '../../../src/rules/prefer-typed-timeout-error.js';
import { runRuleTests } from '../../rule-tester.js';

const autofix = { resilience: { autofix: true } };
const DOM = "DOMException(…, 'TimeoutError')";

runRuleTests('prefer-typed-timeout-error', rule, {
  valid: [
    // An i18n key passed to a translation function: a key, not an error message.
    {
      code: "function render(t: (key: string) => string, state: { timedOut: boolean }) { if (state.timedOut) return t('errors.state.timeout'); return t('ok'); }",
      settings: autofix,
    },
    { code: "const label = (translate: (k: string) => string) => translate('query.timeout');", settings: autofix },
    // @redis/client's MultiDb: a teardown signal, aborted when the client is closed.
    {
      code: `class MultiDb {
  #teardown = new AbortController();
  async setActiveDatabase(id: string) {
    if (this.#teardown.signal.aborted) {
      throw new Error('MultiDb: the client is closed');
    }
    return id;
  }
}`,
      settings: autofix,
    },
    {
      code: "function stop(closeSignal: AbortSignal) { if (closeSignal.aborted) throw new Error('worker is shutting down'); }",
      settings: autofix,
    },
  ],
  invalid: [
    {
      // A string to what takes an error: an error-first callback.
      code: "function load(cb: (error: unknown) => void) { cb('query timed out'); }",
      settings: autofix,
      output: "function load(cb: (error: unknown) => void) { cb(new DOMException('query timed out', 'TimeoutError')); }",
      errors: [{ messageId: 'stringTimeout' }],
    },
    {
      // An abort flag is weak evidence: the fix is a suggestion, even under `autofix`.
      code: "function f(signal: AbortSignal) { if (signal.aborted) throw new Error('request failed'); return work(); }",
      settings: autofix,
      output: null,
      errors: [
        {
          messageId: 'untypedErrorOnTimeoutPath',
          suggestions: [
            {
              messageId: 'useTypedError',
              data: { error: DOM },
              output:
                "function f(signal: AbortSignal) { if (signal.aborted) throw new DOMException('request failed', 'TimeoutError'); return work(); }",
            },
          ],
        },
      ],
    },
    {
      // A clock is strong evidence: fixed by --fix.
      code: "function f(start: number, maxWait: number) { if (Date.now() - start > maxWait) throw new Error('request failed'); return work(); }",
      settings: autofix,
      output:
        "function f(start: number, maxWait: number) { if (Date.now() - start > maxWait) throw new DOMException('request failed', 'TimeoutError'); return work(); }",
      errors: [{ messageId: 'untypedErrorOnTimeoutPath' }],
    },
  ],
});
