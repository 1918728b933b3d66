import type { LoadSuggestionId } from './loads/finding.js';

/** The wording of the bound-adding suggestions, shared by every rule that offers them. */
export const LOAD_SUGGESTION_MESSAGES: Record<LoadSuggestionId, string> = {
  addOption: 'Add `{{text}}`.',
  addMethod: 'Add `.{{method}}({{limit}})`.',
  useFind: 'Use `{{to}}({ where, {{key}}: {{limit}} })`.',
  appendLimit: 'Append `LIMIT {{limit}}` to the query.',
  boundRange: 'Read `{{start}}` to `{{stop}}` instead of to `-1`.',
  guardSize: 'Refuse a {{shape}} larger than {{limit}}: check `{{size}}` first and throw `{{error}}`.',
  guardCount: 'Refuse more than {{limit}} {{units}}: call `{{method}}()` first and throw `{{error}}`.',
};
