import rule from '../../src/rules/no-sentinel-full-load.js';
import { runRuleTests } from '../rule-tester.js';

const PRISMA = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n";
const KNEX = "import knex from 'knex';\nconst db = knex({ client: 'pg' });\n";

runRuleTests('no-sentinel-full-load', rule, {
  valid: [
    // Both sides bounded.
    `${PRISMA}async function f(rev: number) {
  return rev === 0
    ? prisma.service.findMany({ take: 1000 })
    : prisma.service.findMany({ where: { revision: { gt: rev } }, take: 1000 });
}`,
    // A sentinel test whose side loads nothing.
    `${PRISMA}async function f(rev: number) {
  if (rev === 0) return [];
  return prisma.service.findMany({ where: { revision: { gt: rev } }, take: 100 });
}`,
    // The other side does not use the value: not a marker, and no timeout behind it.
    `${PRISMA}async function f(user: { id: string } | null) {
  return !user ? prisma.service.findMany() : prisma.user.findUnique({ where: { id: 'x' } });
}`,
    // A full load on `||` without a timeout behind the value.
    'async function f(cached: string[] | null) { return cached || loadAll(); }',
    // An explicit initial-sync flag that pages through the data.
    `${PRISMA}async function f(initialSync: boolean, since: number) {
  if (initialSync) {
    let cursor: number | undefined;
    for (;;) {
      const page = await prisma.service.findMany({
        take: 500,
        cursor: cursor ? { id: cursor } : undefined
      });
      if (page.length < 500) break;
      cursor = page.at(-1)!.id;
    }
  } else {
    await prisma.service.findMany({ where: { revision: { gt: since } }, take: 500 });
  }
}`,
    // Without type information, a callee in another file cannot be followed: no chain, no finding.
    `${PRISMA}import { latestRevision } from './revision-store';
async function f(db: never) { const [rev] = await latestRevision(db, 500); if (!rev) { return prisma.service.findMany(); } return []; }`,
    // The other side uses the value itself, not as a query parameter: "given, else load".
    `${PRISMA}async function ids(collection: { variants?: { id: string }[] }) {
  if (collection.variants) {
    return collection.variants.map((v) => v.id);
  } else {
    return prisma.variant.findMany();
  }
}`,
    `${PRISMA}async function names(options: { fileNames?: string[] }) {
  let names: unknown;
  if (options.fileNames !== undefined) {
    names = options.fileNames;
  } else {
    names = await prisma.file.findMany();
  }
  return names;
}`,
    // An overloaded method: the signature without a body is skipped, the implementation analysed.
    `${PRISMA}class Doc {
  private value(name: string): number;
  private value(name: string): number | null { return name ? 1 : null; }
  read(name: string) { const v = this.value(name); return v || prisma.doc.findMany(); }
}`,
    // A lower bound from a value with no sign of being empty, or on a bounded load.
    `${PRISMA}async function f(since: number) { return prisma.service.findMany({ where: { mtime: { gte: new Date(since * 1000) } } }); }`,
    `${PRISMA}async function f(since?: number) {
  return prisma.service.findMany({
    where: { mtime: { gte: new Date((since ?? 0) * 1000) } },
    take: 500
  });
}`,
    `import { MoreThan, Repository } from 'typeorm';
async function f(repo: Repository<S>, since = 0) {
  return repo.find({ where: { mtime: MoreThan(since) }, take: 100 });
}`,
    // The other side names the value, but passes it to no call (the text test lets it through to the walk).
    `${PRISMA}async function f(rev: number) { return rev === 0 ? prisma.service.findMany() : [rev].map(String); }`,
    // Array methods are not loaders.
    'function f(rev: number, items: number[]) { return rev === 0 ? items.filter((x) => x > 0) : items.filter((x) => x > rev); }',
    // The sentinel side's only load is in a callback, which runs later: not this branch's load.
    `${PRISMA}async function f(rev: number) {
  if (rev === 0) {
    setTimeout(() => prisma.service.findMany(), 10);
    return [];
  }
  return prisma.service.findMany({ where: { revision: { gt: rev } }, take: 100 });
}`,
    // A function that returns 0 as a count, not on a timeout: no chain, and no other side.
    `${PRISMA}async function count() { return 0; }\nasync function f() { const n = await count(); return n || prisma.service.findMany(); }`,
  ],
  invalid: [
    {
      // The branch and the lower bound inside its load name the same load: one report, the branch's.
      code: `${PRISMA}async function f(rev?: number) {
  return !rev
    ? prisma.service.findMany({ where: { revision: { gt: rev } } })
    : prisma.service.findMany({ where: { revision: { gt: rev } }, take: 1000 });
}`,
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: '!rev', subject: 'rev', load: 'prisma.service.findMany({ where: { revision: { gt…' },
          suggestions: [
            {
              messageId: 'addOption',
              output: `${PRISMA}async function f(rev?: number) {
  return !rev
    ? prisma.service.findMany({ where: { revision: { gt: rev } }, take: 100 })
    : prisma.service.findMany({ where: { revision: { gt: rev } }, take: 1000 });
}`,
            },
          ],
        },
      ],
    },
    {
      // The incident's caller, in one file.
      code: `${PRISMA}async function sync(rev: number) {
  const services = rev === 0
    ? await prisma.service.findMany()
    : await prisma.service.findMany({ where: { revision: { gt: rev } }, take: 1000 });
  return services;
}`,
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: 'rev === 0', subject: 'rev', load: 'prisma.service.findMany()' },
          line: 4,
          suggestions: [
            {
              messageId: 'addOption',
              output: `${PRISMA}async function sync(rev: number) {
  const services = rev === 0
    ? await prisma.service.findMany({ take: 100 })
    : await prisma.service.findMany({ where: { revision: { gt: rev } }, take: 1000 });
  return services;
}`,
            },
          ],
        },
      ],
    },
    {
      // A timed-out lookup in the same file: the finding names the whole chain.
      code: `${PRISMA}async function latestRevision(
  db: { query(s: string): Promise<{ r: number }[]> },
  maxWaitMs: number
): Promise<[number, Error | null]> {
  const start = Date.now();
  const rows = await db.query('SELECT max(revision) AS r FROM services');
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) {
    return [0, null];
  }
  return [rows[0].r, null];
}
async function sync(db: never) {
  const [rev] = await latestRevision(db, 500);
  if (!rev) {
    return prisma.service.findMany();
  }
  return [];
}`,
      errors: [
        {
          messageId: 'timeoutSelectsFullLoad',
          data: { call: 'latestRevision()', value: '[0, null]', line: '10', file: '', test: '!rev', load: 'prisma.service.findMany()' },
          line: 16,
          suggestions: [
            {
              messageId: 'addOption',
              output: `${PRISMA}async function latestRevision(
  db: { query(s: string): Promise<{ r: number }[]> },
  maxWaitMs: number
): Promise<[number, Error | null]> {
  const start = Date.now();
  const rows = await db.query('SELECT max(revision) AS r FROM services');
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) {
    return [0, null];
  }
  return [rows[0].r, null];
}
async function sync(db: never) {
  const [rev] = await latestRevision(db, 500);
  if (!rev) {
    return prisma.service.findMany({ take: 100 });
  }
  return [];
}`,
            },
            {
              messageId: 'guardCount',
              output: `${PRISMA}async function latestRevision(
  db: { query(s: string): Promise<{ r: number }[]> },
  maxWaitMs: number
): Promise<[number, Error | null]> {
  const start = Date.now();
  const rows = await db.query('SELECT max(revision) AS r FROM services');
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) {
    return [0, null];
  }
  return [rows[0].r, null];
}
async function sync(db: never) {
  const [rev] = await latestRevision(db, 500);
  if (!rev) {
    if ((await prisma.service.count()) > 100) {
      throw new RangeError('Refusing to load more than 100 rows at once');
    }
    return prisma.service.findMany();
  }
  return [];
}`,
            },
            {
              messageId: 'failWhenMissing',
              data: { error: 'RangeError', subject: 'rev' },
              output: `${PRISMA}async function latestRevision(
  db: { query(s: string): Promise<{ r: number }[]> },
  maxWaitMs: number
): Promise<[number, Error | null]> {
  const start = Date.now();
  const rows = await db.query('SELECT max(revision) AS r FROM services');
  if (maxWaitMs !== 0 && Date.now() - start > maxWaitMs) {
    return [0, null];
  }
  return [rows[0].r, null];
}
async function sync(db: never) {
  const [rev] = await latestRevision(db, 500);
  if (!rev) { throw new RangeError('rev is missing: refusing to load every row'); }
  return [];
}`,
            },
          ],
        },
      ],
    },
    {
      // `||` after a method of the same class that returns 0 on timeout; a full-load function.
      code: `class Store {
  async lastSync(signal: AbortSignal) { if (signal.aborted) return 0; return this.read(); }
  async refresh(signal: AbortSignal) { const since = await this.lastSync(signal); return since || this.loadAll(); }
}`,
      errors: [
        {
          messageId: 'timeoutSelectsFullLoad',
          data: { call: 'lastSync()', value: '0', line: '2', file: '', test: 'since', load: 'this.loadAll()' },
          suggestions: [],
        },
      ],
    },
    {
      // Knex, with an early `if` and the marker in the incremental side; `<= 0` as the test.
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
async function changes(since: number) {
  if (since <= 0) {
    return db('services').select('*');
  } else {
    return db('services').where('mtime', '>=', since).limit(500);
  }
}`,
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: 'since <= 0', subject: 'since', load: "db('services').select('*')" },
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knex from 'knex';
const db = knex({ client: 'pg' });
async function changes(since: number) {
  if (since <= 0) {
    return db('services').select('*').limit(100);
  } else {
    return db('services').where('mtime', '>=', since).limit(500);
  }
}`,
            },
            {
              messageId: 'failWhenMissing',
              output: `import knex from 'knex';
const db = knex({ client: 'pg' });
async function changes(since: number) {
  if (since <= 0) { throw new RangeError('since is missing: refusing to load every row'); } else {
    return db('services').where('mtime', '>=', since).limit(500);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A function whose promise resolves 0 when a timer wins the race; raw SQL without LIMIT.
      code: `function countServices(db, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(0), ms);
    db.query('SELECT count(*) AS n FROM services').then(({ rows }) => { clearTimeout(timer); resolve(Number(rows[0].n)); }, reject);
  });
}
export async function warmCache(db, cache) {
  const total = await countServices(db, 1000);
  if (total === 0) {
    const { rows } = await db.query('SELECT * FROM services');
    for (const row of rows) cache.set(row.id, row);
  }
}`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'timeoutSelectsFullLoad',
          data: {
            call: 'countServices()',
            value: '0',
            line: '3',
            file: '',
            test: 'total === 0',
            load: "db.query('SELECT * FROM services')",
          },
          line: 9,
          suggestions: [
            {
              messageId: 'appendLimit',
              output: `function countServices(db, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(0), ms);
    db.query('SELECT count(*) AS n FROM services').then(({ rows }) => { clearTimeout(timer); resolve(Number(rows[0].n)); }, reject);
  });
}
export async function warmCache(db, cache) {
  const total = await countServices(db, 1000);
  if (total === 0) {
    const { rows } = await db.query('SELECT * FROM services LIMIT 100');
    for (const row of rows) cache.set(row.id, row);
  }
}`,
            },
            {
              messageId: 'failWhenMissing',
              output: `function countServices(db, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(0), ms);
    db.query('SELECT count(*) AS n FROM services').then(({ rows }) => { clearTimeout(timer); resolve(Number(rows[0].n)); }, reject);
  });
}
export async function warmCache(db, cache) {
  const total = await countServices(db, 1000);
  if (total === 0) { throw new RangeError('total is missing: refusing to load every row'); }
}`,
            },
          ],
        },
      ],
    },
    {
      // The incident's query: `mtime >= FROM_UNIXTIME(0)` when the marker is missing, and no bound.
      code: `${PRISMA}async function changedSince(since?: number) {
  return prisma.service.findMany({ where: { mtime: { gte: new Date((since ?? 0) * 1000) } } });
}`,
      errors: [
        {
          messageId: 'emptyLowerBound',
          data: {
            subject: 'since',
            reason: 'is optional',
            bound: 'gte: new Date((since ?? 0) * 1000)',
            load: 'prisma.service.findMany({ where: { mtime: { gte: …',
          },
          line: 4,
          suggestions: [
            {
              messageId: 'addOption',
              output: `${PRISMA}async function changedSince(since?: number) {
  return prisma.service.findMany({ where: { mtime: { gte: new Date((since ?? 0) * 1000) } }, take: 100 });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import { MoreThan, Repository } from 'typeorm';
async function f(repo: Repository<S>, since = 0) {
  return repo.find({ where: { mtime: MoreThan(since) } });
}`,
      errors: [
        {
          messageId: 'emptyLowerBound',
          data: {
            subject: 'since',
            reason: 'defaults to `0`',
            bound: 'MoreThan(since)',
            load: 'repo.find({ where: { mtime: MoreThan(since) } })',
          },
          suggestions: [
            {
              messageId: 'addOption',
              output: `import { MoreThan, Repository } from 'typeorm';
async function f(repo: Repository<S>, since = 0) {
  return repo.find({ where: { mtime: MoreThan(since) }, take: 100 });
}`,
            },
            {
              messageId: 'guardCount',
              output: `import { MoreThan, Repository } from 'typeorm';
async function f(repo: Repository<S>, since = 0) {
  if ((await repo.count({ where: { mtime: MoreThan(since) } })) > 100) {
    throw new RangeError('Refusing to load more than 100 entities at once');
  }
  return repo.find({ where: { mtime: MoreThan(since) } });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
async function f(lastFetchTime = 0) {
  return db('services').where('mtime', '>=', lastFetchTime);
}`,
      errors: [
        {
          messageId: 'emptyLowerBound',
          data: {
            subject: 'lastFetchTime',
            reason: 'defaults to `0`',
            bound: "where('mtime', '>=', lastFetchTime)",
            load: "db('services').where('mtime', '>=', lastFetchTime)",
          },
          suggestions: [
            {
              messageId: 'addMethod',
              output: `import knex from 'knex';
const db = knex({ client: 'pg' });
async function f(lastFetchTime = 0) {
  return db('services').where('mtime', '>=', lastFetchTime).limit(100);
}`,
            },
          ],
        },
      ],
    },
    {
      // An `if` on the marker: besides the bound, the suggestion to fail loudly.
      code: `async function f(cursor: string | undefined) {
  if (!cursor) {
    await fullSync();
  } else {
    await syncFrom(cursor);
  }
}`,
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: '!cursor', subject: 'cursor', load: 'fullSync()' },
          suggestions: [
            {
              messageId: 'failWhenMissing',
              data: { error: 'RangeError', subject: 'cursor' },
              output: `async function f(cursor: string | undefined) {
  if (!cursor) { throw new RangeError('cursor is missing: refusing to load every row'); } else {
    await syncFrom(cursor);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A user-named full-load function.
      code: 'async function f(cursor: string | undefined) { return cursor == null ? rebuildIndex() : syncFrom(cursor); }',
      options: [{ fullLoadFunctions: ['rebuild*'] }],
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: 'cursor == null', subject: 'cursor', load: 'rebuildIndex()' },
          suggestions: [],
        },
      ],
    },
    {
      // A builder returned from an async function, with no method call: the cheap pre-check before
      // the origin and query searches must count an async `return` as a possible load.
      code: `${KNEX}async function f(since: number) {
  if (since === 0) {
    return db('services');
  } else {
    return db('services').where('mtime', '>', since).limit(10);
  }
}`,
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: 'since === 0', subject: 'since', load: "db('services')" },
          suggestions: [
            {
              messageId: 'addMethod',
              output: `${KNEX}async function f(since: number) {
  if (since === 0) {
    return db('services').limit(100);
  } else {
    return db('services').where('mtime', '>', since).limit(10);
  }
}`,
            },
            {
              messageId: 'failWhenMissing',
              output: `${KNEX}async function f(since: number) {
  if (since === 0) { throw new RangeError('since is missing: refusing to load every row'); } else {
    return db('services').where('mtime', '>', since).limit(10);
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A member path as the marker, passed to the other side's query.
      code: `${PRISMA}async function f(state: { rev: number }) {
  return state.rev === 0
    ? prisma.service.findMany()
    : prisma.service.findMany({ where: { revision: { gt: state.rev } }, take: 10 });
}`,
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: 'state.rev === 0', subject: 'state.rev', load: 'prisma.service.findMany()' },
          suggestions: [
            {
              messageId: 'addOption',
              output: `${PRISMA}async function f(state: { rev: number }) {
  return state.rev === 0
    ? prisma.service.findMany({ take: 100 })
    : prisma.service.findMany({ where: { revision: { gt: state.rev } }, take: 10 });
}`,
            },
          ],
        },
      ],
    },
    {
      // The query that takes the marker sits in a callback of the other side.
      code: `${PRISMA}async function f(rev: number, tx: Tx) {
  return rev === 0 ? prisma.service.findMany() : tx.run((t) => t.find({ where: { gt: rev } }));
}`,
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: 'rev === 0', subject: 'rev', load: 'prisma.service.findMany()' },
          suggestions: [
            {
              messageId: 'addOption',
              output: `${PRISMA}async function f(rev: number, tx: Tx) {
  return rev === 0 ? prisma.service.findMany({ take: 100 }) : tx.run((t) => t.find({ where: { gt: rev } }));
}`,
            },
          ],
        },
      ],
    },
    {
      // An escaped identifier is the same variable, though its text differs: the text test must not rule it out.
      code: `${PRISMA}async function f(rev: number) {
  return rev === 0 ? prisma.service.findMany() : load(\\u0072ev);
}`,
      errors: [
        {
          messageId: 'sentinelSelectsFullLoad',
          data: { test: 'rev === 0', subject: 'rev', load: 'prisma.service.findMany()' },
          suggestions: [
            {
              messageId: 'addOption',
              output: `${PRISMA}async function f(rev: number) {
  return rev === 0 ? prisma.service.findMany({ take: 100 }) : load(\\u0072ev);
}`,
            },
          ],
        },
      ],
    },
  ],
});
