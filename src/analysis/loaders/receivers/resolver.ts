import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunction, memberPropertyName, unwrap } from '../../js/ast.js';
import { findVariable } from '../../js/imports.js';
import type { LibraryEntry, LibraryId } from '../catalog.js';
import { type CatalogIndex, fromLibrary, matchesNamePattern, matchesRule } from '../catalog-index.js';
import { nameRef, originOfVariable, packageOf, topLevelModules, unwrapSequence } from '../../js/index.js';
import { isResolved, type Resolution, type Resolved } from './resolution.js';
import type { TypeOracle } from './type-oracle.js';
import { resolveCall, resolveNew } from './calls.js';
import { type ClassMember, type ClassNode, collectClassMembers, enclosingClass } from './class-members.js';
import { type ResolverContext, resolved } from './context.js';
import { isModelLikeName, resolveAnnotation } from './type-names.js';
import { DefinitionType } from '../../js/definitions.js';
import { scopeOf } from '../../js/scopes.js';

type Node = TSESTree.Node;

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

  /** What the evidence readers in the sibling modules need of this resolver. */
  private readonly context: ResolverContext;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly index: CatalogIndex,
    private readonly types: TypeOracle | null,
  ) {
    this.context = {
      index,
      scopeOf: this.scopeOf,
      resolve: (node) => this.resolve(node),
      importsLibrary: (library) => this.importsLibrary(library),
    };
  }

  private scopeOf = (node: Node) => scopeOf(this.sourceCode, node);

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

  /**
   * Whether the file imports the library, or its package depends on it: compiled code loses its
   * type-only imports (`import type { Knex } from 'knex'`), and a data layer gets its client injected.
   */
  usesLibrary(library: LibraryEntry): boolean {
    if (this.importsLibrary(library)) return true;
    const dependencies = packageOf(this.sourceCode.ast)?.dependencies;
    return dependencies !== undefined && library.modules.some((m) => typeof m === 'string' && dependencies.has(m));
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
        return resolveCall(this.context, node);
      case AST_NODE_TYPES.NewExpression:
        return resolveNew(this.context, node);
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
      const imported = !key.spec.namesNeedImport || this.importsLibrary(key.library);
      if (!imported && !this.usesLibrary(key.library)) continue;
      const classLike = imported && key.spec.classNames === true && /^[A-Z][A-Za-z0-9_$]*$/.test(name) && /[a-z]/.test(name);
      if (classLike || patterns.some((p) => matchesNamePattern(p, name))) return resolved(key, 'name');
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
          if (key) return resolved(key, 'creation');
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
      if (isResolved(receiver) && receiver.library === key.library && receiver.role === from) return resolved(key, receiver.via);
      if (receiver === null && from === '*' && this.importsLibrary(key.library)) return resolved(key, 'import');
    }
    for (const { key, from } of rules) {
      if (receiver === null && from === '*') return resolved(key, 'name');
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
        if (matchesRule(ref, rule, key.library)) return resolved(key, 'injection');
      }
    }
    return null;
  }

  /** A type annotation: a library type (`Repository<User>`), `typeof model`, or a type known to be something else. */
  byAnnotation(type: TSESTree.TypeNode, depth = 0): Resolution {
    return resolveAnnotation(this.context, type, depth);
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
      if (side === (key.spec.baseSide ?? 'instance')) return resolved(key, 'base');
    }
    return null;
  }

  /** `this`: the class's instances, or its static side inside a static method (`static all() { return this.find(); }`). */
  private resolveThis(node: TSESTree.ThisExpression): Resolution {
    const cls = enclosingClass(node);
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
    const members = collectClassMembers(cls, this.sourceCode);
    this.classes.set(cls, members);
    return members;
  }

  private resolveMember(node: TSESTree.MemberExpression): Resolution {
    const property = memberPropertyName(node);
    const object = unwrap(node.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      const cls = enclosingClass(object);
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
            // `this.cache = new Map()`: a field given something else is not a client.
            if (r === 'other') sawOther = true;
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
        if (names === '*' ? isModelLikeName(property) : names.includes(property)) return resolved(key, 'import');
      }
    }
    return this.byName(property);
  }

  private byProperty(base: Resolved, property: string): Resolution {
    for (const { key, from, names } of this.index.properties) {
      if (key.library !== base.library || from !== base.role) continue;
      if (names === '*' ? isModelLikeName(property) : names.includes(property)) return resolved(key, base.via);
    }
    return null;
  }
}
