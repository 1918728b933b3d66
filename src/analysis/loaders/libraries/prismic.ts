import type { LibraryEntry } from '../catalog.js';

// Prismic's client (`@prismicio/client` 6 and later). `dangerouslyGetAll` requests page after page
// until the repository runs out, and keeps every document; `getAllByType`, `getAllByTag`,
// `getAllByEveryTag` and `getAllBySomeTags` call it with a filter. Each takes `limit` (the most
// documents kept; `pageSize` only sizes each request). `getAllByIDs` and `getAllByUIDs` read the
// caller's documents and are not here.

export const prismic: LibraryEntry = {
  id: 'prismic',
  name: 'Prismic',
  modules: ['@prismicio/client'],
  roles: {
    // `createClient('repo')`, `prismic.createClient(…)`, `new Client(…)`, a `Client` annotation.
    client: {
      factories: [{ name: 'createClient', imported: true }],
      constructs: [{ name: 'Client', imported: true }],
      types: [{ name: 'Client', imported: true }],
    },
  },
  loaders: [
    {
      kind: 'options',
      role: 'client',
      // The name says what it does: no other API has it, and projects wrap `createClient` in their
      // own module (`import { createClient } from '@/prismicio'`), so the receiver need not be shown.
      methods: ['dangerouslyGetAll'],
      optionsArg: 0,
      boundKeys: ['limit'],
      filter: null,
      evidence: 'shape',
      unit: 'document',
    },
    {
      kind: 'options',
      role: 'client',
      // Other code has `getAllByType` too (an in-memory index): a Prismic client, or a file importing it.
      methods: ['getAllByType', 'getAllByTag', 'getAllByEveryTag', 'getAllBySomeTags'],
      optionsArg: 1,
      minArgs: 1,
      boundKeys: ['limit'],
      filter: null,
      evidence: 'import',
      unit: 'document',
    },
  ],
};
