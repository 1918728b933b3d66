// Lines a fix inserts end as the file's lines do (issue 24, item 6): an import or a `require` added
// to a file with CRLF line endings ends in CRLF, not in a lone LF.
import rule from '../../../src/rules/prefer-typed-timeout-error.js';
import { runRuleTests } from '../../rule-tester.js';

const settings = { resilience: { autofix: true, timeoutError: { name: 'QueryTimeoutError', from: './errors' } } };
const crlf = (lines: string[]) => lines.join('\r\n');

runRuleTests('prefer-typed-timeout-error', rule, {
  valid: [],
  invalid: [
    {
      code: crlf(["import { db } from './db';", "export function f() { throw new Error('query timed out'); }", '']),
      settings,
      output: crlf([
        "import { db } from './db';",
        "import { QueryTimeoutError } from './errors';",
        "export function f() { throw new QueryTimeoutError('query timed out'); }",
        '',
      ]),
      errors: [{ messageId: 'untypedTimeoutError' }],
    },
    {
      // A file's first import.
      code: crlf(['// Queries.', '', "export function f() { throw new Error('query timed out'); }", '']),
      settings,
      output: crlf([
        '// Queries.',
        '',
        "import { QueryTimeoutError } from './errors';",
        "export function f() { throw new QueryTimeoutError('query timed out'); }",
        '',
      ]),
      errors: [{ messageId: 'untypedTimeoutError' }],
    },
    {
      // CommonJS: a `require` after the last one.
      code: crlf(["'use strict';", "const db = require('./db');", "function f() { throw new Error('query timed out'); }", '']),
      filename: 'file.cjs',
      settings,
      output: crlf([
        "'use strict';",
        "const db = require('./db');",
        "const { QueryTimeoutError } = require('./errors');",
        "function f() { throw new QueryTimeoutError('query timed out'); }",
        '',
      ]),
      errors: [{ messageId: 'untypedTimeoutError' }],
    },
  ],
});
