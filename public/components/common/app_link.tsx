import { EuiButton, EuiLink } from '@elastic/eui';
import React, { useCallback } from 'react';
import { useHistory } from 'react-router-dom';

/** A location inside the app: a path, optionally with a query (`?group=...`). */
export interface AppLocation {
  pathname: string;
  search?: string;
}

/**
 * A real href (so links open in new tabs and show in the status bar) plus in-app navigation on a
 * plain click, as the side nav does.
 */
export function useAppNavigation(to: AppLocation) {
  const history = useHistory();
  const href = history.createHref(to);
  const onClick = useCallback(
    (e: React.MouseEvent) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      history.push(to);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [history, to.pathname, to.search]
  );
  return { href, onClick };
}

interface LinkProps {
  to: AppLocation;
  children: React.ReactNode;
  'data-test-subj'?: string;
}

export function AppLink({ to, children, 'data-test-subj': testSubj }: LinkProps) {
  const nav = useAppNavigation(to);
  return (
    <EuiLink href={nav.href} onClick={nav.onClick} data-test-subj={testSubj}>
      {children}
    </EuiLink>
  );
}

export function AppLinkButton({
  to,
  children,
  iconType,
  fill,
  size = 's',
  'data-test-subj': testSubj,
}: LinkProps & { iconType?: string; fill?: boolean; size?: 's' | 'm' }) {
  const nav = useAppNavigation(to);
  return (
    <EuiButton href={nav.href} onClick={nav.onClick} iconType={iconType} fill={fill} size={size} data-test-subj={testSubj}>
      {children}
    </EuiButton>
  );
}

/** Paths of the app's pages, in one place so links and routes cannot drift apart. */
export const appPaths = {
  models: () => ({ pathname: '/models' }),
  model: (modelId: string) => ({ pathname: `/models/${encodeURIComponent(modelId)}` }),
  modelGroups: () => ({ pathname: '/model-groups' }),
  modelGroup: (groupId: string) => ({ pathname: `/model-groups/${encodeURIComponent(groupId)}` }),
  tasks: () => ({ pathname: '/tasks' }),
  cluster: () => ({ pathname: '/cluster' }),
  /** The register flow (another page); `group` preselects the group a new version goes into. */
  register: (groupId?: string) => ({
    pathname: '/register',
    search: groupId ? `?group=${encodeURIComponent(groupId)}` : undefined,
  }),
};
