// A client for the catalog service. Both ways of asking give up after a time limit, and both
// answer "nothing changed" when they do: the caller cannot tell a slow catalog from a quiet one.
// Lines marked ✗ are what `npm run sample` reports.
import pTimeout from 'p-timeout';

export interface CatalogEntry {
  id: string;
  version: number;
}

const CATALOG_URL = process.env.CATALOG_URL ?? 'http://catalog.internal';

async function loadEntries(since: number, signal?: AbortSignal): Promise<CatalogEntry[]> {
  const response = await fetch(`${CATALOG_URL}/entries?since=${since}`, { signal });
  if (!response.ok) throw new Error(`catalog answered ${response.status}`);
  return (await response.json()) as CatalogEntry[];
}

/** Entries changed since `since`, waiting at most two seconds. */
export async function changedEntries(since: number): Promise<CatalogEntry[]> {
  try {
    return await loadEntries(since, AbortSignal.timeout(2_000));
  } catch (error) {
    console.warn('[catalog] giving up on changed entries', error);
    return []; // ✗ resilience/no-timeout-sentinel
  }
}

/** The same question through p-timeout: on timeout the fallback answers "no entries". */
export function changedEntriesWithin(since: number, milliseconds: number): Promise<CatalogEntry[]> {
  return pTimeout(loadEntries(since), {
    milliseconds,
    fallback: () => [], // ✗ resilience/no-timeout-sentinel
  });
}
