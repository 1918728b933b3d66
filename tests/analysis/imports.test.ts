import { describe, expect, it } from 'vitest';
import { importedNames } from '../../src/analysis/js/index.js';
import { parseProgram } from './parse.js';

describe('importedNames', () => {
  it('collects default, named, namespace and require bindings of one module', () => {
    const program = parseProgram(
      "import pTimeout, { TimeoutError as TE } from 'p-timeout';\nimport * as pt from 'p-timeout';\nimport other from 'other';\nconst legacy = require('p-timeout');\nconst { default: pt2 } = require('p-timeout');",
    );
    expect([...importedNames(program, 'p-timeout')].sort()).toEqual(['TE', 'legacy', 'pTimeout', 'pt', 'pt2']);
  });
});
