import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunction, memberPropertyName, nodeAtIndex, propertyKeyName, unwrap } from '../js/ast.js';
import { findVariable } from '../js/imports.js';
import type { LibraryEntry, LibraryId } from './catalog.js';
import { type CatalogIndex, type RoleKey, fromLibrary, lastSegment, matchesNamePattern, matchesRule } from './catalog-index.js';
import { nameRef, originOfVariable, topLevelModules, unwrapSequence } from '../js/index.js';
import { isResolved, type Resolution, type Resolved, type Via } from './resolution.js';
import type { TypeOracle } from './types.js';

const { DefinitionType } = TSESLint.Scope;

type Node = TSESTree.Node;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

interface ClassMember {
  annotations: TSESTree.TypeNode[];
  decorators: TSESTree.Decorator[];
  values: Node[];
}

/** Built-in objects whose methods share names with loaders' (`keys`, `all`, `from`, `values`). */
const BUILT_IN_OBJECTS = new Set([
  'Object',
  'Array',
  'Promise',
  'Reflect',
  'JSON',
  'Math',
  'Number',
  'String',
  'Symbol',
  'Map',
  'Set',
  'Date',
  'Intl',
]);

/**
 * Answers "what is this receiver?" for one file, from the evidence the catalog describes: how it
 * was created, its annotation or injection, its class's base, the file's imports, and naming
 * conventions last. With a type oracle, declared types come first.
 */
export class ReceiverResolver {
  // One resolver per file and rule run: plain Maps, cheaper to create and probe than WeakMaps, go with it.
  private readonly cache = new Map<Node, Resolution>();
  private readonly classes = new Map<ClassNode, Map<string, ClassMember>>();
  private readonly visiting = new Set<Node>();
  private imported: Set<LibraryId> | null = null;
  private readonly names = new Map<string, Resolution>();
  private readonly values = new Map<TSESLint.Scope.Variable, Node[]>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly index: CatalogIndex,
    private readonly types: TypeOracle | null,
  ) {}

  private scopeOf = (node: Node) => this.sourceCode.getScope(node);

  /** Libraries the file imports or requires at its top level. */
  fileImports(): Set<LibraryId> {
    if (this.imported) return this.imported;
    const found = new Set<LibraryId>();
    for (const module of topLevelModules(this.sourceCode.ast)) {
      const library = this.index.libraryOfModule(module);
      if (library) found.add(library.id);
    }
    this.imported = found;
    return found;
  }

  importsLibrary(library: LibraryEntry): boolean {
    return this.fileImports().has(library.id);
  }

  resolve(node: Node): Resolution {
    const target = unwrapSequence(node);
    if (this.cache.has(target)) return this.cache.get(target)!;
    if (this.visiting.has(target) || this.visiting.size > 24) return null;
    this.visiting.add(target);
    let result: Resolution;
    try {
      result = this.types?.classify(target) ?? null;
      if (result === null) result = this.resolveNode(target);
    } finally {
      this.visiting.delete(target);
    }
    this.cache.set(target, result);
    return result;
  }

  private resolveNode(node: Node): Resolution {
    switch (node.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return this.resolve(node.argument);
      case AST_NODE_TYPES.Identifier:
        return this.resolveIdentifier(node);
      case AST_NODE_TYPES.ThisExpression:
        return this.resolveThis(node);
      case AST_NODE_TYPES.MemberExpression:
        return this.resolveMember(node);
      case AST_NODE_TYPES.CallExpression:
        return this.resolveCall(node);
      case AST_NODE_TYPES.NewExpression:
        return this.resolveNew(node);
      case AST_NODE_TYPES.LogicalExpression:
        return this.either(node.left, node.right);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.either(node.consequent, node.alternate);
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ClassExpression:
      case AST_NODE_TYPES.BinaryExpression:
        return 'other';
      default:
        return null;
    }
  }

  /** `tx ?? prisma`, `cond ? trx : knex`: a role either side gives, unless both are something else. */
  private either(a: Node, b: Node): Resolution {
    const left = this.resolve(a);
    if (isResolved(left)) return left;
    const right = this.resolve(b);
    if (isResolved(right)) return right;
    return left === 'other' && right === 'other' ? 'other' : null;
  }

  private resolved(key: RoleKey, via: Via): Resolved {
    return { library: key.library, role: key.role, via };
  }

  /** The naming conventions, for a name nothing else explains. */
  byName(name: string | null): Resolution {
    if (!name || name.length > 100) return null;
    const cached = this.names.get(name);
    if (cached !== undefined) return cached;
    const result = this.byNameUncached(name);
    this.names.set(name, result);
    return result;
  }

  private byNameUncached(name: string): Resolution {
    for (const { key, patterns } of this.index.names) {
      if (key.spec.namesNeedImport && !this.importsLibrary(key.library)) continue;
      const classLike = key.spec.classNames === true && /^[A-Z][A-Za-z0-9_$]*$/.test(name) && /[a-z]/.test(name);
      if (classLike || patterns.some((p) => matchesNamePattern(p, name))) return this.resolved(key, 'name');
    }
    return null;
  }

  private resolveIdentifier(node: TSESTree.Identifier): Resolution {
    // `Object.keys(x)`, `Promise.all(…)`: the most frequent receivers of the loaders' method names,
    // ruled out before any scope lookup. Where a file shadows one (`import Promise from 'bluebird'`,
    // `import { Map } from 'immutable'`), the name still holds a stand-in, not a client.
    if (BUILT_IN_OBJECTS.has(node.name)) return 'other';
    const variable = findVariable(this.scopeOf(node), node.name);
    if (!variable || variable.defs.length === 0) return this.byName(node.name);
    const def = variable.defs[0]!;
    switch (def.type) {
      case DefinitionType.Variable: {
        const declarator = def.node;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          const annotation = declarator.id.typeAnnotation?.typeAnnotation;
          const annotated = annotation ? this.byAnnotation(annotation) : null;
          if (annotated) return annotated;
          const values = this.assignedValues(variable, declarator);
          // `for (const repo of repos)` has no initialiser of its own.
          const loopVariable =
            declarator.parent?.parent?.type === AST_NODE_TYPES.ForOfStatement ||
            declarator.parent?.parent?.type === AST_NODE_TYPES.ForInStatement;
          if (loopVariable) return this.byName(node.name);
          let sawOther = false;
          for (const value of values) {
            const r = this.resolve(value);
            if (isResolved(r)) return r;
            if (r === 'other') sawOther = true;
          }
          if (sawOther && values.length > 0) return 'other';
        }
        return this.byName(node.name);
      }
      case DefinitionType.Parameter:
        return this.resolveParameter(def.name as TSESTree.Identifier, def.node) ?? this.byName(node.name);
      case DefinitionType.ImportBinding: {
        const origin = originOfVariable(variable);
        if (origin && (origin.imported === 'default' || origin.imported === '*')) {
          const key = this.index.moduleObjects.find((k) => fromLibrary(origin, k.library));
          if (key) return this.resolved(key, 'creation');
        }
        return this.byName(node.name);
      }
      case DefinitionType.ClassName:
        return this.resolveClass(def.node, 'static') ?? 'other';
      case DefinitionType.FunctionName:
        return 'other';
      default:
        return this.byName(node.name);
    }
  }

  /** A variable's initialiser and the values assigned to it later; once per variable, as a client may have thousands of references. */
  private assignedValues(variable: TSESLint.Scope.Variable, declarator: TSESTree.VariableDeclarator): Node[] {
    let values = this.values.get(variable);
    if (values) return values;
    values = declarator.init ? [declarator.init] : [];
    for (const reference of variable.references) {
      if (!reference.init && reference.writeExpr) values.push(reference.writeExpr);
    }
    this.values.set(variable, values);
    return values;
  }

  /** A parameter: its annotation, its decorators, or the callback it is the first parameter of (`$transaction(async (tx) => …)`). */
  private resolveParameter(name: TSESTree.Identifier, fnNode: Node): Resolution {
    const holder = name.parent?.type === AST_NODE_TYPES.AssignmentPattern ? name.parent : name;
    const property = holder.parent?.type === AST_NODE_TYPES.TSParameterProperty ? holder.parent : null;
    const annotation = name.typeAnnotation?.typeAnnotation;
    if (annotation) {
      const annotated = this.byAnnotation(annotation);
      if (annotated) return annotated;
    }
    const decorated = this.byDecorators([...(property?.decorators ?? []), ...(name.decorators ?? [])]);
    if (decorated) return decorated;
    if (!isFunction(fnNode) || fnNode.params[0] !== holder) return null;
    const call = fnNode.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fnNode as TSESTree.CallExpressionArgument)) return null;
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    const method = memberPropertyName(callee);
    const rules = method ? this.index.callbacks.get(method) : undefined;
    if (!rules) return null;
    const receiver = this.resolve(callee.object);
    for (const { key, from } of rules) {
      if (isResolved(receiver) && receiver.library === key.library && receiver.role === from) return this.resolved(key, receiver.via);
      if (receiver === null && from === '*' && this.importsLibrary(key.library)) return this.resolved(key, 'import');
    }
    for (const { key, from } of rules) {
      if (receiver === null && from === '*') return this.resolved(key, 'name');
    }
    return null;
  }

  private byDecorators(decorators: readonly TSESTree.Decorator[]): Resolution {
    for (const decorator of decorators) {
      const expression = unwrap(decorator.expression);
      const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
      const ref = nameRef(callee, this.scopeOf);
      if (!ref) continue;
      for (const { key, rule } of this.index.decorators.get(ref.origin?.imported ?? ref.local) ??
        this.index.decorators.get(ref.local) ??
        []) {
        if (matchesRule(ref, rule, key.library)) return this.resolved(key, 'injection');
      }
    }
    return null;
  }

  /** A type annotation: a library type (`Repository<User>`), `typeof model`, or a type known to be something else. */
  byAnnotation(type: TSESTree.TypeNode, depth = 0): Resolution {
    if (depth > 4) return null;
    switch (type.type) {
      case AST_NODE_TYPES.TSTypeReference: {
        const dotted = entityName(type.typeName);
        const root = rootIdentifier(type.typeName);
        const variable = root ? findVariable(this.scopeOf(root), root.name) : null;
        const origin = variable ? originOfVariable(variable) : null;
        for (const { key, rule } of this.index.types.get(lastSegment(dotted)) ?? []) {
          if (rule.name.includes('.') && rule.name !== dotted) continue;
          if (rule.imported && !fromLibrary(origin, key.library)) continue;
          return this.resolved(key, 'annotation');
        }
        const alias = variable?.defs[0];
        if (alias?.type === DefinitionType.Type && alias.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration)
          return this.byAnnotation(alias.node.typeAnnotation, depth + 1);
        // A type the user declared or imported from elsewhere: not a library receiver.
        return variable && variable.defs.length > 0 ? 'other' : null;
      }
      case AST_NODE_TYPES.TSTypeQuery:
        return type.exprName.type === AST_NODE_TYPES.Identifier ? this.resolve(type.exprName) : null;
      case AST_NODE_TYPES.TSUnionType: {
        const parts = type.types.filter((t) => t.type !== AST_NODE_TYPES.TSNullKeyword && t.type !== AST_NODE_TYPES.TSUndefinedKeyword);
        const results = parts.map((t) => this.byAnnotation(t, depth + 1));
        const found = results.find(isResolved);
        if (found) return found;
        return results.every((r) => r === 'other') ? 'other' : null;
      }
      case AST_NODE_TYPES.TSAnyKeyword:
      case AST_NODE_TYPES.TSUnknownKeyword:
        return null;
      case AST_NODE_TYPES.TSArrayType:
      case AST_NODE_TYPES.TSTupleType:
      case AST_NODE_TYPES.TSTypeLiteral:
      case AST_NODE_TYPES.TSStringKeyword:
      case AST_NODE_TYPES.TSNumberKeyword:
      case AST_NODE_TYPES.TSBooleanKeyword:
      case AST_NODE_TYPES.TSFunctionType:
        return 'other';
      default:
        return null;
    }
  }

  /** A class: the role its base gives its instances (`'instance'`) or its static side (`'static'`). */
  private resolveClass(node: ClassNode, side: 'instance' | 'static'): Resolution {
    if (!node.superClass) return side === 'static' ? 'other' : null;
    const ref = nameRef(node.superClass, this.scopeOf);
    if (!ref) return null;
    for (const { key, rule } of this.index.bases.get(
      ref.origin?.imported && ref.origin.imported !== '*' ? ref.origin.imported : ref.local,
    ) ?? []) {
      if (!matchesRule(ref, rule, key.library)) continue;
      // A model's static side loads (`User.findAll()`); a repository's instances do (`this.find()`).
      const isModel = key.role === 'model';
      if ((side === 'static') === isModel) return this.resolved(key, 'base');
    }
    return null;
  }

  private enclosingClass(node: Node): ClassNode | null {
    for (let current = node.parent; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.ClassBody) return current.parent;
      if (
        current.type === AST_NODE_TYPES.FunctionDeclaration ||
        (current.type === AST_NODE_TYPES.FunctionExpression &&
          current.parent?.type !== AST_NODE_TYPES.MethodDefinition &&
          current.parent?.type !== AST_NODE_TYPES.Property)
      ) {
        return null;
      }
    }
    return null;
  }

  /** `this`: the class's instances, or its static side inside a static method (`static all() { return this.find(); }`). */
  private resolveThis(node: TSESTree.ThisExpression): Resolution {
    const cls = this.enclosingClass(node);
    if (!cls) return null;
    let member: Node | undefined = node.parent;
    while (member && member.parent !== cls.body) member = member.parent;
    const isStatic =
      (member?.type === AST_NODE_TYPES.MethodDefinition || member?.type === AST_NODE_TYPES.PropertyDefinition) && member.static;
    return this.resolveClass(cls, isStatic ? 'static' : 'instance');
  }

  private classMembers(cls: ClassNode): Map<string, ClassMember> {
    const cached = this.classes.get(cls);
    if (cached) return cached;
    const members = new Map<string, ClassMember>();
    const member = (name: string) => {
      let m = members.get(name);
      if (!m) members.set(name, (m = { annotations: [], decorators: [], values: [] }));
      return m;
    };
    for (const element of cls.body.body) {
      if (element.type === AST_NODE_TYPES.PropertyDefinition) {
        const name = propertyKeyName(element);
        if (name === null) continue;
        const m = member(name);
        if (element.typeAnnotation) m.annotations.push(element.typeAnnotation.typeAnnotation);
        m.decorators.push(...(element.decorators ?? []));
        if (element.value) m.values.push(element.value);
      } else if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
        for (const param of element.value.params) {
          if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
          const inner = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
          if (inner.type !== AST_NODE_TYPES.Identifier) continue;
          const m = member(inner.name);
          if (inner.typeAnnotation) m.annotations.push(inner.typeAnnotation.typeAnnotation);
          m.decorators.push(...(param.decorators ?? []));
        }
      }
    }
    // `this.x = …` anywhere in the class's own methods.
    for (const assignment of thisAssignments(cls.body, this.sourceCode)) {
      const name = memberPropertyName(assignment.left as TSESTree.MemberExpression);
      if (name !== null) member(name).values.push(assignment.right);
    }
    this.classes.set(cls, members);
    return members;
  }

  private resolveMember(node: TSESTree.MemberExpression): Resolution {
    const property = memberPropertyName(node);
    const object = unwrap(node.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      const cls = this.enclosingClass(object);
      if (cls && property !== null) {
        const member = this.classMembers(cls).get(property);
        if (member) {
          let sawOther = false;
          for (const annotation of member.annotations) {
            const r = this.byAnnotation(annotation);
            if (isResolved(r)) return r;
            if (r === 'other') sawOther = true;
          }
          const decorated = this.byDecorators(member.decorators);
          if (decorated) return decorated;
          for (const value of member.values) {
            const r = this.resolve(value);
            if (isResolved(r)) return r;
          }
          if (sawOther) return 'other';
        }
        const self = this.resolveClass(cls, 'instance');
        if (isResolved(self)) return this.byProperty(self, property);
      }
      return this.byName(property);
    }
    const base = this.resolve(object);
    if (isResolved(base)) return property === null ? null : this.byProperty(base, property);
    if (base === null && property !== null) {
      for (const { key, from, names } of this.index.properties) {
        if (from !== '*' || !this.importsLibrary(key.library)) continue;
        if (names === '*' ? isModelLikeName(property) : names.includes(property)) return this.resolved(key, 'import');
      }
    }
    return this.byName(property);
  }

  private byProperty(base: Resolved, property: string): Resolution {
    for (const { key, from, names } of this.index.properties) {
      if (key.library !== base.library || from !== base.role) continue;
      if (names === '*' ? isModelLikeName(property) : names.includes(property)) return this.resolved(key, base.via);
    }
    return null;
  }

  private resolveCall(node: TSESTree.CallExpression): Resolution {
    const callee = unwrapSequence(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberPropertyName(callee);
      const ref = nameRef(callee, this.scopeOf);
      if (ref?.dotted?.includes('.')) {
        for (const { key, rule } of this.index.factories) {
          if (rule.name.includes('.') && matchesRule(ref, rule, key.library)) return this.resolved(key, 'creation');
        }
      }
      // `ns.knex(…)`, `(0, typeorm_1.getRepository)(User)`: a factory reached through its module.
      if (ref?.origin) {
        for (const { key, rule } of this.index.factories) {
          if (!rule.name.includes('.') && matchesRule(ref, rule, key.library)) return this.resolved(key, 'creation');
        }
      }
      const rules = method ? this.index.methods.get(method) : undefined;
      if (!rules) return null;
      const receiver = this.resolve(callee.object);
      if (isResolved(receiver)) {
        const rule = rules.find((r) => r.key.library === receiver.library && r.from === receiver.role);
        return rule ? this.resolved(rule.key, receiver.via) : null;
      }
      if (receiver === null) {
        const rule = rules.find((r) => r.from === '*' && this.importsLibrary(r.key.library));
        if (rule) return this.resolved(rule.key, 'import');
      }
      return null;
    }
    const ref = nameRef(callee, this.scopeOf);
    if (!ref) return null;
    for (const { key, rule } of this.index.factories) {
      if (matchesRule(ref, rule, key.library)) return this.resolved(key, 'creation');
    }
    return null;
  }

  private resolveNew(node: TSESTree.NewExpression): Resolution {
    const ref = nameRef(node.callee, this.scopeOf);
    if (!ref) return null;
    for (const { key, rule } of this.index.constructs) {
      if (matchesRule(ref, rule, key.library)) return this.resolved(key, 'creation');
    }
    // `new Map()`, `new Set()`, a local class: not a receiver of ours.
    return 'other';
  }
}

/**
 * `this.x = …` and `this['x'] = …` in a class body, outside nested classes and function
 * declarations, in the order a depth-first walk that visits later children first meets them
 * (outer before inner, later before earlier). Found from the tokens and confirmed on the tree:
 * walking every node of every class cost more than the rest of the resolution.
 */
function thisAssignments(body: TSESTree.ClassBody, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.AssignmentExpression[] {
  const tokens = sourceCode.ast.tokens;
  const text = sourceCode.text;
  const found: TSESTree.AssignmentExpression[] = [];
  // The text's native substring search finds the candidates; a loop over every token of the class cost far more.
  for (let at = text.indexOf('this', body.range[0]); at !== -1 && at < body.range[1]; at = text.indexOf('this', at + 4)) {
    // Most `this` are `this.x.y`, `this.f()`, `this.x;`: the text says so before a token search.
    if (!mayBeAssignedAfter(text, at + 4)) continue;
    const i = firstTokenAt(tokens, at);
    if (tokens[i]?.range[0] !== at || tokens[i].value !== 'this') continue;
    // `this`, `)`…, then `.name` or `[…]`, `)`…, then `=`.
    let j = i + 1;
    while (tokens[j]?.value === ')') j++;
    if (tokens[j]?.value === '.') j += 2;
    else if (tokens[j]?.value === '[') {
      for (let depth = 0; j < tokens.length; j++) {
        if (tokens[j]!.value === '[') depth++;
        else if (tokens[j]!.value === ']' && --depth === 0) break;
      }
      j++;
    } else continue;
    while (tokens[j]?.value === ')') j++;
    if (tokens[j]?.value !== '=') continue;
    const self = nodeAtIndex(body, sourceCode.visitorKeys, tokens[i].range[0]);
    const left = self?.parent;
    const assignment = left?.parent;
    if (self?.type !== AST_NODE_TYPES.ThisExpression || left?.type !== AST_NODE_TYPES.MemberExpression || left.object !== self) continue;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== left || assignment.operator !== '=') continue;
    if (!insideNestedScope(assignment, body)) found.push(assignment);
  }
  return found.sort((a, b) => b.range[1] - a.range[1] || a.range[0] - b.range[0]);
}

/**
 * Whether the text from `at` (just after a `this`) can read `).name =` or `[`, the shapes the
 * token test accepts. A comment or an escape where a token would be means maybe: the tokens decide.
 */
function mayBeAssignedAfter(text: string, at: number): boolean {
  let i = at;
  if (isNameChar(text.charCodeAt(i))) return false;
  while (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === CLOSE_PAREN) i++;
  const next = text.charCodeAt(i);
  if (next === OPEN_BRACKET || next === SLASH) return true;
  if (next !== DOT) return false;
  i++;
  while (isBlank(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === SLASH) return true;
  const nameStart = i;
  while (isNameChar(text.charCodeAt(i)) || text.charCodeAt(i) === HASH) i++;
  if (i === nameStart) return false;
  while (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === CLOSE_PAREN) i++;
  const after = text.charCodeAt(i);
  if (after === SLASH) return true;
  return after === EQUALS && text.charCodeAt(i + 1) !== EQUALS && text.charCodeAt(i + 1) !== GREATER;
}

const [CLOSE_PAREN, OPEN_BRACKET, SLASH, DOT, HASH, EQUALS, GREATER] = [0x29, 0x5b, 0x2f, 0x2e, 0x23, 0x3d, 0x3e];

function isBlank(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** A character that can continue a name: ASCII letters, digits, `_`, `$`, `\` (an escape) and anything outside ASCII. */
function isNameChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f ||
    code === 0x24 ||
    code === 0x5c ||
    code > 0x7f
  );
}

/** The index of the first token starting at or after `offset`. */
function firstTokenAt(tokens: readonly TSESTree.Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokens[middle]!.range[0] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function insideNestedScope(node: Node, body: TSESTree.ClassBody): boolean {
  for (let current = node.parent; current && current !== body; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.ClassDeclaration ||
      current.type === AST_NODE_TYPES.ClassExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration
    )
      return true;
  }
  return false;
}

/** A property that may name a model (`prisma.user`): not `$connect`, `_engine`, `then`. */
function isModelLikeName(name: string): boolean {
  return /^[A-Za-z]/.test(name) && !['then', 'catch', 'finally', 'constructor', 'prototype', 'length', 'name'].includes(name);
}

function entityName(name: TSESTree.EntityName): string {
  switch (name.type) {
    case AST_NODE_TYPES.Identifier:
      return name.name;
    case AST_NODE_TYPES.TSQualifiedName:
      return `${entityName(name.left)}.${name.right.name}`;
    default:
      return 'this';
  }
}

function rootIdentifier(name: TSESTree.EntityName): TSESTree.Identifier | null {
  let current: TSESTree.EntityName = name;
  while (current.type === AST_NODE_TYPES.TSQualifiedName) current = current.left;
  return current.type === AST_NODE_TYPES.Identifier ? current : null;
}
