import { compareResults } from './playground_parity';
import { addRecentRun, loadRecentRuns, MAX_RECENT_RUNS, RECENT_RUNS_KEY, runSummary } from './playground_recent';
import { buildBody, DEFAULT_OPTIONS, nativeConfigOf, optionsOf, PlaygroundRequest } from './playground_request';
import { inputLines, inputProblems, rankByScore, tokenOverlap } from './playground_results';
import { clusterCurl, devToolsSnippet, nativeCurl } from './playground_snippets';
import { explainError, functionMismatch, truncationNotes } from './playground_errors';
import { cosine, cosineMatrix, divergingColor, maxAbsDiff, norm } from './playground_vectors';
import { httpError } from '../../test/mocks/public_http';

describe('playground vector math', () => {
  it('norm, cosine (0 for a zero vector) and max |diff|', () => {
    expect(norm([3, 4])).toBe(5);
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1, 12);
    expect(cosine([0, 0], [1, 1])).toBe(0);
    expect(maxAbsDiff([1, 2], [1.5, 1])).toBe(1);
    expect(maxAbsDiff([1], [1, 2])).toBe(Infinity);
  });

  it('the cosine matrix is symmetric with 1 on the diagonal and equals pairwise cosine', () => {
    const v = [[1, 2, 3], [3, 2, 1], [-1, -2, -3]];
    const m = cosineMatrix(v);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(m[i * 3 + j]).toBeCloseTo(i === j ? 1 : cosine(v[i], v[j]), 12);
    expect(m[2]).toBeCloseTo(-1, 12);
  });

  it('colours: white at 0, saturated red at 1 and blue at -1', () => {
    expect(divergingColor(0)).toBe('rgb(255,255,255)');
    expect(divergingColor(1)).toBe('rgb(189,39,30)');
    expect(divergingColor(-1)).toBe('rgb(32,102,172)');
    expect(divergingColor(NaN)).toBe('rgb(255,255,255)');
  });
});

describe('playground results', () => {
  it('inputs are non-empty trimmed lines; scores rank best first keeping positions', () => {
    expect(inputLines(' a \n\n b\n')).toEqual(['a', 'b']);
    expect(rankByScore([{ kind: 'score', score: 0.1 }, { kind: 'score', score: 0.9 }]).map((r) => r.index)).toEqual([1, 0]);
  });

  it('token overlap: shared tokens with both weights, Jaccard and the dot product', () => {
    const o = tokenOverlap(
      { kind: 'sparse', tokens: [{ token: 'cat', weight: 2 }, { token: 'mat', weight: 1 }] },
      { kind: 'sparse', tokens: [{ token: 'cat', weight: 0.5 }, { token: 'dog', weight: 1 }] }
    );
    expect(o).toEqual({ shared: [{ token: 'cat', a: 2, b: 0.5 }], onlyA: ['mat'], onlyB: ['dog'], jaccard: 1 / 3, dot: 1 });
  });
});

describe('playground parity', () => {
  it('dense: cosine and max |diff| per input; agreement within float32 noise', () => {
    const p = compareResults([{ kind: 'dense', dimension: 2, values: [0.6, 0.8] }], [{ kind: 'dense', dimension: 2, values: [0.6, 0.8000001] }]);
    expect(p.agree).toBe(true);
    expect(p.inputs[0]).toMatchObject({ kind: 'dense', dimensions: [2, 2] });
    const off = compareResults([{ kind: 'dense', dimension: 2, values: [1, 0] }], [{ kind: 'dense', dimension: 2, values: [0, 1] }]);
    expect(off.agree).toBe(false);
  });

  it('sparse: tokens only one side has, and the largest weight difference', () => {
    const p = compareResults(
      [{ kind: 'sparse', tokens: [{ token: 'a', weight: 1 }, { token: 'b', weight: 1 }] }],
      [{ kind: 'sparse', tokens: [{ token: 'a', weight: 1.5 }, { token: 'c', weight: 1 }] }]
    );
    expect(p.inputs[0]).toEqual({ kind: 'sparse', index: 0, onlyCluster: ['b'], onlyNative: ['c'], maxWeightDiff: 0.5 });
    expect(p.agree).toBe(false);
  });

  it('a missing or different-kind answer is a mismatch', () => {
    expect(compareResults([{ kind: 'score', score: 1 }], []).inputs[0].kind).toBe('mismatch');
    // Both sides filtered down to nothing: not a disagreement.
    expect(compareResults([], [])).toEqual({ inputs: [], agree: false, empty: true });
    expect(compareResults([{ kind: 'score', score: 1 }], []).empty).toBe(false);
    expect(compareResults([{ kind: 'score', score: 1 }], [{ kind: 'dense', dimension: 1, values: [1] }]).agree).toBe(false);
  });
});

describe('playground requests and snippets', () => {
  const req: PlaygroundRequest = {
    functionName: 'text_embedding',
    target: 'both',
    modelId: 'abc123',
    sha256: 'f'.repeat(64),
    label: 'm',
    body: buildBody('text_embedding', ["it's here"], '', { ...DEFAULT_OPTIONS, targetResponse: ['sentence_embedding'] }),
    modelConfig: { model_type: 'bert' },
  };

  it('bodies carry options only when they differ from ML Commons defaults; similarity takes the query', () => {
    expect(buildBody('text_embedding', ['a'], '', DEFAULT_OPTIONS)).toEqual({ text_docs: ['a'] });
    expect(buildBody('sparse_encoding', ['a'], '', { ...DEFAULT_OPTIONS, returnNumber: false })).toEqual({ text_docs: ['a'], return_number: false });
    expect(buildBody('text_similarity', ['d'], 'q', { ...DEFAULT_OPTIONS, returnNumber: false, targetResponse: ['x'] })).toEqual({ query_text: 'q', text_docs: ['d'] });
  });

  it('asks for token-id keys on sparse_encoding only, and reads the choice back from a recorded body', () => {
    const ids = { ...DEFAULT_OPTIONS, sparseFormat: 'token_id' as const };
    const body = buildBody('sparse_encoding', ['a'], '', ids);
    expect(body).toEqual({ text_docs: ['a'], parameters: { sparse_embedding_format: 'token_id' } });
    expect(buildBody('text_embedding', ['a'], '', ids)).toEqual({ text_docs: ['a'] });
    expect(optionsOf(body)).toEqual(ids);
    expect(optionsOf({ text_docs: ['a'], return_number: false })).toEqual({ ...DEFAULT_OPTIONS, returnNumber: false });
  });

  it('native config keeps the fields the native route accepts', () => {
    expect(nativeConfigOf({ model_type: 'bert', pooling_mode: 'mean', extra: 1, all_config: null })).toEqual({ model_type: 'bert', pooling_mode: 'mean' });
    expect(nativeConfigOf(undefined)).toBeUndefined();
    // As ML Commons 2.19 stores them (read back from a registered model).
    expect(nativeConfigOf({ model_type: 'bert', framework_type: 'SENTENCE_TRANSFORMERS', pooling_mode: 'MEAN', normalize_result: true })).toEqual({
      model_type: 'bert',
      framework_type: 'sentence_transformers',
      pooling_mode: 'mean',
      normalize_result: true,
    });
  });

  it('Dev Tools and curl: the exact body, placeholders for host and password, shell-safe quotes', () => {
    expect(devToolsSnippet(req)).toBe(`POST /_plugins/_ml/_predict/text_embedding/abc123\n${JSON.stringify(req.body, null, 2)}`);
    const curl = clusterCurl(req);
    expect(curl).toContain(`curl -X POST 'https://localhost:9200/_plugins/_ml/_predict/text_embedding/abc123'`);
    expect(curl).toContain(`-u 'admin:<password>'`);
    expect(curl).toContain(`"it'\\''s here"`);
    const n = nativeCurl(req, 'http://localhost:5601');
    expect(n).toContain(`'http://localhost:5601/api/ml-models/native/predict/text_embedding/${'f'.repeat(64)}'`);
    expect(n).toContain(`osd-xsrf: true`);
    expect(n).toContain(`"model_config":{"model_type":"bert"}`);
  });
});

describe('playground recent runs', () => {
  const request = (i: number): PlaygroundRequest => ({ functionName: 'text_embedding', target: 'cluster', modelId: `m${i}`, label: `m${i}`, body: { text_docs: [`t${i}`] } });
  beforeEach(() => localStorage.clear());

  it('newest first, bounded, identical requests move up, survives a reload (storage)', () => {
    for (let i = 0; i < MAX_RECENT_RUNS + 5; i++) addRecentRun(request(i));
    addRecentRun(request(10));
    const runs = loadRecentRuns();
    expect(runs).toHaveLength(MAX_RECENT_RUNS);
    expect(runs[0].request.modelId).toBe('m10');
    expect(runs.filter((r) => r.request.modelId === 'm10')).toHaveLength(1);
    expect(runs[1].request.modelId).toBe(`m${MAX_RECENT_RUNS + 4}`);
  });

  it('ignores garbage and entries of another shape', () => {
    localStorage.setItem(RECENT_RUNS_KEY, '{not json');
    expect(loadRecentRuns()).toEqual([]);
    localStorage.setItem(RECENT_RUNS_KEY, JSON.stringify([{ id: 1 }, { id: 'x', at: 'y', request: request(1) }]));
    expect(loadRecentRuns()).toHaveLength(1);
  });

  it('sums a run up in one short line: the input, or how many and the first, or the query and how many documents', () => {
    const long = 'word '.repeat(3000);
    expect(runSummary({ ...request(1), body: { text_docs: ['hello world'] } })).toBe('“hello world”');
    expect(runSummary({ ...request(1), body: { text_docs: ['hello world', 'x'] } })).toBe('2 inputs, first “hello world”');
    expect(runSummary({ ...request(1), functionName: 'text_similarity', body: { query_text: 'king queen', text_docs: ['a', 'b'] } })).toBe('query “king queen”, 2 documents');
    const summary = runSummary({ ...request(1), body: { text_docs: [long] } });
    expect(summary.length).toBeLessThanOrEqual(83);
    expect(summary.endsWith('…”')).toBe(true);
  });

  it('does not keep a run too large to store', () => {
    const big = { ...request(1), body: { text_docs: ['x'.repeat(70000)] } };
    expect(addRecentRun(big)).toEqual([]);
  });
});

describe('playground errors', () => {
  it('not deployed, wrong function, native cache miss, in plain words with the reason', () => {
    expect(explainError(httpError(400, 'Model not ready yet. Please deploy the model first.'), { side: 'cluster', functionName: 'text_embedding' }).kind).toBe('not_deployed');
    const wrong = explainError(httpError(400, 'whatever'), { side: 'cluster', functionName: 'sparse_encoding', algorithm: 'TEXT_EMBEDDING' });
    expect(wrong).toMatchObject({ kind: 'wrong_function', reason: 'whatever' });
    expect(functionMismatch('text_embedding', 'TEXT_EMBEDDING')).toBeUndefined();
    expect(explainError(httpError(404, 'gone', { code: 'model_not_cached' } as never), { side: 'native', functionName: 'text_embedding' }).kind).toBe('not_cached');
  });

  it('an unreachable cluster is not a refusal', () => {
    const down = explainError(httpError(502, 'OpenSearch could not be reached: connect ECONNREFUSED 127.0.0.1:9200'), { side: 'cluster', functionName: 'text_embedding', algorithm: 'TEXT_EMBEDDING' });
    expect(down).toMatchObject({ kind: 'unreachable', title: 'The cluster could not be reached', reason: 'OpenSearch could not be reached: connect ECONNREFUSED 127.0.0.1:9200' });
    expect(explainError(httpError(400, 'bad'), { side: 'cluster', functionName: 'text_embedding' }).title).toBe('The cluster refused the prediction');
  });

  it('truncation: exact from native token counts, else a lower bound from words', () => {
    expect(truncationNotes(['a', 'b'], 512, { token_counts: [3, 700], max_length: 512, truncated: [false, true] })).toEqual([{ index: 1, tokens: 700, exact: true }]);
    expect(truncationNotes(['word '.repeat(600), 'short'], 512)).toEqual([{ index: 0, tokens: 602, exact: false }]);
  });
});

describe('inputProblems', () => {
  it('names what the predict routes would refuse: too many inputs, an input or a query too long', () => {
    expect(inputProblems(['a', 'b'], 'q')).toEqual({});
    expect(inputProblems(Array.from({ length: 1001 }, () => 'a'), undefined).inputs).toBe('1001 inputs: one run takes at most 1000 (one per line).');
    expect(inputProblems(['a', 'x'.repeat(100000)], undefined)).toEqual({});
    expect(inputProblems(['a'], 'q'.repeat(100001)).query).toBe('The query has 100,001 characters: it takes at most 100,000.');
  });
});
