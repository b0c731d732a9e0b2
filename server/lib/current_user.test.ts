import type { HttpAuth } from '../../types/osd';
import { userOfRequest } from './current_user';

const request = { headers: {} } as never;
const auth = (status: 'authenticated' | 'unauthenticated' | 'unknown', state?: unknown): HttpAuth => ({ get: () => ({ status, state }) });

describe('userOfRequest', () => {
  it('is undefined without an auth plugin (core not started, or status unknown)', () => {
    expect(userOfRequest(undefined, request)).toBeUndefined();
    expect(userOfRequest(auth('unknown'), request)).toBeUndefined();
  });

  it("is the Security plugin's user_name when authenticated", () => {
    expect(userOfRequest(auth('authenticated', { authInfo: { user_name: 'alice', roles: ['all_access'] } }), request)).toBe('alice');
  });

  it("is '' (owns nothing) when authenticated without a name, never 'everyone'", () => {
    expect(userOfRequest(auth('authenticated'), request)).toBe('');
    expect(userOfRequest(auth('unauthenticated'), request)).toBe('');
  });
});
