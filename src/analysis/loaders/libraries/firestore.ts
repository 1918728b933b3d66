import type { BuilderLoader, LibraryEntry } from '../catalog.js';

// Cloud Firestore. The namespaced API (firebase-admin, @google-cloud/firestore, the web compat
// SDK, React Native Firebase) builds a query on a collection and runs it with `.get()`; the modular
// web SDK composes functions: `getDocs(query(collection(db, 'users'), where(…)))`. A query reads
// every matching document unless `limit`/`limitToLast` bounds it.

/** Query methods that return another query of the same documents (a filter, an order, a cursor, a projection). */
const REFINE = ['where', 'orderBy', 'offset', 'select', 'startAt', 'startAfter', 'endAt', 'endBefore', 'withConverter'];

/** What the namespaced builders share: `.get()` runs them, `limit` bounds them. */
const QUERY = {
  kind: 'builder',
  terminals: ['get'],
  thenable: false,
  boundMethods: ['limit', 'limitToLast'],
  notLoads: [
    // one document, its reference (`collection('users').doc(id).get()`)
    'doc',
    // counts and aggregates (`count().get()`), a vector search bounded by the `limit` it requires
    'count',
    'aggregate',
    'findNearest',
    // streamed or listened to, planned, or written
    'stream',
    'onSnapshot',
    'explain',
    'explainStream',
    'add',
  ],
  whereMethods: ['where'],
  tableMethods: ['collection', 'collectionGroup'],
  fixMethod: 'limit',
  unit: 'document',
} as const satisfies Partial<BuilderLoader>;

export const firestore: LibraryEntry = {
  id: 'firestore',
  name: 'Firestore',
  modules: [
    'firebase-admin',
    'firebase-admin/app',
    'firebase-admin/firestore',
    '@google-cloud/firestore',
    'firebase',
    'firebase/app',
    'firebase/firestore',
    'firebase/firestore/lite',
    'firebase/compat/app',
    'firebase/compat/firestore',
    '@firebase/firestore',
    '@react-native-firebase/firestore',
  ],
  roles: {
    // The database: `admin.firestore()`, `getFirestore()`, `new Firestore()`, `firebase.firestore()`.
    firestore: {
      constructs: [{ name: 'Firestore', imported: true }],
      factories: [
        { name: 'firestore', imported: true },
        { name: 'getFirestore', imported: true },
        { name: 'initializeFirestore', imported: true },
        // `firestore()` of `@react-native-firebase/firestore`
        { name: 'default', imported: true },
      ],
      // `app.firestore()` in a file importing Firestore.
      methods: [{ from: '*', names: ['firestore'] }],
      types: [{ name: 'Firestore', imported: true }, { name: 'FirebaseFirestore.Firestore' }],
    },
    document: {
      methods: [
        { from: 'firestore', names: ['doc'] },
        { from: 'collection', names: ['doc'] },
      ],
      types: [{ name: 'DocumentReference', imported: true }, { name: 'FirebaseFirestore.DocumentReference' }],
    },
    collection: {
      methods: [
        { from: 'firestore', names: ['collection'] },
        { from: 'document', names: ['collection'] },
        { from: '*', names: ['collection'] },
      ],
      types: [{ name: 'CollectionReference', imported: true }, { name: 'FirebaseFirestore.CollectionReference' }],
    },
    // A query handed in (`q: Query`): the caller's, with whatever bound the caller gave it.
    query: {
      methods: [
        { from: 'firestore', names: ['collectionGroup'] },
        { from: 'collection', names: REFINE },
        { from: 'query', names: REFINE },
      ],
      types: [{ name: 'Query', imported: true }],
    },
  },
  loaders: [
    {
      // `db.collection('users').where(…).get()`, `doc.collection('orders').get()`: a collection
      // read by `.get()` is Firestore's shape whatever the receiver, unless it is known to be another's.
      ...QUERY,
      id: 'firestore-collection',
      role: '*',
      starts: ['collection', 'collectionGroup'],
      lastStart: true,
      evidence: 'shape',
    },
    {
      // `usersRef.where(…).get()`, `usersRef.get()`: a collection reference made elsewhere.
      ...QUERY,
      id: 'firestore-reference',
      role: 'collection',
      starts: [...REFINE, 'receiver'],
      evidence: 'import',
    },
    {
      kind: 'function',
      // `getDocsFromCache` reads the local cache, not the server.
      runs: ['getDocs', 'getDocsFromServer'],
      sources: ['collection', 'collectionGroup'],
      refines: ['query'],
      bounds: ['limit', 'limitToLast'],
      filters: ['where'],
      unit: 'document',
    },
  ],
};
