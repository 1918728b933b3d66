// A one-off backfill script. Lines marked ✗ are what ESLint reports.

interface ChangedIds {
  ids: string[];
}

/** The ids changed upstream, waiting at most `limitMs`; a timeout reads as "nothing changed". */
export async function changedIds(url: string, limitMs: number): Promise<string[]> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(limitMs) });
    const body = (await response.json()) as ChangedIds;
    return body.ids;
  } catch {
    return []; // ✗ resilience/no-timeout-sentinel
  }
}
