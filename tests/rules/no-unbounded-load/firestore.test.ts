// Firestore: namespaced queries (firebase-admin, @google-cloud/firestore, the compat web SDK) run by
// `.get()` without `.limit()`/`.limitToLast()`, and the modular web SDK's `getDocs(query(…))`
// without a `limit()`/`limitToLast()` constraint.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

const BOUND = '`.limit()` or `.limitToLast()`';
const CONSTRAINT = '`limit()` or `limitToLast()`';

/** A namespaced query run by `.get()`, and its one suggestion's output. */
function chain(construct: string, line: number, column: number, output: string) {
  return {
    messageId: 'unboundedChain' as const,
    data: { construct, unit: 'document', bound: BOUND, fix: 'limit' },
    line,
    column,
    suggestions: [{ messageId: 'addMethod' as const, output }],
  };
}

/** A modular `getDocs(…)`; its suggestion's output when the rule can write the constraint. */
function getDocs(construct: string, line: number, column: number, output: string | null) {
  return {
    messageId: 'unboundedCall' as const,
    data: { construct, unit: 'document', bound: CONSTRAINT },
    line,
    column,
    suggestions: output === null ? [] : [{ messageId: 'addOption' as const, output }],
  };
}

const ADMIN = `import { getFirestore } from 'firebase-admin/firestore';
const db = getFirestore();
`;

const MODULAR = `import { collection, getDocs, query, where, limit } from 'firebase/firestore';
import { db } from './firebase';
`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// bounds, single documents, counts, streams, the caller's keys
${ADMIN}export const a = () => db.collection('users').where('active', '==', true).limit(50).get();
export const b = () => db.collection('events').orderBy('at', 'desc').limitToLast(20).get();
export const c = (uid: string) => db.collection('users').doc(uid).get();
export const d = (uid: string) => db.collection('users').doc(uid).collection('orders').doc('last').get();
export const e = () => db.collection('users').count().get();
export const f = () => db.collection('users').where('active', '==', true).count().get();
export const g = () => db.collection('users').stream();
export const h = (email: string) => db.collection('users').where('email', '==', email).get();
export const i = (ids: string[]) => db.collection('users').where('id', 'in', ids).get();
export const j = () => db.getAll(db.doc('users/a'), db.doc('users/b'));
export const k = () => db.collection('docs').findNearest({ vectorField: 'v', queryVector: [1, 2], limit: 5, distanceMeasure: 'COSINE' }).get();
export const l = (uid: string) => db.doc(\`users/\${uid}\`).get();`,
    `// a collection reference made at the top of the module: bounded, by key, one document, a count
${ADMIN}const usersRef = db.collection('users');
export const a = () => usersRef.limit(10).get();
export const b = (email: string) => usersRef.where('email', '==', email).get();
export const c = (id: string) => usersRef.doc(id).get();
export const d = () => usersRef.count().get();
export const e = () => usersRef.orderBy('at').limitToLast(5).get();`,
    `// a small table, by its collection's name
${ADMIN}export const roles = () => db.collection('roles').get();
export const settings = () => db.collection('settings').where('enabled', '==', true).get();`,
    `// a query handed in by the caller, who may have bounded it
import type { Query } from 'firebase-admin/firestore';
export const run = (q: Query) => q.where('active', '==', true).orderBy('name').get();
export const all = (q: Query) => q.get();`,
    `// a reference that is no Firestore collection: another library's \`collection().get()\`
import { Database } from 'arangojs';
const db = new Database();
export const meta = () => db.collection('users').get();`,
    `// \`where(…).get()\` of another library, in a file that does not import Firestore
import { useRepo } from 'pinia-orm';
import { User } from './models';
export const adults = () => useRepo(User).where('age', 20).get();`,
    `// a variable bounded before it is run
${ADMIN}export async function page(n: number) {
  let q = db.collection('users').where('active', '==', true);
  q = q.limit(n);
  return (await q.get()).docs;
}`,
    `// modular: bounds, single documents, counts, the caller's keys
import { collection, collectionGroup, doc, documentId, getCountFromServer, getDoc, getDocs, getDocsFromCache, limit, limitToLast, orderBy, query, where } from 'firebase/firestore';
import { db } from './firebase';
export const a = () => getDocs(query(collection(db, 'users'), where('active', '==', true), limit(50)));
export const b = () => getDocs(query(collectionGroup(db, 'events'), orderBy('at'), limitToLast(20)));
export const c = (id: string) => getDoc(doc(db, 'users', id));
export const d = () => getCountFromServer(collection(db, 'users'));
export const e = (ids: string[]) => getDocs(query(collection(db, 'users'), where(documentId(), 'in', ids)));
export const f = (email: string) => getDocs(query(collection(db, 'users'), where('email', '==', email)));
export const g = () => getDocsFromCache(collection(db, 'users'));
export const h = () => getDocs(collection(db, 'settings'));
const firstPage = query(collection(db, 'posts'), orderBy('at'), limit(10));
export const i = () => getDocs(query(firstPage, where('published', '==', true)));`,
    `// modular: queries the rule cannot see
import { collection, getDocs, query, type QueryConstraint } from 'firebase/firestore';
import { db } from './firebase';
import { paging } from './paging';
export const a = (q: any) => getDocs(q);
export const b = (constraints: QueryConstraint[]) => getDocs(query(collection(db, 'users'), ...constraints));
export const c = (cursor: unknown) => getDocs(query(collection(db, 'users'), paging(cursor)));`,
    `// \`getDocs\` imported under another name is not looked at (the name is the first filter)
import { collection, getDocs as fetchAll } from 'firebase/firestore';
import { db } from './firebase';
export const a = () => fetchAll(collection(db, 'users'));`,
    `// a \`getDocs\` of the project's own
import { collection } from 'firebase/firestore';
import { db } from './firebase';
async function getDocs(ref: unknown) { return [ref]; }
export const a = () => getDocs(collection(db, 'users'));`,
    {
      code: `// CommonJS: bounded
const admin = require('firebase-admin');
const db = admin.firestore();
exports.recent = () => db.collection('events').orderBy('at', 'desc').limit(10).get();
exports.one = (id) => db.collection('users').doc(id).get().then((s) => s.data());`,
      filename: 'file.cjs',
    },
  ],
  invalid: [
    {
      // A bound on some paths only (issue 21): the caller that passes no \`n\` reads every user.
      name: 'a variable bounded on one path only',
      code: `${ADMIN}export async function page(n?: number) {
  let q = db.collection('users').where('active', '==', true);
  if (n) q = q.limit(n);
  return (await q.get()).docs;
}`,
      errors: [
        {
          messageId: 'boundOnSomePaths',
          data: { construct: 'db.collection().where().get()', unit: 'document', test: 'n', when: 'false', bound: 'limit' },
          line: 6,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a whole collection, firebase-admin namespace',
      code: `import * as admin from 'firebase-admin';
export async function users() {
  const snapshot = await admin.firestore().collection('users').get();
  return snapshot.docs.map((d) => d.data());
}`,
      errors: [
        chain(
          'admin.firestore().collection().get()',
          3,
          64,
          `import * as admin from 'firebase-admin';
export async function users() {
  const snapshot = await admin.firestore().collection('users').limit(100).get();
  return snapshot.docs.map((d) => d.data());
}`,
        ),
      ],
    },
    {
      name: 'filtered and ordered, then',
      code: `${ADMIN}export const active = () =>
  db.collection('users').where('active', '==', true).orderBy('name').get().then((s) => s.docs);`,
      errors: [
        chain(
          'db.collection().where().orderBy().get()',
          4,
          70,
          `${ADMIN}export const active = () =>
  db.collection('users').where('active', '==', true).orderBy('name').limit(100).get().then((s) => s.docs);`,
        ),
      ],
    },
    {
      name: "a document's subcollection, and a collection group",
      code: `${ADMIN}export const orders = (uid: string) => db.collection('users').doc(uid).collection('orders').get();
export const comments = () => db.collectionGroup('comments').where('flagged', '==', true).get();`,
      errors: [
        chain(
          "db.collection('users').doc(uid).collection().get()",
          3,
          93,
          `${ADMIN}export const orders = (uid: string) => db.collection('users').doc(uid).collection('orders').limit(100).get();
export const comments = () => db.collectionGroup('comments').where('flagged', '==', true).get();`,
        ),
        chain(
          'db.collectionGroup().where().get()',
          4,
          91,
          `${ADMIN}export const orders = (uid: string) => db.collection('users').doc(uid).collection('orders').get();
export const comments = () => db.collectionGroup('comments').where('flagged', '==', true).limit(100).get();`,
        ),
      ],
    },
    {
      name: 'a collection reference made at the top of the module',
      code: `${ADMIN}const usersRef = db.collection('users');
export const all = () => usersRef.get();
export const active = () => usersRef.where('active', '==', true).get();`,
      errors: [
        chain(
          'usersRef.get()',
          4,
          35,
          `${ADMIN}const usersRef = db.collection('users');
export const all = () => usersRef.limit(100).get();
export const active = () => usersRef.where('active', '==', true).get();`,
        ),
        chain(
          'usersRef.where().get()',
          5,
          66,
          `${ADMIN}const usersRef = db.collection('users');
export const all = () => usersRef.get();
export const active = () => usersRef.where('active', '==', true).limit(100).get();`,
        ),
      ],
    },
    {
      name: 'a database imported from a module of the application: the shape is the evidence',
      code: `import { db } from '../lib/firebase';
export async function GET() {
  const snap = await db.collection('users').get();
  return snap.docs.map((d) => ({ id: d.id, ...d.data() }));
}`,
      errors: [
        chain(
          'db.collection().get()',
          3,
          45,
          `import { db } from '../lib/firebase';
export async function GET() {
  const snap = await db.collection('users').limit(100).get();
  return snap.docs.map((d) => ({ id: d.id, ...d.data() }));
}`,
        ),
      ],
    },
    {
      name: 'annotated references, and a query on a reference of unknown origin in a file importing Firestore',
      code: `import type { CollectionReference } from 'firebase-admin/firestore';
import { FieldValue } from 'firebase-admin/firestore';
export const all = (users: CollectionReference) => users.get();
export async function purge(C: Record<string, any>, uid: string) {
  const accounts = await C.accounts.where('userId', '==', uid).get();
  accounts.forEach((a: any) => a.ref.update({ at: FieldValue.serverTimestamp() }));
}`,
      errors: [
        chain(
          'users.get()',
          3,
          58,
          `import type { CollectionReference } from 'firebase-admin/firestore';
import { FieldValue } from 'firebase-admin/firestore';
export const all = (users: CollectionReference) => users.limit(100).get();
export async function purge(C: Record<string, any>, uid: string) {
  const accounts = await C.accounts.where('userId', '==', uid).get();
  accounts.forEach((a: any) => a.ref.update({ at: FieldValue.serverTimestamp() }));
}`,
        ),
        chain(
          'C.accounts.where().get()',
          5,
          64,
          `import type { CollectionReference } from 'firebase-admin/firestore';
import { FieldValue } from 'firebase-admin/firestore';
export const all = (users: CollectionReference) => users.get();
export async function purge(C: Record<string, any>, uid: string) {
  const accounts = await C.accounts.where('userId', '==', uid).limit(100).get();
  accounts.forEach((a: any) => a.ref.update({ at: FieldValue.serverTimestamp() }));
}`,
        ),
      ],
    },
    {
      name: 'the compat web SDK',
      code: `import firebase from 'firebase/compat/app';
import 'firebase/compat/firestore';
const db = firebase.firestore();
export const cities = () => db.collection('cities').where('capital', '==', true).get();`,
      errors: [
        chain(
          'db.collection().where().get()',
          4,
          82,
          `import firebase from 'firebase/compat/app';
import 'firebase/compat/firestore';
const db = firebase.firestore();
export const cities = () => db.collection('cities').where('capital', '==', true).limit(100).get();`,
        ),
      ],
    },
    {
      name: 'CommonJS',
      code: `const admin = require('firebase-admin');
const db = admin.firestore();
exports.all = async () => (await db.collection('users').get()).docs;`,
      filename: 'file.cjs',
      errors: [
        chain(
          'db.collection().get()',
          3,
          57,
          `const admin = require('firebase-admin');
const db = admin.firestore();
exports.all = async () => (await db.collection('users').limit(100).get()).docs;`,
        ),
      ],
    },
    {
      name: 'modular: a whole collection, the imports added',
      code: `import { collection, getDocs } from 'firebase/firestore';
import { db } from './firebase';
export const users = async () => (await getDocs(collection(db, 'users'))).docs;`,
      errors: [
        getDocs(
          'getDocs(collection(…))',
          3,
          41,
          `import { collection, getDocs, query, limit } from 'firebase/firestore';
import { db } from './firebase';
export const users = async () => (await getDocs(query(collection(db, 'users'), limit(100)))).docs;`,
        ),
      ],
    },
    {
      name: 'modular: a filtered query, and a query kept in a variable',
      code: `${MODULAR}export const byAuthor = (uid: string) => getDocs(query(collection(db, 'posts'), where('author', '==', uid)));
export async function published() {
  const q = query(collection(db, 'posts'), where('published', '==', true));
  const snap = await getDocs(q);
  return snap.docs;
}`,
      errors: [
        getDocs(
          'getDocs(query(…))',
          3,
          42,
          `${MODULAR}export const byAuthor = (uid: string) => getDocs(query(collection(db, 'posts'), where('author', '==', uid), limit(100)));
export async function published() {
  const q = query(collection(db, 'posts'), where('published', '==', true));
  const snap = await getDocs(q);
  return snap.docs;
}`,
        ),
        getDocs(
          'getDocs(q)',
          6,
          22,
          `${MODULAR}export const byAuthor = (uid: string) => getDocs(query(collection(db, 'posts'), where('author', '==', uid)));
export async function published() {
  const q = query(collection(db, 'posts'), where('published', '==', true), limit(100));
  const snap = await getDocs(q);
  return snap.docs;
}`,
        ),
      ],
    },
    {
      name: 'modular: a subcollection, a namespace import, and a filter added on a condition (no suggestion there)',
      code: `import * as fs from 'firebase/firestore';
import { db } from './firebase';
export const orders = (uid: string) => fs.getDocs(fs.collection(db, 'users', uid, 'orders'));
export async function list(status?: string) {
  let q = fs.query(fs.collection(db, 'orders'));
  if (status) q = fs.query(q, fs.where('status', '==', status));
  return fs.getDocs(q);
}`,
      errors: [
        getDocs(
          'getDocs(collection(…))',
          3,
          43,
          `import * as fs from 'firebase/firestore';
import { db } from './firebase';
export const orders = (uid: string) => fs.getDocs(fs.query(fs.collection(db, 'users', uid, 'orders'), fs.limit(100)));
export async function list(status?: string) {
  let q = fs.query(fs.collection(db, 'orders'));
  if (status) q = fs.query(q, fs.where('status', '==', status));
  return fs.getDocs(q);
}`,
        ),
        getDocs('getDocs(q)', 7, 13, null),
      ],
    },
    {
      name: "modular: a `limit` of the code's own in scope, so no suggestion; getDocsFromServer",
      code: `import { collection, getDocsFromServer, query, where } from 'firebase/firestore';
import { db } from './firebase';
export const active = (limit: number) => getDocsFromServer(query(collection(db, 'users'), where('active', '==', true)));`,
      errors: [getDocs('getDocsFromServer(query(…))', 3, 42, null)],
    },
    {
      name: 'modular, CommonJS',
      code: `const { collection, getDocs } = require('firebase/firestore');
exports.all = (db) => getDocs(collection(db, 'users'));`,
      filename: 'file.cjs',
      errors: [
        getDocs(
          'getDocs(collection(…))',
          2,
          23,
          `const { collection, getDocs } = require('firebase/firestore');
const { query, limit } = require('firebase/firestore');
exports.all = (db) => getDocs(query(collection(db, 'users'), limit(100)));`,
        ),
      ],
    },
  ],
});
