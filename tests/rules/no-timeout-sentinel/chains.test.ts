// The chain inside a file (issue 20, item 8): a helper turns a timeout into a sentinel, and a caller
// turns that sentinel into a success value of its own.
import rule from '../../../src/rules/no-timeout-sentinel.js';
import { runRuleTests } from '../../rule-tester.js';

const HELPER = `async function balanceOf(address: string): Promise<number | undefined> {
  try {
    return await pTimeout(rpc.getBalance(address), { milliseconds: 3000 });
  } catch (error) {
    if (error instanceof TimeoutError) return undefined;
    throw error;
  }
}
`;

/** The helper's own report: its \`return undefined\` becomes a throw. */
const helperFixed = (code: string) => [
  {
    messageId: 'throwTypedError' as const,
    output: code.replace(
      'if (error instanceof TimeoutError) return undefined;',
      "if (error instanceof TimeoutError) throw new DOMException('balanceOf timed out', 'TimeoutError');",
    ),
  },
];

const helperFixedIn = helperFixed(`${HELPER}
async function holdings(address: string, enabled: boolean) {
  const balance = await balanceOf(address);
  if (!enabled) return [];
  return positions(address, balance);
}`);

const CALLER = `${HELPER}
async function holdings(address: string) {
  const balance = await balanceOf(address);
  if (!balance) return [];
  return positions(address);
}`;

const ARROW = `${HELPER}
const holdings = async (address: string) => {
  const balance = await balanceOf(address);
  return balance === undefined ? { items: [], total: 0 } : load(address);
};`;

runRuleTests('no-timeout-sentinel', rule, {
  valid: [
    // The helper fails with an error: the caller's empty answer is about a real empty value.
    `async function balanceOf(address: string) {
  return await pTimeout(rpc.getBalance(address), { milliseconds: 3000 });
}
async function holdings(address: string) {
  const balance = await balanceOf(address);
  if (!balance) return [];
  return positions(address);
}`,
  ],
  invalid: [
    {
      // A caller that passes the helper's own value on (\`false\` for \`false\`) adds nothing to the helper's finding.
      code: `function safeTest(pattern: string, value: string) {
  try {
    return runWithTimeout(() => new RegExp(pattern).test(value), 100);
  } catch {
    return false;
  }
}
function matches(pattern: string, value: string) {
  if (!safeTest(pattern, value)) return false;
  return value.length > 0;
}`,
      errors: [
        {
          messageId: 'returnsSentinel',
          line: 5,
          suggestions: [
            {
              messageId: 'rethrowOnTimeout',
              output: `function safeTest(pattern: string, value: string) {
  try {
    return runWithTimeout(() => new RegExp(pattern).test(value), 100);
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') throw error;
    return false;
  }
}
function matches(pattern: string, value: string) {
  if (!safeTest(pattern, value)) return false;
  return value.length > 0;
}`,
            },
          ],
        },
      ],
    },
    {
      // A test that is not about the helper's value: only the helper is reported.
      code: `${HELPER}
async function holdings(address: string, enabled: boolean) {
  const balance = await balanceOf(address);
  if (!enabled) return [];
  return positions(address, balance);
}`,
      errors: [{ messageId: 'returnsSentinel', line: 5, suggestions: helperFixedIn }],
    },
    {
      code: CALLER,
      errors: [
        // The helper itself, on its timeout path.
        { messageId: 'returnsSentinel', line: 5, suggestions: helperFixed(CALLER) },
        {
          messageId: 'mapsTimeoutSentinel',
          line: 12,
          data: { subject: 'balance', value: 'undefined', call: 'balanceOf()', line: '5', result: '[]' },
          suggestions: [],
        },
      ],
    },
    {
      // A ternary, and the value read through a property.
      code: ARROW,
      errors: [
        { messageId: 'returnsSentinel', line: 5, suggestions: helperFixed(ARROW) },
        { messageId: 'mapsTimeoutSentinel', line: 12, suggestions: [] },
      ],
    },
  ],
});
