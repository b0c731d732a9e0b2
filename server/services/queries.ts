import { DEFAULT_PAGE_SIZE } from '../../common/constants';
import type { ModelGroupSearchParams, ModelSearchParams, TaskSearchParams } from '../../common/types';

/**
 * Search bodies are built here from typed parameters; the browser never sends query DSL.
 */

/** Escapes the characters that are special in a `wildcard` pattern. */
export function escapeWildcard(text: string): string {
  return text.replace(/[\\*?]/g, (c) => `\\${c}`);
}

/** A letter outside ASCII with an upper and a lower case ("Ü"). */
const nonAsciiCased = (c: string) => c > '\u007f' && c.toLowerCase() !== c.toUpperCase();
const hasNonAsciiCase = (word: string) => Array.from(word).some(nonAsciiCased);

const escapeRegexp = (text: string) => text.replace(/[.?+*|{}[\]()"\\#@&<>~^$-]/g, (x) => `\\${x}`);

/**
 * `c` in each case that folds back to it. "ß" upper-cases to "SS" and "ı" to "I", which lower-case
 * to "ss" and "i": those are other words, so "ß" and "ı" match only themselves.
 */
function caseVariants(c: string): string[] {
  const lower = c.toLowerCase();
  return Array.from(new Set([lower, c.toUpperCase(), c])).filter((v) => v.toLowerCase() === lower);
}

/**
 * `word` as a Lucene regexp matching it in any case. On 2.x `case_insensitive` folds only ASCII (as
 * in `wildcard`: "GRÜPPE" missed "grüppe"), so other cased letters become classes ("[üÜ]"), or
 * alternatives when one case is two characters ("İ" lower-cases to "i" + a combining dot). 3.x's
 * Lucene 10 folds beyond ASCII itself; the classes then change nothing.
 */
function caseFoldedRegexp(word: string): string {
  return Array.from(word)
    .map((c) => {
      if (!nonAsciiCased(c)) return escapeRegexp(c);
      const variants = caseVariants(c);
      if (variants.length === 1) return escapeRegexp(c);
      return variants.every((v) => Array.from(v).length === 1) ? `[${variants.join('')}]` : `(${variants.map(escapeRegexp).join('|')})`;
    })
    .join('');
}

/**
 * The name contains every word of the text, in any order and case ("tiny bert" finds
 * "tiny-bert-a"), or the id is exactly the text.
 */
function nameOrIdClause(search: string) {
  const text = search.trim();
  const words = text.split(/\s+/).filter(Boolean);
  const contains = (word: string) =>
    hasNonAsciiCase(word)
      ? { regexp: { 'name.keyword': { value: `.*${caseFoldedRegexp(word)}.*`, case_insensitive: true, flags: 'NONE' } } }
      : { wildcard: { 'name.keyword': { value: `*${escapeWildcard(word)}*`, case_insensitive: true } } };
  return {
    bool: {
      should: [words.length === 1 ? contains(words[0]) : { bool: { must: words.map(contains) } }, { term: { _id: text } }],
      minimum_should_match: 1,
    },
  };
}

/** `name` is a text field; sorting needs its keyword sub-field. */
const SORT_FIELD_MAP: Record<string, { field: string; unmapped: string }> = {
  name: { field: 'name.keyword', unmapped: 'keyword' },
  model_state: { field: 'model_state', unmapped: 'keyword' },
  algorithm: { field: 'algorithm', unmapped: 'keyword' },
  model_format: { field: 'model_format', unmapped: 'keyword' },
  latest_version: { field: 'latest_version', unmapped: 'long' },
};

function sortClause(field: string, direction: 'asc' | 'desc') {
  if (field === 'model_version') {
    // A keyword ("10" sorts before "9"), and ML Commons' search refuses scripts. Versions are
    // numbered in the order they were registered within a group, so registration time orders
    // them exactly there (and keeps a cross-group list in registration order).
    return [{ created_time: { order: direction, unmapped_type: 'long' } }, { model_version: { order: direction, unmapped_type: 'keyword' } }];
  }
  const mapped = SORT_FIELD_MAP[field] || { field, unmapped: 'long' };
  return [{ [mapped.field]: { order: direction, unmapped_type: mapped.unmapped } }];
}

function paging(p: { from?: number; size?: number }) {
  return { from: p.from ?? 0, size: p.size ?? DEFAULT_PAGE_SIZE, track_total_hits: true };
}

/**
 * ML Commons' model search returns chunk documents too (`{model_id}_{n}`, which even carry the
 * name); every model query excludes them (`must_not`), as ML Commons' own model count does.
 */
const CHUNK_DOCUMENT = { exists: { field: 'chunk_number' } };

export function buildModelSearch(p: ModelSearchParams) {
  const filter: unknown[] = [];
  if (p.states?.length) filter.push({ terms: { model_state: p.states } });
  if (p.functions?.length) filter.push({ terms: { algorithm: p.functions } });
  if (p.formats?.length) filter.push({ terms: { model_format: p.formats } });
  if (p.model_group_id) filter.push({ term: { model_group_id: p.model_group_id } });
  const must = p.search?.trim() ? [nameOrIdClause(p.search)] : [];
  return {
    query: { bool: { must, filter, must_not: [CHUNK_DOCUMENT] } },
    sort: sortClause(p.sort_field || 'created_time', p.sort_direction || 'desc'),
    ...paging(p),
  };
}

export function buildModelGroupSearch(p: ModelGroupSearchParams) {
  const must = p.search?.trim() ? [nameOrIdClause(p.search)] : [];
  const filter = p.ids?.length ? [{ ids: { values: p.ids } }] : [];
  return {
    query: { bool: { must, filter } },
    sort: sortClause(p.sort_field || 'last_updated_time', p.sort_direction || 'desc'),
    ...paging(p),
  };
}

export function buildTaskSearch(p: TaskSearchParams) {
  const filter: unknown[] = [];
  if (p.model_id) filter.push({ term: { model_id: p.model_id } });
  if (p.task_types?.length) filter.push({ terms: { task_type: p.task_types } });
  if (p.states?.length) filter.push({ terms: { state: p.states } });
  return {
    query: { bool: { filter } },
    sort: [{ create_time: { order: p.sort_direction || 'desc', unmapped_type: 'long' } }],
    ...paging(p),
  };
}

/**
 * States of models whose zip ML Commons has checked against their hash: it does so when it
 * deploys them ("model content changed" otherwise). A REGISTERED model's hash is only what its
 * registrant declared, and anyone may declare any hash.
 */
export const HASH_VERIFIED_STATES = ['DEPLOYED', 'PARTIALLY_DEPLOYED'];

/**
 * Models (never chunks) in a hash-verified state whose zip has one of `hashes`, answering only the
 * hash. Not disabled ones: a deployed model its owner disabled (`is_enabled: false`) stays DEPLOYED,
 * and ML Commons refuses everyone its predict (403 "Model is disabled.").
 */
export function buildHashSearch(hashes: string[]) {
  return {
    query: {
      bool: {
        filter: [{ terms: { model_content_hash_value: hashes } }, { terms: { model_state: HASH_VERIFIED_STATES } }],
        must_not: [CHUNK_DOCUMENT, { term: { is_enabled: false } }],
      },
    },
    _source: ['model_content_hash_value'],
    size: Math.min(1000, hashes.length * 10),
  };
}

/** The chunk documents ML Commons stored for `modelId`'s upload (`{model_id}_{n}`), by number. */
export function buildChunkSearch(modelId: string, max: number) {
  return {
    query: { bool: { filter: [{ term: { model_id: modelId } }, CHUNK_DOCUMENT] } },
    _source: ['chunk_number'],
    size: max,
  };
}
