import type { TSESLint } from '@typescript-eslint/utils';

type DefinitionTypes = typeof TSESLint.Scope.DefinitionType;

/**
 * The kinds of a variable's definitions (`variable.defs[i].type`): @typescript-eslint/scope-manager's
 * `DefinitionType`, written out so that the built plugin does not load scope-manager (and through
 * it TypeScript) at run time. `satisfies` keeps every name and value equal to scope-manager's.
 */
export const DefinitionType = {
  CatchClause: 'CatchClause',
  ClassName: 'ClassName',
  FunctionName: 'FunctionName',
  ImplicitGlobalVariable: 'ImplicitGlobalVariable',
  ImportBinding: 'ImportBinding',
  Parameter: 'Parameter',
  TSEnumName: 'TSEnumName',
  TSEnumMember: 'TSEnumMemberName',
  TSModuleName: 'TSModuleName',
  Type: 'Type',
  Variable: 'Variable',
} as const satisfies { [Name in keyof DefinitionTypes]: `${DefinitionTypes[Name]}` } as unknown as DefinitionTypes;
