/**
 * Reads that take a whole payload into memory: HTTP response bodies, whole files at paths that
 * are not constants, streams collected into one array or buffer. Noisier than the catalog's
 * loads (most bodies and files are small), so the rule checks them only when asked (`strict`).
 */
import { AST_NODE_TYPES } from '../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  callText,
  enclosingFunction,
  findInSubtree,
  isFunction,
  lastName,
  memberPropertyName,
  shortText,
  SKIP_NESTED_FUNCTIONS,
  unwrap,
} from '../js/ast.js';
import { findVariable } from '../js/imports.js';
import { chainAbove } from './loads/chains.js';
import { hasSizeGuard } from './loads/guards.js';
import { nameRef, unwrapSequence } from '../js/index.js';
import { hasAnyKey, viewObject } from './loads/objects.js';
import { DefinitionType } from '../js/definitions.js';
import { scopeOf } from '../js/scopes.js';

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

export interface ReadChecks {
  httpBodies: boolean;
  fileReads: boolean;
  streams: boolean;
}

export type ReadMessageId = 'wholeBody' | 'axiosBody' | 'wholeFile' | 'streamToArray' | 'chunkAccumulation';

export interface ReadFinding {
  node: Node;
  messageId: ReadMessageId;
  data: Record<string, string>;
}

const BODY_METHODS = new Set(['json', 'text', 'arrayBuffer', 'blob', 'formData', 'bytes']);
const FETCH_MODULES = new Set(['undici', 'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'make-fetch-happen']);
const AXIOS_METHODS = new Set(['get', 'post', 'put', 'patch', 'request']);
const FS_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra', 'graceful-fs']);
const FILE_READS = new Set(['readFile', 'readFileSync']);
const PATH_JOINERS = new Set(['join', 'resolve', 'normalize']);
const STREAM_FACTORIES = new Set(['createReadStream', 'createGunzip', 'createInflate', 'createBrotliDecompress']);
const STREAM_CLASSES = new Set(['Readable', 'PassThrough', 'Transform', 'Duplex']);

/** Every method name the read checks look at: the rule's first filter. */
export const READ_MEMBER_NAMES = new Set([...BODY_METHODS, ...AXIOS_METHODS, ...FILE_READS, 'toArray', 'concat']);

export class ReadFinder {
  private readonly scopeOf: (node: Node) => TSESLint.Scope.Scope;
  private axiosDefaultsCapped: boolean | null = null;

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly checks: ReadChecks,
  ) {
    this.scopeOf = (node) => scopeOf(sourceCode, node);
  }

  /** `x.m(…)`: bodies, axios calls, file reads, `toArray()`, `Buffer.concat(chunks)`. */
  memberCall(call: TSESTree.CallExpression): ReadFinding | null {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const name = memberPropertyName(callee);
    if (name === null || !READ_MEMBER_NAMES.has(name)) return null;
    if (this.checks.httpBodies && BODY_METHODS.has(name) && call.arguments.length === 0) return this.checkBody(call, callee, name);
    if (this.checks.httpBodies && AXIOS_METHODS.has(name))
      return this.checkAxios(call, callee.object, callText(this.sourceCode, callee, 40));
    if (this.checks.fileReads && FILE_READS.has(name)) return this.checkFileRead(call, callee, callee.object);
    if (this.checks.streams && name === 'toArray' && call.arguments.length === 0) return this.checkToArray(call, callee);
    if (this.checks.streams && name === 'concat') return this.checkConcat(call, callee);
    return null;
  }

  /** `f(…)`: `axios(config)`, a `readFile` imported by name. */
  plainCall(call: TSESTree.CallExpression): ReadFinding | null {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier) return null;
    if (this.checks.httpBodies && this.isAxios(callee)) return this.checkAxios(call, null, `${callee.name}()`);
    if (this.checks.fileReads && FILE_READS.has(callee.name)) return this.checkFileRead(call, callee, null);
    return null;
  }

  /** `body += chunk` in a `'data'` handler: a string that grows with the payload. */
  assignment(node: TSESTree.AssignmentExpression): ReadFinding | null {
    if (!this.checks.streams || node.operator !== '+=' || node.left.type !== AST_NODE_TYPES.Identifier) return null;
    const handler = enclosingFunction(node);
    if (!handler || !this.isDataHandler(handler)) return null;
    const chunk = handler.params[0];
    if (chunk?.type !== AST_NODE_TYPES.Identifier || !this.mentions(node.right, chunk.name)) return null;
    if (this.hasCap(handler.body)) return null;
    return { node, messageId: 'chunkAccumulation', data: { target: node.left.name } };
  }

  // ------------------------------------------------------------------------------------------

  private checkBody(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, name: string): ReadFinding | null {
    const response = unwrap(callee.object);
    if (!this.isResponse(response)) return null;
    if (hasSizeGuard(call, this.scopeOf, this.sourceCode.visitorKeys)) return null;
    return { node: callee.property, messageId: 'wholeBody', data: { construct: callText(this.sourceCode, callee, 40), method: name } };
  }

  /** A `fetch` response: `await fetch(…)`, a variable holding one, or undici's `request(…)` body. */
  private isResponse(node: Node, depth = 0): boolean {
    if (depth > 3) return false;
    const target = unwrapSequence(node);
    if (target.type === AST_NODE_TYPES.AwaitExpression) return this.isResponse(target.argument, depth + 1);
    if (target.type === AST_NODE_TYPES.CallExpression) return this.isFetch(target.callee);
    if (target.type === AST_NODE_TYPES.MemberExpression && memberPropertyName(target) === 'body') {
      // undici: `(await request(url)).body`
      const object = unwrapSequence(target.object);
      const call = object.type === AST_NODE_TYPES.AwaitExpression ? unwrapSequence(object.argument) : object;
      return call.type === AST_NODE_TYPES.CallExpression && this.isUndiciRequest(call.callee);
    }
    if (target.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = findVariable(this.scopeOf(target), target.name);
    const def = variable?.defs[0];
    if (def?.type !== DefinitionType.Variable) return false;
    const declarator = def.node;
    if (!declarator.init) return false;
    if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
      // `const { body } = await request(url)`
      const init = unwrapSequence(declarator.init);
      const call = init.type === AST_NODE_TYPES.AwaitExpression ? unwrapSequence(init.argument) : init;
      return call.type === AST_NODE_TYPES.CallExpression && this.isUndiciRequest(call.callee) && target.name === 'body';
    }
    return this.isResponse(declarator.init, depth + 1);
  }

  private isFetch(callee: Node): boolean {
    const ref = nameRef(callee, this.scopeOf);
    if (!ref || ref.local !== 'fetch') return false;
    if (ref.origin) return FETCH_MODULES.has(ref.origin.module);
    return !ref.declaredLocally;
  }

  private isUndiciRequest(callee: Node): boolean {
    const ref = nameRef(callee, this.scopeOf);
    return ref?.origin?.module === 'undici' && ref.local === 'request';
  }

  private isAxios(node: Node): boolean {
    const target = unwrapSequence(node);
    const ref = nameRef(target, this.scopeOf);
    if (
      ref?.origin?.module === 'axios' &&
      (ref.origin.imported === 'default' || ref.origin.imported === '*' || ref.origin.imported === 'axios')
    )
      return true;
    return false;
  }

  /** An axios instance made by `axios.create(config)`: its config, or null when it is not one. */
  private axiosInstanceConfig(node: Node): { capped: boolean } | null {
    const target = unwrapSequence(node);
    if (target.type !== AST_NODE_TYPES.Identifier && target.type !== AST_NODE_TYPES.MemberExpression) return null;
    if (target.type === AST_NODE_TYPES.Identifier) {
      const def = findVariable(this.scopeOf(target), target.name)?.defs[0];
      const init = def?.type === DefinitionType.Variable ? def.node.init : null;
      const call = init ? unwrapSequence(init) : null;
      if (call?.type !== AST_NODE_TYPES.CallExpression) return null;
      const callee = unwrapSequence(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || memberPropertyName(callee) !== 'create' || !this.isAxios(callee.object))
        return null;
      const view = viewObject(call.arguments[0], this.scopeOf);
      return { capped: !view || !view.complete || hasAnyKey(view, ['maxContentLength']) };
    }
    return null;
  }

  private checkAxios(call: TSESTree.CallExpression, receiver: Node | null, construct: string): ReadFinding | null {
    if (receiver) {
      const direct = this.isAxios(receiver);
      const instance = direct ? null : this.axiosInstanceConfig(receiver);
      if (!direct && !instance) return null;
      if (instance?.capped) return null;
    }
    if (this.axiosDefaultsAreCapped()) return null;
    // Any config object argument may carry the cap, or ask for a stream.
    for (const argument of call.arguments) {
      if (argument.type === AST_NODE_TYPES.SpreadElement) return null;
      const target = unwrap(argument);
      if (target.type !== AST_NODE_TYPES.ObjectExpression && target.type !== AST_NODE_TYPES.Identifier) continue;
      const view = viewObject(argument, this.scopeOf);
      if (target.type === AST_NODE_TYPES.Identifier && !view) {
        // `axios.get(url)` with a string variable is fine to judge; an unknown config is not.
        if (argument !== call.arguments[0]) return null;
        continue;
      }
      if (!view || !view.complete || hasAnyKey(view, ['maxContentLength'])) return null;
      const responseType = view.keys.get('responseType');
      if (
        responseType &&
        unwrap(responseType).type === AST_NODE_TYPES.Literal &&
        (unwrap(responseType) as TSESTree.Literal).value === 'stream'
      )
        return null;
    }
    if (hasSizeGuard(call, this.scopeOf, this.sourceCode.visitorKeys)) return null;
    return { node: call.callee, messageId: 'axiosBody', data: { construct } };
  }

  /** `axios.defaults.maxContentLength = …` anywhere in the file. */
  private axiosDefaultsAreCapped(): boolean {
    if (this.axiosDefaultsCapped !== null) return this.axiosDefaultsCapped;
    this.axiosDefaultsCapped = this.sourceCode.text.includes('maxContentLength');
    return this.axiosDefaultsCapped;
  }

  private checkFileRead(call: TSESTree.CallExpression, callee: Node, receiver: Node | null): ReadFinding | null {
    const path = call.arguments[0];
    if (!path || path.type === AST_NODE_TYPES.SpreadElement) return null;
    const fromFs = receiver ? this.isFsModule(receiver) : this.isFsBinding(callee);
    if (!fromFs || this.isConstantPath(path)) return null;
    // `readFile(fd)`, or a file whose size was checked first.
    if (hasSizeGuard(call, this.scopeOf, this.sourceCode.visitorKeys)) return null;
    const name = receiver
      ? `${shortText(this.sourceCode.getText(receiver), 20)}.${memberPropertyName(callee as TSESTree.MemberExpression)}`
      : (callee as TSESTree.Identifier).name;
    return {
      node: callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee,
      messageId: 'wholeFile',
      data: { construct: `${name}()` },
    };
  }

  private isFsModule(node: Node): boolean {
    const target = unwrapSequence(node);
    if (target.type === AST_NODE_TYPES.MemberExpression && memberPropertyName(target) === 'promises') return this.isFsModule(target.object);
    const ref = nameRef(target, this.scopeOf);
    if (ref?.origin && FS_MODULES.has(ref.origin.module)) return true;
    if (target.type === AST_NODE_TYPES.Identifier) {
      const def = findVariable(this.scopeOf(target), target.name)?.defs[0];
      const init = def?.type === DefinitionType.Variable ? def.node.init : null;
      if (init && unwrapSequence(init).type === AST_NODE_TYPES.MemberExpression) return this.isFsModule(unwrapSequence(init));
    }
    return false;
  }

  private isFsBinding(callee: Node): boolean {
    const ref = nameRef(callee, this.scopeOf);
    return ref?.origin !== null && ref?.origin !== undefined && FS_MODULES.has(ref.origin.module);
  }

  /** A path that names the same file on every run: literals, `path.join(__dirname, 'x')`, `new URL('x', import.meta.url)`. */
  private isConstantPath(node: Node, depth = 0): boolean {
    if (depth > 4) return false;
    const target = unwrap(node);
    switch (target.type) {
      case AST_NODE_TYPES.Literal:
        return true;
      case AST_NODE_TYPES.TemplateLiteral:
        return target.expressions.every((e) => this.isConstantPath(e, depth + 1));
      case AST_NODE_TYPES.Identifier: {
        if (target.name === '__dirname' || target.name === '__filename') return true;
        const def = findVariable(this.scopeOf(target), target.name)?.defs[0];
        if (def?.type !== DefinitionType.Variable || def.parent?.type !== AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const')
          return false;
        const init = def.node.init;
        return init !== null && init !== undefined && this.isConstantPath(init, depth + 1);
      }
      case AST_NODE_TYPES.MemberExpression: {
        const text = this.sourceCode.getText(target);
        return text === 'import.meta.dirname' || text === 'import.meta.filename' || text === 'import.meta.url';
      }
      case AST_NODE_TYPES.BinaryExpression:
        return target.operator === '+' && this.isConstantPath(target.left, depth + 1) && this.isConstantPath(target.right, depth + 1);
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrapSequence(target.callee);
        const name = lastName(callee);
        if (name === 'cwd' || name === 'fileURLToPath' || (name !== null && PATH_JOINERS.has(name))) {
          return target.arguments.every((a) => a.type !== AST_NODE_TYPES.SpreadElement && this.isConstantPath(a, depth + 1));
        }
        return false;
      }
      case AST_NODE_TYPES.NewExpression:
        return (
          target.callee.type === AST_NODE_TYPES.Identifier &&
          target.callee.name === 'URL' &&
          target.arguments.every((a) => a.type !== AST_NODE_TYPES.SpreadElement && this.isConstantPath(a, depth + 1))
        );
      default:
        return false;
    }
  }

  private checkToArray(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): ReadFinding | null {
    if (!this.isStream(callee.object)) return null;
    return { node: callee.property, messageId: 'streamToArray', data: { construct: callText(this.sourceCode, callee, 40) } };
  }

  /** A Node.js readable stream: `fs.createReadStream(…)`, `Readable.from(…)`, `new PassThrough()`, `x.pipe(…)`, `process.stdin`. */
  private isStream(node: Node, depth = 0): boolean {
    if (depth > 3) return false;
    const target = unwrapSequence(node);
    if (this.sourceCode.getText(target) === 'process.stdin') return true;
    if (target.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapSequence(target.callee);
      const name = lastName(callee);
      if (name !== null && STREAM_FACTORIES.has(name)) return true;
      if (name === 'pipe') return true;
      if (name === 'from' && callee.type === AST_NODE_TYPES.MemberExpression) {
        const object = unwrapSequence(callee.object);
        return object.type === AST_NODE_TYPES.Identifier && STREAM_CLASSES.has(object.name);
      }
      return false;
    }
    if (target.type === AST_NODE_TYPES.NewExpression) {
      const ref = nameRef(target.callee, this.scopeOf);
      return (
        ref !== null &&
        STREAM_CLASSES.has(ref.local) &&
        (ref.origin === null ? !ref.declaredLocally : /^(?:node:)?stream/.test(ref.origin.module))
      );
    }
    if (target.type !== AST_NODE_TYPES.Identifier) return false;
    const def = findVariable(this.scopeOf(target), target.name)?.defs[0];
    const init = def?.type === DefinitionType.Variable ? def.node.init : null;
    return init !== null && init !== undefined && this.isStream(init, depth + 1);
  }

  /** `Buffer.concat(chunks)` where `chunks` collects every chunk of a stream with no byte cap. */
  private checkConcat(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): ReadFinding | null {
    const object = unwrap(callee.object);
    if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Buffer') return null;
    const list = call.arguments[0] && unwrap(call.arguments[0]);
    if (list?.type !== AST_NODE_TYPES.Identifier || call.arguments.length > 1) return null;
    const variable = findVariable(this.scopeOf(list), list.name);
    if (!variable) return null;
    for (const reference of variable.references) {
      const push = chainAbove(reference.identifier as TSESTree.Expression).links[0];
      if (push?.name !== 'push') continue;
      const collector = this.collectingLoop(push.call);
      if (!collector) continue;
      if (this.hasCap(collector)) return null;
      return { node: call, messageId: 'chunkAccumulation', data: { target: list.name } };
    }
    return null;
  }

  /** The `for await` body or `'data'` handler a push happens in, if any. */
  private collectingLoop(node: Node): Node | null {
    for (let current = node.parent; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.ForOfStatement && current.await) return current.body;
      if (isFunction(current)) return this.isDataHandler(current) ? current.body : null;
    }
    return null;
  }

  /** `stream.on('data', (chunk) => …)`. */
  private isDataHandler(fn: Node): boolean {
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== fn) return false;
    const callee = unwrap(call.callee);
    const event = call.arguments[0];
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      ['on', 'addListener', 'once'].includes(memberPropertyName(callee) ?? '') &&
      event?.type === AST_NODE_TYPES.Literal &&
      event.value === 'data'
    );
  }

  /** Any size comparison in the collecting code: a byte cap. */
  private hasCap(body: Node): boolean {
    return (
      findInSubtree(
        body,
        this.sourceCode.visitorKeys,
        (n) => (n.type === AST_NODE_TYPES.BinaryExpression && ['>', '>=', '<', '<='].includes(n.operator) ? true : null),
        SKIP_NESTED_FUNCTIONS,
      ) !== null
    );
  }

  private mentions(node: Node, name: string): boolean {
    return (
      findInSubtree(node, this.sourceCode.visitorKeys, (n) => (n.type === AST_NODE_TYPES.Identifier && n.name === name ? true : null)) !==
      null
    );
  }
}
