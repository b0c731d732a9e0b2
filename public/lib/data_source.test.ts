import { createFakeHttp } from '../../test/mocks/public_http';
import { isCompatibleDataSource, withDataSource } from './data_source';

describe('withDataSource', () => {
  it('adds data_source_id to every call, keeping the query it was given', async () => {
    const http = createFakeHttp({ get: { '/a': 1 }, post: { '/a': 2 }, put: { '/a': 3 }, delete: { '/a': 4 } });
    const scoped = withDataSource(http, 'ds-1');
    await scoped.get('/a', { query: { size: 5 } });
    await scoped.post('/a', { body: '{}' });
    await scoped.put('/a');
    await scoped.delete('/a');
    expect(http.get).toHaveBeenCalledWith('/a', { query: { size: 5, data_source_id: 'ds-1' } });
    expect(http.post).toHaveBeenCalledWith('/a', { body: '{}', query: { data_source_id: 'ds-1' } });
    expect(http.put).toHaveBeenCalledWith('/a', { query: { data_source_id: 'ds-1' } });
    expect(http.delete).toHaveBeenCalledWith('/a', { query: { data_source_id: 'ds-1' } });
  });

  it('is the same client for the local cluster', () => {
    const http = createFakeHttp();
    expect(withDataSource(http, undefined)).toBe(http);
  });
});

describe('isCompatibleDataSource', () => {
  it.each([
    ['2.19.0', ['opensearch-ml'], true],
    ['3.3.1', ['opensearch-security', 'opensearch-ml'], true],
    ['2.17.1', ['opensearch-ml'], false],
    ['4.0.0', ['opensearch-ml'], false],
    ['2.19.2', ['opensearch-security'], false],
    [undefined, ['opensearch-ml'], false],
  ])('OpenSearch %s with %j: %s', (version, plugins, expected) => {
    expect(isCompatibleDataSource({ id: 'x', attributes: { dataSourceVersion: version, installedPlugins: plugins } })).toBe(expected);
  });
});
