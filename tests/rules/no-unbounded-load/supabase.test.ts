// Supabase: `from(t).select(…)` executed (awaited, `then`, an async `return`) without
// `.limit()`/`.range()`/`.single()`/`.maybeSingle()`.
// One file per catalog entry (tests/analysis/loaders-catalog.test.ts checks that each has one).
import rule from '../../../src/rules/no-unbounded-load.js';
import { runRuleTests } from '../../rule-tester.js';

const BOUND = '`.limit()`, `.range()`, `.single()` or `.maybeSingle()`';

/** The report of an unbounded select, and its one suggestion's output. */
function unbounded(construct: string, line: number, column: number, output: string) {
  return {
    messageId: 'unboundedChain' as const,
    data: { construct, unit: 'row', bound: BOUND, fix: 'limit' },
    line,
    column,
    suggestions: [{ messageId: 'addMethod' as const, output }],
  };
}

const CLIENT = `import { createClient } from '@supabase/supabase-js';
const supabase = createClient(process.env.URL!, process.env.KEY!);
`;

runRuleTests('no-unbounded-load', rule, {
  valid: [
    `// every bound, a single row, the caller's keys, a count, writes, a small table, an aggregate
${CLIENT}export async function reads(id: string, ids: string[], email: string, page: number) {
  await supabase.from('posts').select('*').limit(20);
  await supabase.from('posts').select('*').order('created_at').range(page * 20, page * 20 + 19);
  await supabase.from('posts').select('*').eq('author_id', id).single();
  await supabase.from('profiles').select('*').eq('user_id', id).maybeSingle();
  await supabase.from('posts').select('*').eq('id', id);
  await supabase.from('posts').select('*').in('id', ids);
  await supabase.from('posts').select('*').match({ id });
  await supabase.from('users').select('id').eq('email', email);
  await supabase.from('posts').select('*', { count: 'exact', head: true });
  await supabase.from('posts').select('*', { count: 'exact', head: true }).eq('author_id', id);
  await supabase.from('posts').insert({ title: 'x' }).select();
  await supabase.from('posts').update({ title: 'x' }).eq('author_id', id).select();
  await supabase.from('posts').delete().eq('author_id', id);
  await supabase.from('posts').upsert([{ id, title: 'x' }]);
  await supabase.from('roles').select('*');
  await supabase.from('orders').select('amount.sum()');
  await supabase.rpc('posts_of', { author: id });
}`,
    `// a builder returned from a non-async function, for the caller to bound
${CLIENT}export function posts() { return supabase.from('posts').select('*'); }`,
    `// head: true is a count, head: false is not a bound: the options cannot be seen
${CLIENT}export const count = async (options: { head: boolean }) => supabase.from('posts').select('*', options);`,
    `// a client nothing shows to be Supabase's, in a file importing it
import type { Session } from '@supabase/supabase-js';
export const a = async (db: any, session: Session) => db.from('posts').select('*').eq('author_id', session.user.id);`,
    `// Knex's from().select(), in a file that does not import Supabase
import knex from 'knex';
const db = knex({ client: 'pg' });
export const a = async () => db.from('users').select('*').limit(10);`,
    {
      code: `// CommonJS: bounded
const { createClient } = require('@supabase/supabase-js');
const db = createClient(process.env.URL, process.env.KEY);
exports.page = async (from) => db.from('posts').select('*').range(from, from + 49);`,
      filename: 'file.cjs',
    },
  ],
  invalid: [
    {
      name: 'select() with no bound, from a client created in the file',
      code: `${CLIENT}export async function all() {
  const { data } = await supabase.from('posts').select('*');
  return data;
}`,
      errors: [
        unbounded(
          'supabase.from().select()',
          4,
          35,
          `${CLIENT}export async function all() {
  const { data } = await supabase.from('posts').select('*').limit(100);
  return data;
}`,
        ),
      ],
    },
    {
      name: 'a filter on a column that is no key, ordered; and a constant list',
      code: `${CLIENT}export async function byAuthor(authorId: string) {
  const posts = await supabase.from('posts').select('id, title').eq('author_id', authorId).order('created_at');
  const open = await supabase.from('tickets').select().in('status', ['new', 'open']);
  return [posts, open];
}`,
      errors: [
        unbounded(
          'supabase.from().select().eq().order()',
          4,
          32,
          `${CLIENT}export async function byAuthor(authorId: string) {
  const posts = await supabase.from('posts').select('id, title').eq('author_id', authorId).order('created_at').limit(100);
  const open = await supabase.from('tickets').select().in('status', ['new', 'open']);
  return [posts, open];
}`,
        ),
        unbounded(
          'supabase.from().select().in()',
          5,
          31,
          `${CLIENT}export async function byAuthor(authorId: string) {
  const posts = await supabase.from('posts').select('id, title').eq('author_id', authorId).order('created_at');
  const open = await supabase.from('tickets').select().in('status', ['new', 'open']).limit(100);
  return [posts, open];
}`,
        ),
      ],
    },
    {
      // The Next.js pattern: a helper of the application's own makes the client; the name says whose it is.
      name: 'a client from a helper of the application, by its name; then() and schema()',
      code: `import { createClient } from '@/utils/supabase/server';
export default async function Page() {
  const supabase = await createClient();
  const { data: notes } = await supabase.from('notes').select();
  return supabase.schema('audit').from('events').select('*').then(({ data }) => [notes, data]);
}`,
      errors: [
        unbounded(
          'supabase.from().select()',
          4,
          42,
          `import { createClient } from '@/utils/supabase/server';
export default async function Page() {
  const supabase = await createClient();
  const { data: notes } = await supabase.from('notes').select().limit(100);
  return supabase.schema('audit').from('events').select('*').then(({ data }) => [notes, data]);
}`,
        ),
        unbounded(
          "supabase.schema('audit').from().select()",
          5,
          35,
          `import { createClient } from '@/utils/supabase/server';
export default async function Page() {
  const supabase = await createClient();
  const { data: notes } = await supabase.from('notes').select();
  return supabase.schema('audit').from('events').select('*').limit(100).then(({ data }) => [notes, data]);
}`,
        ),
      ],
    },
    {
      name: "@supabase/ssr's createServerClient, under another name",
      code: `import { createServerClient } from '@supabase/ssr';
export async function load(cookies: any) {
  const db = createServerClient(process.env.URL!, process.env.KEY!, { cookies });
  return await db.from('messages').select('*').eq('room_id', cookies.room);
}`,
      errors: [
        unbounded(
          'db.from().select().eq()',
          4,
          19,
          `import { createServerClient } from '@supabase/ssr';
export async function load(cookies: any) {
  const db = createServerClient(process.env.URL!, process.env.KEY!, { cookies });
  return await db.from('messages').select('*').eq('room_id', cookies.room).limit(100);
}`,
        ),
      ],
    },
    {
      name: 'a SupabaseClient annotation, and a NestJS field named supabase',
      code: `import type { SupabaseClient } from '@supabase/supabase-js';
export const all = async (client: SupabaseClient) => client.from('events').select('*');
export class EventsService {
  constructor(private readonly supabase: any) {}
  async list() { return this.supabase.from('events').select('*').order('at'); }
}`,
      errors: [
        unbounded(
          'client.from().select()',
          2,
          61,
          `import type { SupabaseClient } from '@supabase/supabase-js';
export const all = async (client: SupabaseClient) => client.from('events').select('*').limit(100);
export class EventsService {
  constructor(private readonly supabase: any) {}
  async list() { return this.supabase.from('events').select('*').order('at'); }
}`,
        ),
        unbounded(
          'this.supabase.from().select().order()',
          5,
          39,
          `import type { SupabaseClient } from '@supabase/supabase-js';
export const all = async (client: SupabaseClient) => client.from('events').select('*');
export class EventsService {
  constructor(private readonly supabase: any) {}
  async list() { return this.supabase.from('events').select('*').order('at').limit(100); }
}`,
        ),
      ],
    },
    {
      name: 'head: false reads the rows',
      code: `${CLIENT}export const all = async () => supabase.from('posts').select('*', { count: 'exact', head: false });`,
      errors: [
        unbounded(
          'supabase.from().select()',
          3,
          41,
          `${CLIENT}export const all = async () => supabase.from('posts').select('*', { count: 'exact', head: false }).limit(100);`,
        ),
      ],
    },
    {
      name: 'CommonJS',
      code: `const { createClient } = require('@supabase/supabase-js');
const db = createClient(process.env.URL, process.env.KEY);
exports.all = async () => (await db.from('posts').select('*')).data;`,
      filename: 'file.cjs',
      errors: [
        unbounded(
          'db.from().select()',
          3,
          37,
          `const { createClient } = require('@supabase/supabase-js');
const db = createClient(process.env.URL, process.env.KEY);
exports.all = async () => (await db.from('posts').select('*').limit(100)).data;`,
        ),
      ],
    },
  ],
});
