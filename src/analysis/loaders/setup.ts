import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';
import { identityOf, perFile } from '../js/per-file.js';
import { LoadFinder } from './loads/load-finder.js';
import { settingsFor, type NoUnboundedLoadOptions } from './options.js';
import { ReceiverResolver } from './receivers/index.js';
import { TypeOracle } from './receivers/type-oracle.js';

/**
 * A LoadFinder for one file: the catalog and options, the receiver resolver, and — only when the
 * parser has a program and the options allow it — the type oracle. Every rule that asks "is this
 * an unbounded load?" builds its finder here, so they all judge loads the same way.
 */
export function createLoadFinder(sourceCode: Readonly<TSESLint.SourceCode>, options: NoUnboundedLoadOptions): LoadFinder {
  const { index, finder: settings } = settingsFor(options);
  const services = sourceCode.parserServices;
  const typed = options.useTypeInformation !== false && Boolean(services?.program && services.esTreeNodeToTSNodeMap);
  // The receivers of a file depend on the catalog index (libraries and naming conventions) and on
  // whether types are used, not on a rule's checks: both load rules share one resolver per file.
  const resolver = perFile(sourceCode.ast, `receivers:${identityOf(index)}:${typed}`, () => {
    const types = typed ? new TypeOracle(services as ParserServicesWithTypeInformation, index) : null;
    return new ReceiverResolver(sourceCode, index, types);
  });
  return new LoadFinder(sourceCode, resolver, settings);
}
