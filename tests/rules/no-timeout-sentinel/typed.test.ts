// Helpers imported from another file (tests/fixtures/local/timeouts.ts), followed with type
// information: a fallback argument the helper resolves from its timer, and a delay helper raced
// against work (issue 20, items 5 and 6).
import { RuleTester } from '@typescript-eslint/rule-tester';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rule from '../../../src/rules/no-timeout-sentinel.js';
import '../../rule-tester.js';

const tsconfigRootDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

const typed = new RuleTester({
  languageOptions: {
    parserOptions: { projectService: { allowDefaultProject: ['*.ts*'], defaultProject: 'tsconfig.json' }, tsconfigRootDir },
  },
});

typed.run('no-timeout-sentinel (typed, across files)', rule, {
  valid: [
    `import { withTimeout } from './local/timeouts';
declare const work: Promise<number[]>;
export const rows = withTimeout(work, 500, [1, 2]);`,
  ],
  invalid: [
    {
      code: `import { withTimeout, timeout } from './local/timeouts';
declare const work: Promise<number[] | null>;
export const rows = withTimeout(work, 500, []);
export const first = Promise.race([work, timeout(100)]);`,
      errors: [
        {
          messageId: 'fallbackSentinel',
          line: 3,
          data: { helper: 'withTimeout', value: '[]', path: '`setTimeout` callback racing the work' },
        },
        { messageId: 'raceHelperSentinel', line: 4, data: { entry: 'timeout(100)', value: 'null', line: '21', race: 'Promise.race' } },
      ],
    },
  ],
});
