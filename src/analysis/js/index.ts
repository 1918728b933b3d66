// JavaScript facts every rule asks about: where a binding comes from (imports and requires).
export {
  importedNames,
  moduleOfVariable,
  nameRef,
  originOfVariable,
  requiredModule,
  topLevelModules,
  unwrapSequence,
  type BindingOrigin,
  type NameRef,
} from './origins.js';
