import { clusterAdmin, Credentials, opensearchCall } from '../integration/helpers';

/**
 * Users of the Security plugin for one test file, made through its REST API as the cluster's
 * admin and removed again: each with a role of ML Commons (or none) and backend roles.
 */

// Loopback-only users; the password only has to pass the plugin's strength check.
const PASSWORD = 'Loopback#Tester-4vQ-2026';
export type MlRole = 'ml_full_access' | 'ml_read_access' | 'none';
export interface TestUser extends Credentials {
  role: MlRole;
  backendRoles: string[];
}

export const testUser = (name: string, role: MlRole, backendRoles: string[] = []): TestUser => ({
  username: `mlm-${name}-${Date.now().toString(36)}`,
  password: PASSWORD,
  role,
  backendRoles,
});

export async function asAdmin(method: string, path: string, body?: unknown) {
  const res = await opensearchCall(method, path, { body });
  if (res.status >= 300) throw new Error(`${method} ${path} as the cluster's admin: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Changes who a role maps to, keeping whoever else the cluster maps to it. */
async function remapRole(role: string, users: (current: string[]) => string[]) {
  const current = (await opensearchCall('GET', `/_plugins/_security/api/rolesmapping/${role}`)).body?.[role] ?? {};
  await asAdmin('PUT', `/_plugins/_security/api/rolesmapping/${role}`, {
    backend_roles: current.backend_roles ?? [],
    hosts: current.hosts ?? [],
    users: users(current.users ?? []),
  });
}

const ML_ROLES = ['ml_full_access', 'ml_read_access'] as const;

/** Creates `users`, maps their roles, and turns model access control on (groups then are private, restricted or public). */
export async function createUsers(users: TestUser[]) {
  expect(clusterAdmin()).toBeDefined();
  for (const u of users) await asAdmin('PUT', `/_plugins/_security/api/internalusers/${u.username}`, { password: u.password, backend_roles: u.backendRoles });
  for (const role of ML_ROLES) {
    const mapped = users.filter((u) => u.role === role).map((u) => u.username);
    if (mapped.length) await remapRole(role, (current) => [...current, ...mapped]);
  }
  await asAdmin('PUT', '/_cluster/settings', { persistent: { 'plugins.ml_commons.model_access_control_enabled': true } });
}

export async function removeUsers(users: TestUser[]) {
  const ours = new Set(users.map((u) => u.username));
  for (const role of ML_ROLES) await remapRole(role, (current) => current.filter((u) => !ours.has(u))).catch(() => undefined);
  for (const u of users) await opensearchCall('DELETE', `/_plugins/_security/api/internalusers/${u.username}`);
}
