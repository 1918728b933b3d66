// Lines a suggestion inserts end as the file's lines do (issue 24, item 6): the timeout test put
// before a catch-all fallback, in a file with CRLF line endings, ends in CRLF.
import rule from '../../../src/rules/no-timeout-sentinel.js';
import { runRuleTests } from '../../rule-tester.js';

const crlf = (lines: string[]) => lines.join('\r\n');

runRuleTests('no-timeout-sentinel', rule, {
  valid: [],
  invalid: [
    {
      code: crlf([
        'export async function load() {',
        '  try {',
        '    return await fetch(url, { signal: AbortSignal.timeout(1000) });',
        '  } catch (err) {',
        '    log(err);',
        '    return [];',
        '  }',
        '}',
        '',
      ]),
      errors: [
        {
          messageId: 'returnsSentinel',
          suggestions: [
            {
              messageId: 'rethrowOnTimeout',
              data: { error: 'err', test: "err instanceof Error && err.name === 'TimeoutError'" },
              output: crlf([
                'export async function load() {',
                '  try {',
                '    return await fetch(url, { signal: AbortSignal.timeout(1000) });',
                '  } catch (err) {',
                '    log(err);',
                "    if (err instanceof Error && err.name === 'TimeoutError') throw err;",
                '    return [];',
                '  }',
                '}',
                '',
              ]),
            },
          ],
        },
      ],
    },
  ],
});
