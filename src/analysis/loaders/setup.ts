import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';
import { LoadFinder } from './engine.js';
import { settingsFor, type NoUnboundedLoadOptions } from './options.js';
import { ReceiverResolver } from './resolver.js';
import { TypeOracle } from './types.js';

/**
 * A LoadFinder for one file: the catalog and options, the receiver resolver, and — only when the
 * parser has a program and the options allow it — the type oracle. Every rule that asks "is this
 * an unbounded load?" builds its finder here, so they all judge loads the same way.
 */
export function createLoadFinder(sourceCode: Readonly<TSESLint.SourceCode>, options: NoUnboundedLoadOptions): LoadFinder {
  const { index, finder: settings } = settingsFor(options);
  const services = sourceCode.parserServices;
  const types =
    options.useTypeInformation !== false && services?.program && services.esTreeNodeToTSNodeMap
      ? new TypeOracle(services as ParserServicesWithTypeInformation, index)
      : null;
  return new LoadFinder(sourceCode, new ReceiverResolver(sourceCode, index, types), settings);
}
