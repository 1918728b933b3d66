// A timeout signalled with an error class that other failures share (issue 20, census: n8n's
// OperationalError, MongoDB's MongoOIDCError): reported without a fix, since changing the class
// would break callers that catch it.
import rule from '../../../src/rules/prefer-typed-timeout-error.js';
import { runRuleTests } from '../../rule-tester.js';

runRuleTests('prefer-typed-timeout-error', rule, {
  valid: [
    // The class says timeout already.
    "throw new LockTimeoutError('Timed out waiting for the lock');",
    "throw new ConnectionTimedOutError('connect timed out');",
    "reject(new AbortError('request timed out'));",
    "throw new DOMException('fetch timed out', 'TimeoutError');",
    // A code or name beside the message, or a typed timeout as its cause.
    "throw new AppError('ETIMEDOUT', 'Request timed out');",
    "throw new EnableBankingError('TIMED_OUT', 'TIMED_OUT', 'Request timed out');",
    "throw new ServiceError('query timed out', { code: 'QUERY_TIMEOUT' });",
    `const failure = new TimeoutFailure('Workflow execution timed out');
throw new WorkflowFailedError('Workflow execution timed out', failure);`,
    "throw new WrappedError('call timed out', { cause: new RequestTimeoutError('slow') });",
    // The message names a timeout setting or object, not a timeout that happened.
    'throw new MongoAPIError(`Cannot rewind cursor that does not own its timeout context.`);',
    "throw new ConfigError('the timeout must be a positive number');",
    // Built but not delivered: not thrown, rejected or passed on.
    "const e = new OperationalError('Timed out waiting for lock'); log(e);",
    // Not an error class.
    "throw new Notice('Timed out');",
  ],
  invalid: [
    {
      code: 'throw new OperationalError(`Timed out waiting for DbLock ${key} after ${ms}ms`, { cause: error });',
      errors: [
        {
          messageId: 'genericTimeoutClass',
          data: { error: 'new OperationalError(`Timed out waiting for DbLoc…', class: 'OperationalError' },
        },
      ],
    },
    {
      // Through a compiled import, from a timer.
      code: `const timer = setTimeout(() => {
  reject(new n8n_workflow_1.OperationalError(\`Timed out waiting for DbLock \${key}\`));
}, ms);`,
      errors: [{ messageId: 'genericTimeoutClass', line: 2, column: 10 }],
    },
    {
      code: 'throw new MongoOIDCError(`OIDC callback timed out after ${AUTOMATED_TIMEOUT_MS}ms.`);',
      errors: [{ messageId: 'genericTimeoutClass' }],
    },
    {
      code: "callback(new GatewayException('upstream deadline exceeded'));",
      errors: [{ messageId: 'genericTimeoutClass' }],
    },
  ],
});
