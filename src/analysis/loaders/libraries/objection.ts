import type { BuilderLoader, LibraryEntry } from '../catalog.js';

// Objection.js, an ORM on knex: models are classes extending `Model`, and every read is a query
// builder (`Person.query()`, `Person.relatedQuery('pets')`, `person.$relatedQuery('pets')`)
// that runs when awaited or `then`-ed.

/** What both builders share: how they run, what bounds them, what makes them no multi-row read. */
const QUERY = {
  kind: 'builder',
  terminals: ['execute'],
  thenable: true,
  // `first()` and `findOne()` return one row; Objection only adds `LIMIT 1` to them when the model
  // sets `useLimitInFirst` (docs/rules/no-unbounded-load.md says so).
  boundMethods: ['limit', 'page', 'range', 'first'],
  notLoads: [
    // one row, or the caller's keys
    'findById',
    'findOne',
    'findByIds',
    // writes
    'insert',
    'insertAndFetch',
    'insertGraph',
    'insertGraphAndFetch',
    'upsertGraph',
    'upsertGraphAndFetch',
    'update',
    'updateAndFetch',
    'updateAndFetchById',
    'patch',
    'patchAndFetch',
    'patchAndFetchById',
    'delete',
    'del',
    'deleteById',
    'relate',
    'unrelate',
    'increment',
    'decrement',
    'truncate',
    // aggregates
    'count',
    'countDistinct',
    'min',
    'max',
    'sum',
    'sumDistinct',
    'avg',
    'avgDistinct',
    'resultSize',
    // not run here, or shaped by code the rule cannot see (a named modifier may page)
    'toKnexQuery',
    'clone',
    'modify',
    'none',
  ],
  whereMethods: ['where', 'andWhere', 'whereIn', 'andWhereIn', 'whereRaw', 'andWhereRaw'],
  listMethods: ['whereIn', 'andWhereIn'],
  tableMethods: ['from', 'table', 'into'],
  selectMethods: ['select'],
  groupMethods: ['groupBy', 'groupByRaw'],
  fixMethod: 'limit',
  unit: 'row',
} as const satisfies Partial<BuilderLoader>;

export const objection: LibraryEntry = {
  id: 'objection',
  name: 'Objection',
  modules: ['objection', 'nestjs-objection', '@willsoto/nestjs-objection'],
  roles: {
    // A model class: its static side runs queries (`Person.query()`).
    model: {
      methods: [{ from: 'model', names: ['bindKnex', 'bindTransaction'] }],
      types: [{ name: 'ModelClass', imported: true }],
      decorators: [{ name: 'InjectModel', imported: true }],
      bases: [{ name: 'Model', imported: true }],
      baseSide: 'static',
      // `Person.query()`, `models.Person.query()`, `this.personModel.query()` in a file importing Objection.
      names: ['*Model'],
      classNames: true,
      namesNeedImport: true,
    },
    // A model instance: `this` in a model's own methods, or a value typed as one.
    instance: {
      types: [{ name: 'Model', imported: true }],
      bases: [{ name: 'Model', imported: true }],
    },
  },
  loaders: [
    {
      ...QUERY,
      id: 'objection-query',
      role: 'model',
      starts: ['query', 'relatedQuery'],
      evidence: 'receiver',
    },
    {
      // `$relatedQuery` is Objection's name alone: the call is the evidence, whatever the receiver.
      ...QUERY,
      id: 'objection-related-query',
      role: '*',
      starts: ['$relatedQuery'],
      evidence: 'shape',
    },
  ],
};
