// The shapes real sync code writes (issue 22): early returns, sentinels beyond 0 and null, full
// loads known by their body, the chain from a timeout through a helper; and what is not a
// sentinel: a user's optional filter, a list of ids, a load that turns out to be bounded.
import rule from '../../../src/rules/no-sentinel-full-load.js';
import { runRuleTests } from '../../rule-tester.js';

const KNEX = "import knex from 'knex';\nconst db = knex({ client: 'pg' });\n";
const PRISMA = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n";
const FAIL = (subject: string) => `{ throw new RangeError('${subject} is missing: refusing to load every row'); }`;

const earlyReturn = (guard: string) => `async function services(since?: string) {
  if (!since) ${guard}
  return fetchServicesSince(since, 200);
}`;

const registry = (check: string, body: string) => `${KNEX}class Registry {
  revision = 0;
  async fetchServices() {
    ${body}
  }
  async fetchServicesSince(rev: number) {
    return db('services').where('rev', '>', rev).limit(500);
  }
  async refresh() {
    if (${check}) return this.fetchServices();
    return this.fetchServicesSince(this.revision);
  }
}`;

const knexGuard = (guard: string) => `${KNEX}async function instances(lastSync: string) {
  if (lastSync === '') ${guard}
  return db('instances').where('synced_at', '>', lastSync).limit(500);
}`;

const INSTANCES = `class Instances {
  constructor(private store: { loadAllInstances(s: string): Promise<unknown[]>; loadInstancesSince(s: string, v: number): Promise<unknown[]> }) {}
  async get(service: string, knownVersion: number) {
    if (knownVersion === -1) return this.store.loadAllInstances(service);
    return this.store.loadInstancesSince(service, knownVersion);
  }
}`;

const epochBound = (limit: string) => `import { DataSource } from 'typeorm';
const ds = new DataSource({ type: 'postgres' });
async function samples(row?: { max: Date }) {
  const last = row?.max ?? new Date(0);
  return ds.getRepository('Sample').createQueryBuilder('s').where('s.time > :t', { t: last })${limit}.getMany();
}`;

const timeoutChain = (guard: string) => `${PRISMA}async function lastSeen(): Promise<number | undefined> {
  try {
    return await pTimeout(readMarker(), { milliseconds: 500 });
  } catch (error) {
    if (error instanceof TimeoutError) return undefined;
    throw error;
  }
}
export async function poll() {
  const mark = await lastSeen();
  if (!mark) ${guard}
  return [];
}
declare function pTimeout<T>(p: Promise<T>, o: object): Promise<T>;
declare function readMarker(): Promise<number>;
declare class TimeoutError extends Error {}`;

runRuleTests('no-sentinel-full-load (real shapes)', rule, {
  valid: [
    // A user's optional filter means "everything" by design: no-unbounded-load reports the load.
    `import { MongoClient } from 'mongodb';
const coll = new MongoClient('mongodb://x').db('d').collection('c');
async function search(json?: object) {
  return json ? coll.find(json).toArray() : coll.find().toArray();
}`,
    // Tables left undefined to mean "publish all": not a marker of progress.
    `async function publish(tables?: string[]) {
  if (!tables) return loadAll();
  return loadTables(tables);
}`,
    // A list of ids is not rows that grow with the data.
    `async function ids(since?: number) {
  if (!since) return getAllIds();
  return getIdsSince(since);
}`,
    // The full-load function can be followed, and its body takes one page.
    `${KNEX}async function loadAll() {
  return db('services').select('*').limit(100);
}
async function services(since?: number) {
  if (!since) return loadAll();
  return db('services').where('mtime', '>', since).limit(100);
}`,
    // The same with a method of the class, followed through \`this\`.
    registry('this.revision === 0', "return db('services').select('*').limit(1000);"),
    // The early \`if\` does not return: what follows runs either way.
    `async function f(since?: number) {
  if (!since) { log('first sync'); }
  return fetchSince(since);
}`,
    // An early return whose rest does not query with the value, and no timeout behind it.
    `async function f(since?: number) {
  if (!since) return loadAll();
  return [];
}`,
    // A bounded page on the epoch's side.
    epochBound('.take(100)'),
    // The helper's timeout value leads to a bounded load.
    timeoutChain('return prisma.event.findMany({ take: 100 });'),
  ],
  invalid: [
    {
      // The early return of a registry client: the rest of the function is the incremental side.
      code: earlyReturn('return fetchAllServices();'),
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: '!since', subject: 'since', load: 'fetchAllServices()' },
          line: 2,
          suggestions: [{ messageId: 'failWhenMissing', output: earlyReturn(FAIL('since')) }],
        },
      ],
    },
    {
      // A method whose body loads every row, found by following \`this.fetchServices()\`.
      code: registry('this.revision === 0', "return db('services').select('*');"),
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: 'this.revision === 0', subject: 'this.revision', load: 'this.fetchServices()' },
          line: 12,
          suggestions: [
            {
              messageId: 'failWhenMissing',
              output: registry('this.revision === 0', "return db('services').select('*');").replace(
                'if (this.revision === 0) return this.fetchServices();',
                `if (this.revision === 0) ${FAIL('this.revision')}`,
              ),
            },
          ],
        },
      ],
    },
    {
      // `-1` as the "nothing known" version, and a store method known by its name only.
      code: INSTANCES,
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: 'knownVersion === -1', subject: 'knownVersion', load: 'this.store.loadAllInstances(service)' },
          line: 4,
          suggestions: [
            {
              messageId: 'failWhenMissing',
              output: INSTANCES.replace('return this.store.loadAllInstances(service);', FAIL('knownVersion')),
            },
          ],
        },
      ],
    },
    {
      // An empty string as the sentinel, with a knex load: the load's own suggestion comes first.
      code: knexGuard("return db('instances').select('*');"),
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: "lastSync === ''", subject: 'lastSync', load: "db('instances').select('*')" },
          line: 4,
          suggestions: [
            { messageId: 'addMethod', output: knexGuard("return db('instances').select('*').limit(100);") },
            { messageId: 'failWhenMissing', output: knexGuard(FAIL('lastSync')) },
          ],
        },
      ],
    },
    {
      // The other way round: the early return is the incremental side, the rest loads everything.
      code: `${KNEX}async function events(cursor?: number) {
  if (cursor) return db('events').where('id', '>', cursor).limit(100);
  return db('events').select();
}`,
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: 'cursor', subject: 'cursor', load: "db('events').select()" },
          line: 4,
          suggestions: [
            {
              messageId: 'addMethod',
              output: `${KNEX}async function events(cursor?: number) {
  if (cursor) return db('events').where('id', '>', cursor).limit(100);
  return db('events').select().limit(100);
}`,
            },
          ],
        },
      ],
    },
    {
      // A date compared as its time: \`since.getTime() === 0\`.
      code: `${PRISMA}async function events(since: Date) {
  if (since.getTime() === 0) return prisma.event.findMany();
  return prisma.event.findMany({ where: { at: { gt: since } }, take: 100 });
}`,
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: 'since.getTime() === 0', subject: 'since', load: 'prisma.event.findMany()' },
          line: 4,
          suggestions: [
            {
              messageId: 'addOption',
              output: `${PRISMA}async function events(since: Date) {
  if (since.getTime() === 0) return prisma.event.findMany({ take: 100 });
  return prisma.event.findMany({ where: { at: { gt: since } }, take: 100 });
}`,
            },
            {
              messageId: 'failWhenMissing',
              output: `${PRISMA}async function events(since: Date) {
  if (since.getTime() === 0) ${FAIL('since')}
  return prisma.event.findMany({ where: { at: { gt: since } }, take: 100 });
}`,
            },
          ],
        },
      ],
    },
    {
      // An epoch fallback passed as a named parameter of a TypeORM condition.
      code: epochBound(''),
      errors: [
        {
          messageId: 'emptyLowerBound',
          data: {
            subject: 'last',
            reason: 'falls back to the epoch',
            bound: "where('s.time > :t', …)",
            load: "ds.getRepository('Sample').createQueryBuilder('s'…",
          },
          line: 5,
          suggestions: [{ messageId: 'addMethod', output: epochBound('.take(100)') }],
        },
      ],
    },
    {
      // A helper turns the timeout into \`undefined\`; the caller's guard turns that into a full load.
      code: timeoutChain('return prisma.event.findMany();'),
      errors: [
        {
          messageId: 'timeoutSelectsFullLoad',
          data: { call: 'lastSeen()', value: 'undefined', line: '7', file: '', test: '!mark', load: 'prisma.event.findMany()' },
          line: 13,
          suggestions: [
            { messageId: 'addOption', output: timeoutChain('return prisma.event.findMany({ take: 100 });') },
            { messageId: 'failWhenMissing', output: timeoutChain(FAIL('mark')) },
          ],
        },
      ],
    },
  ],
});
