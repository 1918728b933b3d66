/** A query ran past its time limit. Callers catch this type and degrade on purpose. */
export class QueryTimeoutError extends Error {
  override readonly name = 'QueryTimeoutError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
