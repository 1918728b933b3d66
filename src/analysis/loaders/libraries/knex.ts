import type { LibraryEntry } from '../catalog.js';

export const knex: LibraryEntry = {
  id: 'knex',
  name: 'Knex',
  modules: ['knex', 'nestjs-knex', '@nestjsplus/knex'],
  roles: {
    client: {
      factories: [{ name: 'knex', imported: true }, { name: 'Knex', imported: true }, { name: 'default', imported: true }],
      methods: [{ from: 'client', names: ['transaction', 'transactionProvider'] }],
      callbacks: [{ from: 'client', names: ['transaction'] }],
      types: [{ name: 'Knex' }, { name: 'Knex.Transaction' }, { name: 'Transaction', imported: true }],
      decorators: [{ name: 'InjectKnex', imported: true }, { name: 'InjectConnection', imported: true }],
      names: ['knex', 'trx', 'knexClient'],
    },
  },
  loaders: [
    {
      kind: 'builder',
      id: 'knex',
      role: 'client',
      starts: ['call', 'select', 'from', 'table', 'queryBuilder', 'distinct', 'distinctOn', 'column', 'columns', 'withSchema', 'pluck'],
      // A select with no table (`knex.select(knex.raw('now()'))`) returns one row.
      requires: ['call', 'from', 'table'],
      terminals: [],
      thenable: true,
      boundMethods: ['limit', 'first'],
      notLoads: [
        'insert', 'update', 'del', 'delete', 'truncate', 'increment', 'decrement', 'upsert', 'count', 'countDistinct',
        'min', 'max', 'sum', 'sumDistinct', 'avg', 'avgDistinct', 'stream', 'pipe', 'toSQL', 'toString', 'toQuery',
        'columnInfo', 'modify', 'clone', 'asCallback', 'exists',
      ],
      whereMethods: ['where', 'andWhere', 'whereIn', 'andWhereIn', 'whereRaw', 'andWhereRaw'],
      selectMethods: ['select'],
      fixMethod: 'limit',
      evidence: 'receiver',
      unit: 'row',
    },
  ],
};
