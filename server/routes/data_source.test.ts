import { FakeTransport } from '../../test/mocks/fake_transport';
import { startRouteTestHost } from '../../test/mocks/route_test_host';

describe('data sources', () => {
  it("sends the request through the chosen data source's client when data_source_id is given", async () => {
    const remote = new FakeTransport().reply({ name: 'remote-model' });
    const getClient = jest.fn(async () => ({ transport: remote }));
    const t = await startRouteTestHost({ dataSource: { opensearch: { getClient } } });
    try {
      const res = await t.call('GET', '/api/ml-models/models/m1?data_source_id=ds-1');
      expect(res.body).toEqual({ id: 'm1', name: 'remote-model' });
      expect(getClient).toHaveBeenCalledWith('ds-1');
      expect(remote.calls[0]).toMatchObject({ method: 'GET', path: '/_plugins/_ml/models/m1' });
      expect(t.transport.calls).toHaveLength(0);
    } finally {
      await t.close();
    }
  });
});
