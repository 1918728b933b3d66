import type { LibraryEntry } from '../catalog.js';

export const mongodb: LibraryEntry = {
  id: 'mongodb',
  name: 'MongoDB driver',
  modules: ['mongodb'],
  // `{ _id: { $in: ids } }`, `{ _id: { $eq: id } }`.
  keyFilters: { operators: ['$eq'], listOperators: ['$in'] },
  roles: {
    client: {
      constructs: [{ name: 'MongoClient' }],
      factories: [{ name: 'MongoClient.connect' }],
      types: [{ name: 'MongoClient' }],
    },
    db: {
      methods: [{ from: 'client', names: ['db'] }],
      types: [{ name: 'Db', imported: true }],
    },
    collection: {
      methods: [
        { from: 'db', names: ['collection'] },
        { from: '*', names: ['collection'] },
      ],
      types: [{ name: 'Collection', imported: true }],
      names: ['*collection', '*Collection'],
    },
  },
  loaders: [
    {
      kind: 'builder',
      id: 'mongodb-cursor',
      role: 'collection',
      starts: ['find', 'aggregate'],
      terminals: ['toArray'],
      thenable: false,
      boundMethods: ['limit'],
      notLoads: ['count', 'explain', 'next', 'hasNext', 'tryNext', 'stream'],
      startOptions: { arg: 1, keys: ['limit'] },
      startFilterArg: 0,
      pipeline: { method: 'aggregate', arg: 0, boundStages: ['$limit', '$count', '$sample'] },
      fixMethod: 'limit',
      evidence: 'shape',
      unit: 'document',
    },
  ],
};
