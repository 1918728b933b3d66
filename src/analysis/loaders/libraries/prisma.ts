import type { LibraryEntry } from '../catalog.js';

export const prisma: LibraryEntry = {
  id: 'prisma',
  name: 'Prisma',
  modules: [
    '@prisma/client',
    /^@prisma\/client\//,
    '.prisma/client',
    /(?:^|\/)generated\/prisma(?:\/|$)/,
    /(?:^|[/~@])prisma(?:\/client)?$/,
  ],
  // `{ id: { in: ids } }`, `{ id: { equals: id } }`.
  keyFilters: { operators: ['equals'], listOperators: ['in'] },
  roles: {
    client: {
      constructs: [{ name: 'PrismaClient' }],
      methods: [{ from: 'client', names: ['$extends'] }],
      callbacks: [
        { from: 'client', names: ['$transaction'] },
        { from: '*', names: ['$transaction'] },
      ],
      types: [{ name: 'PrismaClient' }, { name: 'TransactionClient' }, { name: 'PrismaService' }],
      bases: [{ name: 'PrismaClient' }],
      names: ['prisma*', '*Prisma'],
    },
    delegate: {
      properties: [
        { from: 'client', names: '*' },
        { from: '*', names: '*' },
      ],
      // Generated `Prisma.<Model>Delegate`s, whatever the client's output path.
      members: ['findMany', 'findFirst', 'findUnique', 'aggregate', 'groupBy'],
    },
  },
  loaders: [
    {
      kind: 'options',
      role: 'delegate',
      methods: ['findMany'],
      optionsArg: 0,
      boundKeys: ['take'],
      filter: { arg: 0, key: 'where' },
      countMethod: 'count',
      evidence: 'import',
      unit: 'row',
    },
  ],
};
