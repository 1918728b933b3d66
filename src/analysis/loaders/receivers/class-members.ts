import { AST_NODE_TYPES } from '../../js/node-types.js';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { memberPropertyName, nodeAtIndex, propertyKeyName } from '../../js/ast.js';

type Node = TSESTree.Node;
export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export interface ClassMember {
  annotations: TSESTree.TypeNode[];
  decorators: TSESTree.Decorator[];
  values: Node[];
}

/** The class `node` sits in, seen through arrow functions and methods; null past any other function. */
export function enclosingClass(node: Node): ClassNode | null {
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

/** A class's fields: their annotations, decorators and values, from declarations, parameter properties and `this.x = …`. */
export function collectClassMembers(cls: ClassNode, sourceCode: Readonly<TSESLint.SourceCode>): Map<string, ClassMember> {
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
  for (const assignment of thisAssignments(cls.body, sourceCode)) {
    const name = memberPropertyName(assignment.left as TSESTree.MemberExpression);
    if (name !== null) member(name).values.push(assignment.right);
  }
  return members;
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
