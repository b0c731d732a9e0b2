import type { AccessMode } from '../../common/ml_commons';
import type { ModelGroupCreateBody } from '../../common/types';

/** Who may use a model group's versions, as a form edits it. */
export interface GroupAccess {
  /** '' keeps the cluster's default (private, or restricted when roles are given). */
  access: AccessMode | '';
  roles: string[];
  /** Restricted to every backend role the owner has, instead of `roles`. */
  allRoles: boolean;
}

export const CLUSTER_DEFAULT_ACCESS: GroupAccess = { access: '', roles: [], allRoles: false };

export type AccessFields = Pick<ModelGroupCreateBody, 'access_mode' | 'backend_roles' | 'add_all_backend_roles'>;

/** The request body's access fields for `a`: none for the cluster's default. */
export function accessFields(a: GroupAccess): AccessFields {
  if (!a.access) return {};
  if (a.access !== 'restricted') return { access_mode: a.access };
  return a.allRoles ? { access_mode: 'restricted', add_all_backend_roles: true } : { access_mode: 'restricted', backend_roles: a.roles };
}

/** The one rule across fields that ML Commons checks and the shared validators cannot. */
export function accessProblem(body: AccessFields): string | undefined {
  if (body.access_mode === 'restricted' && !body.backend_roles?.length && !body.add_all_backend_roles) {
    return 'A restricted group needs backend roles, or "all my backend roles".';
  }
  return undefined;
}
