import { redactUrl } from './standalone';

describe('redactUrl', () => {
  it('keeps credentials in OPENSEARCH_URL out of the logs', () => {
    expect(redactUrl('http://admin:Ci-Secur3%23Pass@127.0.0.1:9330')).toBe('http://***@127.0.0.1:9330');
    expect(redactUrl('https://user@host:9200/base/')).toBe('https://***@host:9200/base/');
    expect(redactUrl('http://127.0.0.1:9200')).toBe('http://127.0.0.1:9200');
  });
});
