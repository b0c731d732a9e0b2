import { api, clusterAtLeast, CLUSTER_VERSION, loadFixture, ok, opensearch } from './helpers';

jest.setTimeout(60000);

describe('model groups against a real ML Commons', () => {
  const name = `it-group-${Date.now()}`;
  let groupId: string;

  it('creates a group', async () => {
    const res = await ok<{ model_group_id: string; status: string }>('POST', 'modelGroupCreate', {}, { body: { name, description: 'integration' } });
    expect(res.status).toBe('CREATED');
    expect(res.model_group_id).toMatch(/^[A-Za-z0-9_-]+$/);
    groupId = res.model_group_id;
  });

  it("refuses a duplicate name with ML Commons' own 400 and reason", async () => {
    const res = await api('POST', 'modelGroupCreate', {}, { body: { name } });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(`The name you provided is already being used by a model group with ID: ${groupId}.`);
    expect(res.body.attributes.type).toBe('illegal_argument_exception');
  });

  it('finds it by a case-insensitive part of its name, and by id', async () => {
    const byName = await ok('GET', 'modelGroups', {}, { query: { search: name.toUpperCase().slice(3) } });
    expect(byName.items.map((g: { id: string }) => g.id)).toContain(groupId);
    const byId = await ok('GET', 'modelGroups', {}, { query: { search: groupId } });
    expect(byId.items).toEqual([expect.objectContaining({ id: groupId, name, latest_version: 0 })]);
  });

  it('finds a name by a word in another case beyond ASCII ("GRÜPPE" finds "grüppe"; case_insensitive folds ASCII only)', async () => {
    const umlaut = await ok<{ model_group_id: string }>('POST', 'modelGroupCreate', {}, { body: { name: `${name}-grüppe` } });
    try {
      const found = await ok('GET', 'modelGroups', {}, { query: { search: `${name.toUpperCase()}-GRÜPPE` } });
      expect(found.items.map((g: { id: string }) => g.id)).toEqual([umlaut.model_group_id]);
    } finally {
      await api('DELETE', 'modelGroupDelete', { groupId: umlaut.model_group_id });
    }
  });

  it('matches "ß", "ı" and "İ" as themselves, not as the ASCII letters their other case contains', async () => {
    const ids: Record<string, string> = {};
    try {
      for (const suffix of ['straße', 'strase', 'kırmızı', 'kirmizi', 'İzmir', 'izmir']) {
        ids[suffix] = (await ok<{ model_group_id: string }>('POST', 'modelGroupCreate', {}, { body: { name: `${name}-${suffix}` } })).model_group_id;
      }
      const find = async (search: string) => (await ok('GET', 'modelGroups', {}, { query: { search: `${name}-${search}` } })).items.map((g: { id: string }) => g.id);
      expect(await find('straße')).toEqual([ids['straße']]);
      expect(await find('kırmızı')).toEqual([ids['kırmızı']]);
      expect(await find('KIRMIZI')).toEqual([ids.kirmizi]);
      // "İ" lower-cases to "i" + a combining dot, not to "i": the dotted name only, on 2.x. 3.x's
      // Lucene 10 folds beyond ASCII itself, "İ" with "i" among it: that is the cluster's own rule.
      const dotted = await find('İZMIR');
      if (clusterAtLeast(3, 0)) expect(dotted.sort()).toEqual([ids['İzmir'], ids.izmir].sort());
      else expect(dotted).toEqual([ids['İzmir']]);
    } finally {
      for (const id of Object.values(ids)) await api('DELETE', 'modelGroupDelete', { groupId: id });
    }
  });

  it('reads groups by their ids (how the models table names its groups), with no other group', async () => {
    const other = await ok<{ model_group_id: string }>('POST', 'modelGroupCreate', {}, { body: { name: `${name}-other` } });
    try {
      const res = await ok('GET', 'modelGroups', {}, { query: { ids: [groupId, 'noSuchGroup1'].join(','), size: 2 } });
      expect(res.items.map((g: { id: string; name: string }) => [g.id, g.name])).toEqual([[groupId, name]]);
    } finally {
      await api('DELETE', 'modelGroupDelete', { groupId: other.model_group_id });
    }
  });

  it('refuses to clear the description, which ML Commons itself would skip while answering "Updated"', async () => {
    const res = await api('PUT', 'modelGroupUpdate', { groupId }, { body: { description: '' } });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^\[request body\.description\]: cannot be cleared/);
    // Why: straight to ML Commons, a blank description is accepted and ignored.
    expect(await opensearch('PUT', `/_plugins/_ml/model_groups/${groupId}`, { description: ' ' })).toEqual({ status: 'Updated' });
    expect((await ok('GET', 'modelGroup', { groupId })).description).toBe('integration');
  });

  it('refuses on 3.1+ the characters ML Commons refuses there, before anything is made, and lets 2.19 take them', async () => {
    const fancy = `${name}-fast & small`;
    const direct = await fetch(`${process.env.OPENSEARCH_URL}/_plugins/_ml/model_groups/_register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `${fancy}-direct` }),
    });
    const directBody = await direct.json();
    const res = await api('POST', 'modelGroupCreate', {}, { body: { name: fancy } });
    if (clusterAtLeast(3, 1)) {
      // What ML Commons answers itself (StringUtils.SAFE_INPUT_PATTERN): only after the form was filled in.
      expect(direct.status).toBe(400);
      expect(JSON.stringify(directBody)).toContain('can only contain letters, numbers, spaces, and basic punctuation');
      expect([res.status, res.body.message]).toEqual([
        400,
        `[name]: OpenSearch ${CLUSTER_VERSION} takes only letters, numbers, spaces and basic punctuation (.,!?():@-_'/") here, not "&"`,
      ]);
    } else {
      expect(direct.status).toBe(200);
      expect(res.status).toBe(200);
      await api('DELETE', 'modelGroupDelete', { groupId: directBody.model_group_id });
      await api('DELETE', 'modelGroupDelete', { groupId: res.body.model_group_id });
    }
  });

  it('gets and renames it', async () => {
    await ok('PUT', 'modelGroupUpdate', { groupId }, { body: { name: `${name}-renamed`, description: 'changed' } });
    const group = await ok('GET', 'modelGroup', { groupId });
    expect(group).toMatchObject({ id: groupId, name: `${name}-renamed`, description: 'changed' });
  });

  it('keeps the 404 of a group that does not exist', async () => {
    const res = await api('GET', 'modelGroup', { groupId: 'doesNotExist123' });
    expect(res.status).toBe(404);
    expect(res.body.message).toMatch(/Failed to find model group/);
  });

  it('refuses a registration into a group that does not exist with that 404, not ML Commons\' 500', async () => {
    const tiny = loadFixture('tiny-bert');
    const res = await api('POST', 'modelRegisterMeta', {}, {
      body: { name: 'no-group', function_name: 'TEXT_EMBEDDING', model_format: 'ONNX', model_group_id: 'no-such-group', model_content_hash_value: tiny.sha256, model_content_size_in_bytes: tiny.size_bytes, total_chunks: 1, model_config: tiny.model_config },
    });
    expect([res.status, res.body.message]).toEqual([404, 'Failed to find model group with the provided model group id: no-such-group']);
  });

  it('deletes it', async () => {
    const res = await ok('DELETE', 'modelGroupDelete', { groupId });
    expect(res.result).toBe('deleted');
    expect((await api('GET', 'modelGroup', { groupId })).status).toBe(404);
  });

  it('answers 404 when the group to delete is already gone (ML Commons says 200 "not_found")', async () => {
    const res = await api('DELETE', 'modelGroupDelete', { groupId });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe(`Failed to find model group with the provided model group id: ${groupId}`);
  });
});

describe('a group with more than nine versions', () => {
  it('lists its versions in numeric order (model_version is a keyword: "10" would sort before "9")', async () => {
    const group = await ok<{ model_group_id: string }>('POST', 'modelGroupCreate', {}, { body: { name: `it-versions-${Date.now()}` } });
    const ids: string[] = [];
    try {
      for (let i = 0; i < 11; i++) {
        const meta = await ok<{ model_id: string }>('POST', 'modelRegisterMeta', {}, {
          body: {
            name: 'it-versions',
            model_group_id: group.model_group_id,
            function_name: 'TEXT_EMBEDDING',
            model_format: 'ONNX',
            model_content_hash_value: 'a'.repeat(64),
            model_content_size_in_bytes: 100,
            total_chunks: 1,
            model_config: { model_type: 'bert', embedding_dimension: 3, framework_type: 'sentence_transformers' },
          },
        });
        ids.push(meta.model_id);
      }
      const list = async (direction: string) =>
        (await ok('GET', 'models', {}, { query: { model_group_id: group.model_group_id, sort_field: 'model_version', sort_direction: direction, size: 20 } })).items.map(
          (m: { model_version: string }) => m.model_version
        );
      expect(await list('desc')).toEqual(['11', '10', '9', '8', '7', '6', '5', '4', '3', '2', '1']);
      expect(await list('asc')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    } finally {
      for (const modelId of ids) await api('DELETE', 'modelDelete', { modelId });
      await api('DELETE', 'modelGroupDelete', { groupId: group.model_group_id });
    }
  });
});
