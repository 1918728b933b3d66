import { AST_NODE_TYPES as BUNDLED_NODE_TYPES, AST_TOKEN_TYPES as BUNDLED_TOKEN_TYPES } from '@typescript-eslint/types';
// Typed from utils, as every module's types are: the published declarations then leave both packages out.
import type { AST_NODE_TYPES as NodeTypes, AST_TOKEN_TYPES as TokenTypes } from '@typescript-eslint/utils';

// typescript-eslint's node type names, read once. The bundled @typescript-eslint/types is CommonJS
// whose exports are getters, and a bundle keeps an import live by reading it at every use: each of
// the ~1,000 `node.type === AST_NODE_TYPES.X` tests called a getter. Held in a const, each is a
// property load V8 folds to the string. Our rules together took 0.80x the time
// (scripts/bench-ab.mjs, full corpus, 3 rounds: 1,872 → 1,506 ms). tests/layout.test.ts keeps
// every module on this one.
export const AST_NODE_TYPES: typeof NodeTypes = BUNDLED_NODE_TYPES;
export const AST_TOKEN_TYPES: typeof TokenTypes = BUNDLED_TOKEN_TYPES;
