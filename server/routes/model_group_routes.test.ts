import { mlError, nodesAt } from '../../test/mocks/fake_transport';
import { RouteTestHost, startRouteTestHost } from '../../test/mocks/route_test_host';

const API = '/api/ml-models';
let t: RouteTestHost;
beforeEach(async () => {
  t = await startRouteTestHost();
});
afterEach(() => t.close());

describe('model group routes', () => {
  it('searches groups by name or id with paging and sort, and returns ids with the documents', async () => {
    t.transport.reply({ hits: { total: { value: 7 }, hits: [{ _id: 'g1', _source: { name: 'embeddings', latest_version: 2 } }] } });
    const res = await t.call('GET', `${API}/model_groups?search=Emb*&from=5&size=5&sort_field=name&sort_direction=asc`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ total: 7, items: [{ id: 'g1', name: 'embeddings', latest_version: 2 }] });
    expect(t.transport.calls).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/_plugins/_ml/model_groups/_search',
        body: {
          query: {
            bool: {
              must: [
                {
                  bool: {
                    should: [
                      { wildcard: { 'name.keyword': { value: '*Emb\\**', case_insensitive: true } } },
                      { term: { _id: 'Emb*' } },
                    ],
                    minimum_should_match: 1,
                  },
                },
              ],
              filter: [],
            },
          },
          sort: [{ 'name.keyword': { order: 'asc', unmapped_type: 'keyword' } }],
          from: 5,
          size: 5,
          track_total_hits: true,
        },
      }),
    ]);
  });

  it('reads the groups named by ids (at most a page of them), and refuses a bad or extra id', async () => {
    t.transport.reply({ hits: { total: { value: 2 }, hits: [] } });
    await t.call('GET', `${API}/model_groups?ids=g1,g_2&size=2`);
    expect((t.transport.calls[0].body as any).query.bool).toEqual({ must: [], filter: [{ ids: { values: ['g1', 'g_2'] } }] });
    expect((await t.call('GET', `${API}/model_groups?ids=g1,bad%20id`)).status).toBe(400);
    const tooMany = Array.from({ length: 101 }, (_x, i) => `g${i}`).join(',');
    expect((await t.call('GET', `${API}/model_groups?ids=${tooMany}`)).status).toBe(400);
    expect(t.transport.calls).toHaveLength(1);
  });

  it('matches every word of a search in the name, in any order ("tiny bert" finds "tiny-bert-a")', async () => {
    t.transport.reply({ hits: { total: { value: 0 }, hits: [] } });
    await t.call('GET', `${API}/model_groups?search=${encodeURIComponent(' tiny  Bert ')}`);
    const clause = (t.transport.calls[0].body as any).query.bool.must[0].bool.should;
    expect(clause).toEqual([
      {
        bool: {
          must: [
            { wildcard: { 'name.keyword': { value: '*tiny*', case_insensitive: true } } },
            { wildcard: { 'name.keyword': { value: '*Bert*', case_insensitive: true } } },
          ],
        },
      },
      { term: { _id: 'tiny  Bert' } },
    ]);
  });

  it('matches other cased letters in any case with a regexp class ("GRÜPPE" finds "grüppe"); ASCII-only words keep the wildcard', async () => {
    t.transport.reply({ hits: { total: { value: 0 }, hits: [] } });
    await t.call('GET', `${API}/model_groups?search=${encodeURIComponent('GRÜPPE (v2)')}`);
    const must = (t.transport.calls[0].body as any).query.bool.must[0].bool.should[0].bool.must;
    expect(must).toEqual([
      { regexp: { 'name.keyword': { value: '.*GR[üÜ]PPE.*', case_insensitive: true, flags: 'NONE' } } },
      { wildcard: { 'name.keyword': { value: '*(v2)*', case_insensitive: true } } },
    ]);
  });

  it('lets "ß" and "ı" match only themselves (their upper cases "SS" and "I" are other letters), and "İ" either of its cases', async () => {
    const value = async (search: string) => {
      t.transport.reply({ hits: { total: { value: 0 }, hits: [] } });
      await t.call('GET', `${API}/model_groups?search=${encodeURIComponent(search)}`);
      return (t.transport.calls[t.transport.calls.length - 1].body as any).query.bool.must[0].bool.should[0].regexp['name.keyword'].value;
    };
    expect(await value('Straße')).toBe('.*Straße.*');
    expect(await value('kırmızı')).toBe('.*kırmızı.*');
    expect(await value('İzmir')).toBe('.*(i̇|İ)zmir.*');
  });

  it('gets one group and adds its id (ML Commons omits it)', async () => {
    t.transport.reply({ name: 'g', latest_version: 0 });
    const res = await t.call('GET', `${API}/model_groups/abc_-1`);
    expect(res.body).toEqual({ id: 'abc_-1', name: 'g', latest_version: 0 });
    expect(t.transport.calls[0]).toMatchObject({ method: 'GET', path: '/_plugins/_ml/model_groups/abc_-1' });
  });

  it('registers a group with exactly the fields given', async () => {
    t.transport.reply({ model_group_id: 'new1', status: 'CREATED' });
    const res = await t.call('POST', `${API}/model_groups`, { body: { name: 'g', description: 'd', access_mode: 'private' } });
    expect(res).toEqual({ status: 200, body: { model_group_id: 'new1', status: 'CREATED' } });
    expect(t.transport.calls[0]).toMatchObject({
      method: 'POST',
      path: '/_plugins/_ml/model_groups/_register',
      body: { name: 'g', description: 'd', access_mode: 'private' },
    });
  });

  it('refuses on 3.1+ the characters ML Commons refuses there, before anything is made; sends them to 2.19, which takes them', async () => {
    t.transport.reply(nodesAt('3.6.0'));
    const refused = await t.call('POST', `${API}/model_groups`, { body: { name: 'encoders', description: 'Fast & small <v2>' } });
    expect([refused.status, refused.body.message]).toEqual([
      400,
      `[description]: OpenSearch 3.6.0 takes only letters, numbers, spaces and basic punctuation (.,!?():@-_'/") here, not "&" "<" ">"`,
    ]);
    t.transport.reply(nodesAt('3.6.0'));
    const rename = await t.call('PUT', `${API}/model_groups/g1`, { body: { name: 'rocket 🚀' } });
    expect(rename.status).toBe(400);
    expect(rename.body.message).toContain('not "🚀"');
    expect(t.transport.calls.map((c) => c.path)).toEqual(['/_nodes', '/_nodes']);

    t.transport.reply(nodesAt('2.19.6')).reply({ model_group_id: 'new1', status: 'CREATED' });
    expect((await t.call('POST', `${API}/model_groups`, { body: { name: 'encoders', description: 'Fast & small' } })).status).toBe(200);
    // Text in the allowed characters (accents and CJK letters included) costs no version read.
    t.transport.reply({ model_group_id: 'new2', status: 'CREATED' });
    expect((await t.call('POST', `${API}/model_groups`, { body: { name: 'Grüppe 東京', description: "it's (fine): a-b_c/d.e, f! g? @h \"q\"" } })).status).toBe(200);
    expect(t.transport.calls.map((c) => c.path)).toEqual(['/_nodes', '/_nodes', '/_nodes', '/_plugins/_ml/model_groups/_register', '/_plugins/_ml/model_groups/_register']);
  });

  it("passes ML Commons' duplicate-name 400 through with its reason", async () => {
    const reason = 'The name you provided is already being used by a model group with ID: x1.';
    t.transport.fail(400, mlError(400, 'illegal_argument_exception', reason));
    const res = await t.call('POST', `${API}/model_groups`, { body: { name: 'g' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: reason,
      attributes: { reason, type: 'illegal_argument_exception' },
    });
  });

  it('updates with PUT and deletes with DELETE', async () => {
    t.transport.reply({ status: 'Updated' }).reply({ result: 'deleted' });
    expect((await t.call('PUT', `${API}/model_groups/g1`, { body: { name: 'n2' } })).body).toEqual({ status: 'Updated' });
    expect((await t.call('DELETE', `${API}/model_groups/g1`)).body).toEqual({ result: 'deleted' });
    expect(t.transport.calls.map((c) => [c.method, c.path, c.body])).toEqual([
      ['PUT', '/_plugins/_ml/model_groups/g1', { name: 'n2' }],
      ['DELETE', '/_plugins/_ml/model_groups/g1', undefined],
    ]);
  });

  it('refuses to clear a description, which ML Commons would skip while answering "Updated"', async () => {
    for (const description of ['', '  ']) {
      const res = await t.call('PUT', `${API}/model_groups/g1`, { body: { description } });
      expect([res.status, res.body.message]).toEqual([400, "[request body.description]: cannot be cleared: ML Commons keeps a model group's description when the new one is blank; write a new one instead"]);
    }
    expect(t.transport.calls).toEqual([]);
  });

  it('keeps the 409 of deleting a group that still has versions', async () => {
    t.transport.fail(409, mlError(409, 'status_exception', 'Cannot delete the model group when it has associated model versions'));
    const res = await t.call('DELETE', `${API}/model_groups/g1`);
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('Cannot delete the model group when it has associated model versions');
  });

  it("answers 404 for deleting a missing group, which ML Commons answers 200 'not_found'", async () => {
    t.transport.reply({ _index: '.plugins-ml-model-group', _id: 'nope', result: 'not_found' });
    const res = await t.call('DELETE', `${API}/model_groups/nope`);
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Failed to find model group with the provided model group id: nope');
  });

  it('keeps a 404 for a missing group', async () => {
    t.transport.fail(404, mlError(404, 'status_exception', 'Failed to find model group with the provided model group id: nope'));
    const res = await t.call('GET', `${API}/model_groups/nope`);
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/Failed to find model group/);
  });
});
