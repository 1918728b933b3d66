import type { LibraryEntry } from '../catalog.js';

// Supabase's PostgREST client: `supabase.from('t').select(…)` is a builder that runs when awaited
// (or `then`-ed); `limit`, `range`, `single`, `maybeSingle` bound it. PostgREST itself returns
// every row unless its `db-max-rows` is set; Supabase projects set it (`max_rows`, 1,000 by default).

/** Factories of a client: supabase-js, `@supabase/ssr`, and the older `@supabase/auth-helpers-*` wrappers. */
const FACTORIES = [
  'createClient',
  'createServerClient',
  'createBrowserClient',
  'createServerComponentClient',
  'createClientComponentClient',
  'createRouteHandlerClient',
  'createServerActionClient',
  'createMiddlewareClient',
  'createPagesServerClient',
  'createPagesBrowserClient',
  'createServerSupabaseClient',
  'createBrowserSupabaseClient',
];

export const supabase: LibraryEntry = {
  id: 'supabase',
  name: 'Supabase',
  modules: ['@supabase/supabase-js', '@supabase/ssr', '@supabase/postgrest-js', /^@supabase\/auth-helpers-/],
  roles: {
    client: {
      factories: FACTORIES.map((name) => ({ name, imported: true })),
      constructs: [
        { name: 'SupabaseClient', imported: true },
        { name: 'PostgrestClient', imported: true },
      ],
      methods: [{ from: 'client', names: ['schema'] }],
      types: [
        { name: 'SupabaseClient', imported: true },
        { name: 'PostgrestClient', imported: true },
      ],
      // The name is the library's: `supabase`, `supabaseAdmin`, `this.supabase`, `adminSupabase`,
      // in any file (the client is usually made in one module and imported everywhere).
      names: ['supabase*', '*Supabase'],
    },
  },
  loaders: [
    {
      kind: 'builder',
      id: 'supabase-select',
      role: 'client',
      starts: ['from'],
      requires: ['select'],
      terminals: [],
      thenable: true,
      boundMethods: ['limit', 'range', 'single', 'maybeSingle'],
      notLoads: ['insert', 'upsert', 'update', 'delete', 'explain'],
      // `select('*', { count: 'exact', head: true })` returns the count and no rows.
      notLoadOptions: [{ method: 'select', arg: 1, key: 'head', value: true }],
      whereMethods: ['eq', 'match', 'in'],
      listMethods: ['in'],
      tableMethods: ['from'],
      selectMethods: ['select'],
      fixMethod: 'limit',
      evidence: 'receiver',
      unit: 'row',
    },
  ],
};
