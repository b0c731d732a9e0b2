import type { PlaygroundRequest } from './playground_request';

/**
 * Recent playground runs in localStorage: newest first, at most `MAX_RECENT_RUNS`, each at most
 * `MAX_RUN_BYTES` of JSON (a run of 50 long texts is not kept rather than crowding out the rest).
 * Whatever is stored is re-checked on read: it may come from an older version or another tab.
 */

export const RECENT_RUNS_KEY = 'mlModels.playground.recentRuns';
export const MAX_RECENT_RUNS = 20;
export const MAX_RUN_BYTES = 64 * 1024;

export interface RecentRun {
  id: string;
  /** ISO time of the run. */
  at: string;
  request: PlaygroundRequest;
}

function isRun(x: unknown): x is RecentRun {
  const r = x as RecentRun | undefined;
  return (
    !!r &&
    typeof r.id === 'string' &&
    typeof r.at === 'string' &&
    !!r.request &&
    typeof r.request.functionName === 'string' &&
    typeof r.request.target === 'string' &&
    typeof r.request.label === 'string' &&
    !!r.request.body &&
    Array.isArray(r.request.body.text_docs)
  );
}

export function loadRecentRuns(storage: Storage | undefined = safeStorage()): RecentRun[] {
  if (!storage) return [];
  try {
    const parsed = JSON.parse(storage.getItem(RECENT_RUNS_KEY) || '[]');
    return Array.isArray(parsed) ? parsed.filter(isRun).slice(0, MAX_RECENT_RUNS) : [];
  } catch {
    return [];
  }
}

/**
 * Adds a run in front (an identical earlier request moves up instead of repeating) and saves;
 * when storage is full, older runs are dropped until it fits. Returns the new list.
 */
export function addRecentRun(request: PlaygroundRequest, now: Date = new Date(), storage: Storage | undefined = safeStorage()): RecentRun[] {
  const runs = loadRecentRuns(storage);
  const json = JSON.stringify(request);
  const kept = runs.filter((r) => JSON.stringify(r.request) !== json);
  if (json.length > MAX_RUN_BYTES) return kept;
  let next = [{ id: `${now.getTime()}-${Math.random().toString(36).slice(2, 8)}`, at: now.toISOString(), request }, ...kept].slice(0, MAX_RECENT_RUNS);
  while (storage && next.length) {
    try {
      storage.setItem(RECENT_RUNS_KEY, JSON.stringify(next));
      break;
    } catch {
      next = next.slice(0, -1);
    }
  }
  return next;
}

export function clearRecentRuns(storage: Storage | undefined = safeStorage()) {
  storage?.removeItem(RECENT_RUNS_KEY);
}

/** localStorage can be missing or throw on access (privacy settings). */
function safeStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** At most this many characters of an input are shown in a run's summary. */
export const SUMMARY_CHARS = 80;

const quote = (text: string) => `“${text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS).trimEnd()}…` : text}”`;

/** What a run was given, in a line: `“text”`, `3 inputs, first “text”`, or `query “q”, 2 documents`. */
export function runSummary(request: PlaygroundRequest): string {
  const docs = request.body.text_docs;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  if (request.body.query_text !== undefined) return `query ${quote(request.body.query_text)}, ${count(docs.length, 'document')}`;
  return docs.length === 1 ? quote(docs[0]) : `${count(docs.length, 'input')}, first ${quote(docs[0] ?? '')}`;
}
