import type { LibraryEntry, OptionsLoader } from '../catalog.js';

const REPOSITORY_GETTERS = ['getRepository', 'getTreeRepository', 'getMongoRepository', 'getCustomRepository', 'withRepository'];

/** `find`/`findAndCount` (bounded by `take`) and `findBy`/`findAndCountBy` (no options: rewritten to `find`). */
function findLoaders(role: 'repository' | 'model'): OptionsLoader[] {
  return [
    {
      kind: 'options',
      role,
      methods: ['find', 'findAndCount'],
      optionsArg: 0,
      boundKeys: ['take'],
      filter: { arg: 0, key: 'where' },
      countMethod: 'count',
      evidence: 'receiver',
      unit: 'entity',
    },
    {
      kind: 'options',
      role,
      methods: ['findBy', 'findAndCountBy'],
      optionsArg: -1,
      boundKeys: [],
      filter: { arg: 0 },
      countMethod: 'countBy',
      fixKey: 'take',
      rewrite: { to: 'find', whereArg: 0 },
      minArgs: 1,
      evidence: 'receiver',
      unit: 'entity',
    },
  ];
}

export const typeorm: LibraryEntry = {
  id: 'typeorm',
  name: 'TypeORM',
  modules: ['typeorm', /^typeorm\//, '@nestjs/typeorm'],
  entityGetters: ['getRepository', 'getTreeRepository', 'getMongoRepository', 'getCustomRepository'],
  // `{ id: In(ids) }`, `{ id: Equal(id) }`.
  keyFilters: { equal: ['Equal'], list: ['In', 'Any'] },
  roles: {
    dataSource: {
      constructs: [
        { name: 'DataSource', imported: true },
        { name: 'Connection', imported: true },
      ],
      factories: [
        { name: 'getConnection', imported: true },
        { name: 'createConnection', imported: true },
      ],
      types: [
        { name: 'DataSource', imported: true },
        { name: 'Connection', imported: true },
      ],
      decorators: [
        { name: 'InjectDataSource', imported: true },
        { name: 'InjectConnection', imported: true },
      ],
      names: ['dataSource', 'appDataSource', 'AppDataSource'],
      namesNeedImport: true,
    },
    queryRunner: {
      methods: [{ from: 'dataSource', names: ['createQueryRunner'] }],
      types: [{ name: 'QueryRunner', imported: true }],
    },
    manager: {
      factories: [{ name: 'getManager', imported: true }],
      properties: [
        { from: 'dataSource', names: ['manager'] },
        { from: 'queryRunner', names: ['manager'] },
        { from: 'repository', names: ['manager'] },
      ],
      methods: [{ from: 'dataSource', names: ['createEntityManager'] }],
      callbacks: [
        { from: 'dataSource', names: ['transaction'] },
        { from: 'manager', names: ['transaction'] },
      ],
      types: [
        { name: 'EntityManager', imported: true },
        { name: 'MongoEntityManager', imported: true },
      ],
      decorators: [{ name: 'InjectEntityManager', imported: true }],
      names: ['manager', 'entityManager', 'transactionalEntityManager'],
      namesNeedImport: true,
    },
    repository: {
      factories: REPOSITORY_GETTERS.map((name) => ({ name, imported: true })),
      methods: [
        { from: 'dataSource', names: REPOSITORY_GETTERS },
        { from: 'manager', names: REPOSITORY_GETTERS },
        { from: 'queryRunner', names: REPOSITORY_GETTERS },
        // `this.connection.getRepository(ctx, Order)`: wrappers named like TypeORM's own getter.
        { from: '*', names: ['getRepository', 'getTreeRepository', 'getCustomRepository'] },
      ],
      types: [
        { name: 'Repository', imported: true },
        { name: 'TreeRepository', imported: true },
        { name: 'MongoRepository', imported: true },
      ],
      decorators: [{ name: 'InjectRepository', imported: true }],
      bases: [
        { name: 'Repository', imported: true },
        { name: 'TreeRepository', imported: true },
      ],
      names: ['*Repo', '*Repository'],
      namesNeedImport: true,
    },
    // Active record: `class User extends BaseEntity`, whose static side loads (`User.find()`).
    model: {
      bases: [{ name: 'BaseEntity', imported: true }],
      baseSide: 'static',
    },
  },
  loaders: [
    ...findLoaders('repository'),
    // Active-record entities (`class User extends BaseEntity`) take the same options as repositories.
    ...findLoaders('model'),
    {
      kind: 'options',
      role: 'manager',
      methods: ['find', 'findAndCount'],
      optionsArg: 1,
      boundKeys: ['take'],
      filter: { arg: 1, key: 'where' },
      countMethod: 'count',
      minArgs: 1,
      evidence: 'receiver',
      unit: 'entity',
    },
    {
      kind: 'options',
      role: 'manager',
      methods: ['findBy', 'findAndCountBy'],
      optionsArg: -1,
      boundKeys: [],
      filter: { arg: 1 },
      countMethod: 'countBy',
      fixKey: 'take',
      rewrite: { to: 'find', whereArg: 1 },
      minArgs: 2,
      evidence: 'receiver',
      unit: 'entity',
    },
    {
      kind: 'builder',
      id: 'typeorm-query-builder',
      role: '*',
      starts: ['createQueryBuilder'],
      startEntity: { method: 'createQueryBuilder', args: 2, arg: 0 },
      terminals: ['getMany', 'getRawMany', 'getManyAndCount', 'getRawAndEntities'],
      thenable: false,
      boundMethods: ['take', 'limit'],
      keyMethods: ['whereInIds', 'andWhereInIds'],
      notLoads: [
        'insert',
        'update',
        'delete',
        'softDelete',
        'restore',
        'relation',
        'getOne',
        'getOneOrFail',
        'getRawOne',
        'getCount',
        'getExists',
        'stream',
        'getQuery',
        'getSql',
        'getQueryAndParameters',
      ],
      whereMethods: ['where', 'andWhere'],
      tableMethods: ['from'],
      selectMethods: ['select', 'addSelect'],
      groupMethods: ['groupBy', 'addGroupBy'],
      fixMethod: 'take',
      evidence: 'shape',
      unit: 'entity',
    },
  ],
};
