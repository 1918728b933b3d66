import { AST_NODE_TYPES } from './node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { isFunction, memberPropertyName, propertyKeyName, unwrap, type FunctionNode } from './ast.js';
import { findVariable } from './imports.js';
import { scopeOf } from './scopes.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** A function a call runs, with the source it is written in (another file's, when types led there). */
export interface ResolvedCallee {
  fn: FunctionNode;
  sourceCode: SourceCode;
  /** The declaring file when it is not the linted one. */
  fileName: string | null;
}

/** `ts.SymbolFlags.Alias`, without loading TypeScript at run time. */
const SYMBOL_FLAGS_ALIAS = 2097152;

/** The function bound to a declaration: `function f`, `const f = () => …`, a method or a class field. */
function functionOfDeclaration(node: Node | undefined): FunctionNode | null {
  if (!node) return null;
  if (isFunction(node)) return node;
  if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init) {
    const init = unwrap(node.init);
    return isFunction(init) ? init : null;
  }
  // An overload signature has no body: not the function that runs.
  if (node.type === AST_NODE_TYPES.MethodDefinition) return isFunction(node.value) ? node.value : null;
  if ((node.type === AST_NODE_TYPES.PropertyDefinition || node.type === AST_NODE_TYPES.Property) && node.value) {
    const value = unwrap(node.value);
    return isFunction(value) ? value : null;
  }
  return null;
}

/** `this.load()` inside a class: the class's own method or arrow field named `load`. */
function ownMethod(call: TSESTree.CallExpression, member: TSESTree.MemberExpression): FunctionNode | null {
  const name = memberPropertyName(member);
  if (!name) return null;
  for (let current: Node | undefined = call.parent; current; current = current.parent) {
    if (current.type !== AST_NODE_TYPES.ClassBody) continue;
    for (const element of current.body) {
      if (
        (element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) &&
        propertyKeyName(element) === name
      ) {
        const fn = functionOfDeclaration(element);
        if (fn) return fn; // else an overload signature: the implementation follows
      }
    }
    return null;
  }
  return null;
}

/** The function a call runs when the file declares it: `f()` of a function or a `const f = () => …`, `this.f()` of the class's own method. */
export function sameFileCallee(call: TSESTree.CallExpression, sourceCode: SourceCode): FunctionNode | null {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier)
    return functionOfDeclaration(findVariable(scopeOf(sourceCode, call), callee.name)?.defs[0]?.node);
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression)
    return ownMethod(call, callee);
  return null;
}

function setParents(root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): void {
  const stack: [Node, Node | undefined][] = [[root, undefined]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    (node as { parent?: Node }).parent = parent;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && 'type' in child) stack.push([child as Node, node]);
      }
    }
  }
}

/** The innermost node whose range is exactly `range`. */
function nodeAtRange(root: Node, range: readonly [number, number], visitorKeys: TSESLint.SourceCode.VisitorKeys): Node | null {
  let current: Node | null = root;
  let found: Node | null = null;
  while (current) {
    if (current.range[0] === range[0] && current.range[1] === range[1]) found = current;
    let next: Node | null = null;
    for (const key of visitorKeys[current.type] ?? []) {
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        const node = child as Node | null;
        if (node && typeof node === 'object' && 'range' in node && node.range[0] <= range[0] && node.range[1] >= range[1]) next = node;
      }
    }
    current = next;
  }
  return found;
}

/** Parsed other files, per TypeScript source file (so per program): parsed once, shared by rules. */
const parsedFiles = new WeakMap<ts.SourceFile, SourceCode | null>();

/**
 * Finds the function a call runs: in the same file from the scope (`f()`, `this.f()`), and across
 * files through the TypeScript program when the parser has type information. The other file is
 * parsed with the user's own parser, without a program, and analysed like the linted one.
 */
export class CalleeResolver {
  constructor(private readonly context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>) {}

  resolve(call: TSESTree.CallExpression): ResolvedCallee | null {
    const sourceCode = this.context.sourceCode;
    const fn = sameFileCallee(call, sourceCode);
    if (fn) return { fn, sourceCode, fileName: null };
    return this.resolveWithTypes(unwrap(call.callee));
  }

  private resolveWithTypes(callee: Node): ResolvedCallee | null {
    const services = this.context.sourceCode.parserServices;
    if (!services?.program || !services.esTreeNodeToTSNodeMap) return null;
    const checker = services.program.getTypeChecker();
    const target = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
    const tsNode = services.esTreeNodeToTSNodeMap.get(target);
    let symbol = checker.getSymbolAtLocation(tsNode);
    if (symbol && symbol.flags & SYMBOL_FLAGS_ALIAS) symbol = checker.getAliasedSymbol(symbol);
    // Of overloads, the declaration with a body is the one that runs.
    const declarations = symbol?.declarations ?? [];
    const declaration = declarations.find((d) => (d as ts.FunctionLikeDeclarationBase).body !== undefined) ?? symbol?.valueDeclaration;
    const name = declaration && (declaration as ts.NamedDeclaration).name;
    if (!declaration || !name) return null;
    const file = declaration.getSourceFile();
    const sourceCode = file.fileName === this.context.filename ? this.context.sourceCode : this.parse(file);
    if (!sourceCode) return null;
    const id = nodeAtRange(sourceCode.ast, [name.getStart(file), name.getEnd()], sourceCode.visitorKeys);
    const fn = functionOfDeclaration(id?.parent);
    if (!fn) return null;
    return { fn, sourceCode, fileName: sourceCode === this.context.sourceCode ? null : file.fileName };
  }

  private parse(file: ts.SourceFile): SourceCode | null {
    if (parsedFiles.has(file)) return parsedFiles.get(file)!;
    let parsed: SourceCode | null = null;
    const parser = this.context.languageOptions.parser as
      { parseForESLint?: (text: string, options: object) => TSESLint.Parser.ParseResult } | undefined;
    if (parser?.parseForESLint && !file.isDeclarationFile) {
      try {
        const result = parser.parseForESLint(file.text, {
          filePath: file.fileName,
          range: true,
          loc: true,
          tokens: true,
          comment: true,
          ecmaVersion: 'latest',
          sourceType: 'module',
          jsx: file.fileName.endsWith('x'),
        });
        const visitorKeys = result.visitorKeys ?? this.context.sourceCode.visitorKeys;
        setParents(result.ast, visitorKeys);
        const SourceCodeClass = this.context.sourceCode.constructor as new (config: object) => TSESLint.SourceCode;
        parsed = new SourceCodeClass({
          text: file.text,
          ast: result.ast,
          parserServices: result.services ?? {},
          scopeManager: result.scopeManager,
          visitorKeys,
        });
      } catch {
        // A file we cannot parse gives no chain; the finding stands without it.
        parsed = null;
      }
    }
    parsedFiles.set(file, parsed);
    return parsed;
  }
}
