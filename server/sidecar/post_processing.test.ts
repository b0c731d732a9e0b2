import { readFileSync } from 'fs';
import path from 'path';
import { filterTensors, javaHashMapOrder, normalizeAxis0, pool, resultFilterOf, similarityTensor, sparseWeights, TokenStates } from './post_processing';
import { encodeReplyJson } from './reply_json';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const fixtures = require('../../scripts/fixtures/fixtures.cjs');

/**
 * One document of 3 tokens, hidden size 2, in a batch padded to 4 (the padding row holds a huge
 * value that must never show). Expected values computed by hand from ML Commons' formulas.
 */
const states = (): TokenStates => ({
  // rows: t0 [1, 2], t1 [3, -4], t2 [5, 0], pad [1000, 1000]
  data: Float32Array.from([1, 2, 3, -4, 5, 0, 1000, 1000]),
  seq: 4,
  hidden: 2,
  offset: 0,
  mask: [1, 1, 1, 0],
  maskOffset: 0,
});
const close = (a: ArrayLike<number>, b: number[]) => b.forEach((v, i) => expect(a[i]).toBeCloseTo(v, 6));

describe('pooling as ML Commons computes it', () => {
  it('mean: masked sum / token count', () => {
    const p = pool(states(), 'mean');
    expect(p.shape).toEqual([2]);
    close(p.data, [3, -2 / 3]);
  });
  it('mean_sqrt_len: masked sum / sqrt(token count)', () => close(pool(states(), 'mean_sqrt_len').data, [9 / Math.sqrt(3), -2 / Math.sqrt(3)]));
  it('max: per dimension over real tokens, keeping the [1, H] shape', () => {
    const p = pool(states(), 'max');
    expect(p.shape).toEqual([1, 2]);
    close(p.data, [5, 2]);
  });
  it('weighted_mean: position weights 1..S', () => close(pool(states(), 'weighted_mean').data, [(1 + 6 + 15) / 6, (2 - 8 + 0) / 6]));
  it('cls: the first token', () => close(pool(states(), 'cls').data, [1, 2]));
  it('last_token: the last unmasked token', () => close(pool(states(), 'last_token').data, [5, 0]));
  it('pools the second document of a batch from its own offset and mask', () => {
    const t = states();
    const two: TokenStates = { ...t, data: Float32Array.from([...t.data, 2, 2, 4, 4, 9, 9, 9, 9]), offset: 8, mask: [1, 1, 1, 0, 1, 1, 0, 0], maskOffset: 4 };
    close(pool(two, 'mean').data, [3, 3]);
  });
});

describe('normalize_result (DJL normalize(2, 0))', () => {
  it('makes a [H] vector unit length', () => close(normalizeAxis0({ data: Float32Array.from([3, 4]), shape: [2] }).data, [0.6, 0.8]));
  it('turns max pooling [1, H] into signs, as ML Commons does (the norm runs along the size-1 axis)', () => {
    const n = normalizeAxis0({ data: Float32Array.from([5, -0.25, 0]), shape: [1, 3] });
    expect(Array.from(n.data)).toEqual([1, -1, 0]);
    expect(n.shape).toEqual([1, 3]);
  });
});

describe('sparse decoding', () => {
  const vocab: Record<number, string> = { 0: '', 1: 'cat', 2: '##s', 3: 'cat', 4: 'mat' };
  it('keeps non-zero weights keyed by token, drops specials (""), and the later id wins on a duplicate string', () => {
    const row = Float32Array.from([0.9, 0.5, 0, 0.25, 0.75]);
    expect(sparseWeights(row, 0, 5, (id) => vocab[id])).toEqual({ cat: 0.25, mat: 0.75 });
  });
  it('is written in the order of ML Commons\' HashMap, values as float32', () => {
    const ids: Record<number, string> = { 1: 'cat', 2: 'mat', 3: 'sat', 4: 'the', 5: 'on' };
    const row = Float32Array.from([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    const bytes = encodeReplyJson(sparseWeights(row, 0, 6, (id) => ids[id] ?? ''));
    // Java buckets (hashCode, spread, & 15): the 0, mat 1, cat 7 and sat 7 (in insertion order), on 15.
    expect(Buffer.from(bytes).toString('utf8')).toBe('{"the":0.4,"mat":0.2,"cat":0.1,"sat":0.3,"on":0.5}');
  });
  it('token_id keys: every non-zero id, specials included, in the order 3.6.0 printed them', () => {
    // "the cat sat" on tiny-sparse, as ML Commons 3.6.0 answered with sparse_embedding_format TOKEN_ID.
    const row = new Float32Array(15000);
    const weights: Record<number, number> = { 101: 0.84299016, 102: 0.31261253, 1996: 0.8395399, 2938: 0.8619082, 4937: 0.95577455, 14873: 0.026029514 };
    for (const [id, w] of Object.entries(weights)) row[Number(id)] = w;
    const bytes = encodeReplyJson(sparseWeights(row, 0, row.length, (id) => String(id)));
    expect(Buffer.from(bytes).toString('utf8')).toBe('{"4937":0.95577455,"101":0.84299016,"1996":0.8395399,"102":0.31261253,"2938":0.8619082,"14873":0.026029514}');
  });
  it('reads a row of a [B, V] batch from its offset', () => {
    const rows = Float32Array.from([0, 0, 0, 0, 0, 0, 0, 0.5, 0, 0]);
    expect(sparseWeights(rows, 5, 5, (id) => vocab[id])).toEqual({ '##s': 0.5 });
  });
});

describe('javaHashMapOrder (how ML Commons\' HashMap<String, Float> prints a sparse vector)', () => {
  it('reproduces the order of sparse maps captured from ML Commons 2.19.6, keys put in token id order', () => {
    const raw = readFileSync(path.resolve(__dirname, '../../test/fixtures/captured/sparse_encoding.cluster.json'), 'utf8');
    // The captured replies are tiny-sparse's, whose vocabulary is BERT's.
    const vocab: Record<string, number> = JSON.parse(readFileSync(fixtures.loadFixture('tiny-sparse').tokenizerPath, 'utf8')).model.vocab;
    // The keys as printed (JSON.parse would move integer-like keys first).
    const maps = [...raw.matchAll(/"response":\s*\[\s*\{([^}]*)\}/g)].map((m) => [...m[1].matchAll(/"([^"]*)"\s*:/g)].map((k) => k[1]));
    expect(maps.length).toBeGreaterThan(1);
    for (const keys of maps) {
      expect(javaHashMapOrder([...keys].sort((a, b) => vocab[a] - vocab[b]))).toEqual(keys);
    }
  });

  it('keeps insertion order within a bucket ("Aa" and "BB" share a hash), and doubles the buckets past 3/4 full', () => {
    expect(javaHashMapOrder(['BB', 'Aa'])).toEqual(['BB', 'Aa']);
    expect(javaHashMapOrder(['Aa', 'BB'])).toEqual(['Aa', 'BB']);
    // "a" (97) and "q" (113) share bucket 1 of 16 but not of 32 (97 & 31 = 1, 113 & 31 = 17).
    const filler = ['c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
    expect(javaHashMapOrder(['q', 'a', ...filler]).slice(0, 2)).toEqual(['q', 'a']);
    expect(javaHashMapOrder(['q', 'a', ...filler, 'm']).indexOf('q')).toBeGreaterThan(javaHashMapOrder(['q', 'a', ...filler, 'm']).indexOf('a'));
  });
});

it('similarity carries the little-endian bytes ML Commons always adds', () => {
  const t = similarityTensor(Float32Array.from([0.5]), [1]);
  expect(t).toMatchObject({ name: 'similarity', data_type: 'FLOAT32', shape: [1], byte_buffer: { order: 'LITTLE_ENDIAN' } });
  expect(Array.from(t.data!)).toEqual([0.5]);
  expect(Buffer.from(t.byte_buffer!.array, 'base64').readFloatLE(0)).toBe(0.5);
});

describe('filterTensors (ML Commons 2.19 result filter)', () => {
  const dense = { name: 'sentence_embedding', data_type: 'FLOAT32', shape: [2], data: [0.6, 0.8] };
  const other = { name: 'token_embeddings', data_type: 'FLOAT32', shape: [1, 2], data: [1, 0] };
  const sparse = { dataAsMap: { response: [{ cat: 0.5 }] } };

  it('keeps everything by default and with an empty target_response', () => {
    expect(filterTensors([dense, other], {})).toEqual([dense, other]);
    expect(filterTensors([dense, other], { target_response: [], return_number: true })).toEqual([dense, other]);
  });

  it('keeps only the tensors target_response names (unnamed ones never match)', () => {
    expect(filterTensors([dense, other], { target_response: ['token_embeddings'] })).toEqual([other]);
    expect(filterTensors([dense, sparse], { target_response: ['nope'] })).toEqual([]);
  });

  it('target_response_positions keeps tensors by their index, unnamed ones included; with names, either match keeps one', () => {
    expect(filterTensors([dense, other], { target_response_positions: [1] })).toEqual([other]);
    expect(filterTensors([sparse], { target_response_positions: [0] })).toEqual([sparse]);
    expect(filterTensors([dense], { target_response_positions: [1] })).toEqual([]);
    expect(filterTensors([dense, other], { target_response: ['sentence_embedding'], target_response_positions: [1] })).toEqual([dense, other]);
    expect(filterTensors([dense, other], { target_response: [], target_response_positions: [] })).toEqual([dense, other]);
  });

  it('a nested result_filter replaces the top-level fields (as 2.19.6 does)', () => {
    expect(resultFilterOf({ text_docs: ['a'], target_response: ['x'], result_filter: { return_number: true } })).toEqual({ return_number: true });
    expect(resultFilterOf({ text_docs: ['a'], target_response: ['x'] })).toMatchObject({ target_response: ['x'] });
  });

  it('return_number false drops data and keeps the rest, sparse maps included', () => {
    expect(filterTensors([dense, sparse], { return_number: false })).toEqual([{ name: 'sentence_embedding', data_type: 'FLOAT32', shape: [2] }, sparse]);
  });
});
