import type { LibraryEntry } from '../catalog.js';

export const mongoose: LibraryEntry = {
  id: 'mongoose',
  name: 'Mongoose',
  modules: ['mongoose', '@nestjs/mongoose', '@typegoose/typegoose'],
  // `{ _id: { $in: ids } }`, `{ _id: { $eq: id } }`.
  keyFilters: { operators: ['$eq'], listOperators: ['$in'] },
  roles: {
    mongoose: {
      moduleObject: true,
    },
    connection: {
      factories: [{ name: 'createConnection', imported: true }],
      methods: [{ from: 'mongoose', names: ['createConnection'] }],
      properties: [{ from: 'mongoose', names: ['connection'] }],
      types: [{ name: 'Connection', imported: true }],
      decorators: [{ name: 'InjectConnection', imported: true }],
    },
    model: {
      factories: [
        { name: 'model', imported: true },
        { name: 'getModelForClass', imported: true },
      ],
      methods: [
        { from: 'mongoose', names: ['model'] },
        { from: 'connection', names: ['model'] },
      ],
      types: [
        { name: 'Model', imported: true },
        { name: 'ReturnModelType', imported: true },
      ],
      decorators: [{ name: 'InjectModel', imported: true }],
      names: ['model', '*Model'],
      classNames: true,
      namesNeedImport: true,
    },
  },
  loaders: [
    {
      kind: 'builder',
      id: 'mongoose-query',
      role: 'model',
      starts: ['find', 'aggregate'],
      terminals: ['exec'],
      thenable: true,
      boundMethods: ['limit'],
      notLoads: [
        'cursor',
        'eachAsync',
        'stream',
        'countDocuments',
        'count',
        'estimatedDocumentCount',
        'distinct',
        'explain',
        'deleteMany',
        'deleteOne',
        'updateMany',
        'updateOne',
        'findOne',
        'findOneAndUpdate',
        'findOneAndDelete',
      ],
      startOptions: { arg: 2, keys: ['limit'] },
      startFilterArg: 0,
      pipeline: { method: 'aggregate', arg: 0, boundStages: ['$limit', '$count', '$sample'] },
      fixMethod: 'limit',
      evidence: 'receiver',
      unit: 'document',
    },
  ],
};
