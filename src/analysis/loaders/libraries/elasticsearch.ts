import type { LibraryEntry, OptionsLoader, PageLoader } from '../catalog.js';

// Elasticsearch and OpenSearch (`@elastic/elasticsearch`, `@opensearch-project/opensearch`, the
// legacy `elasticsearch`, NestJS's `ElasticsearchService`): the clients share one API. A search
// returns 10 hits unless it asks for more, so a search without `size` is bounded; one asking for
// `index.max_result_window` (10,000 by default) or more is every match in practice. Reading more
// takes a scroll or `search_after` loop, which is only unbounded when it keeps every page.

/** `client.search({ size: 10000 })`, and in older clients `client.search({ body: { size: 10000 } })`. */
const SEARCH = {
  kind: 'options',
  methods: ['search'],
  optionsArg: 0,
  boundKeys: ['size'],
  filter: null,
  // `scroll` and `pit` make it the first page of a scroll or point-in-time read; `search_after` a later one.
  ceiling: { max: 10_000, pageKeys: ['scroll', 'search_after', 'pit'] },
  nestedOptions: ['body'],
  evidence: 'import',
  unit: 'document',
} as const satisfies Omit<OptionsLoader, 'role'>;

export const elasticsearch: LibraryEntry = {
  id: 'elasticsearch',
  name: 'Elasticsearch / OpenSearch',
  modules: [
    '@elastic/elasticsearch',
    /^@elastic\/elasticsearch\//,
    '@opensearch-project/opensearch',
    /^@opensearch-project\/opensearch\//,
    'elasticsearch',
    '@nestjs/elasticsearch',
  ],
  roles: {
    client: {
      // `new Client({ node })`, `new elasticsearch.Client({ host })`.
      constructs: [{ name: 'Client', imported: true }],
      methods: [{ from: 'client', names: ['child'] }],
      types: [
        { name: 'Client', imported: true },
        { name: 'ElasticsearchService', imported: true },
      ],
      // Not `elastic*`: `elasticache` is a Redis client.
      names: [
        'es',
        'esClient',
        '*EsClient',
        'elastic',
        'elasticClient',
        '*ElasticClient',
        'elasticsearch*',
        'elasticSearch*',
        '*Elasticsearch*',
        '*ElasticSearch*',
        'opensearch*',
        'openSearch*',
        '*Opensearch*',
        '*OpenSearch*',
      ],
    },
    // `client.helpers`: `search` (the hits alone), `scrollSearch` and `scrollDocuments` (async iterables).
    helpers: {
      properties: [{ from: 'client', names: ['helpers'] }],
      // With types, `client.helpers` is the package's `Helpers` class.
      types: [{ name: 'Helpers', imported: true }],
    },
  },
  loaders: [
    { ...SEARCH, role: 'client' },
    { ...SEARCH, role: 'helpers' },
    {
      kind: 'pages',
      role: 'client',
      methods: ['scroll'],
      cursor: { methods: ['search'], optionsArg: 0, keys: ['search_after'], nestedOptions: ['body'] },
      // `if (hits.total.value > MAX) throw …`: the response counts every match.
      totals: ['total'],
      evidence: 'import',
    } satisfies PageLoader,
    {
      kind: 'pages',
      role: 'helpers',
      methods: [],
      iterators: ['scrollSearch', 'scrollDocuments'],
      totals: ['total'],
      evidence: 'import',
    } satisfies PageLoader,
  ],
};
