import { EuiLink } from '@elastic/eui';
import React from 'react';
import type { MountPoint, ScopedHistory } from '../../../types/osd';
import { mountReact } from '../../mount_react';
import type { AppLocation } from './app_link';

/**
 * Toast text with a link into the app. OSD renders toasts outside the app's React tree (a mount
 * point), so the link navigates through the history it is given rather than router context.
 */
export function toastLink(message: string, label: string, history: ScopedHistory, to: AppLocation): MountPoint {
  const href = history.createHref(to);
  return (element) =>
    mountReact(
      <p>
        {message}{' '}
        <EuiLink
          href={href}
          data-test-subj="toastLink"
          onClick={(e: React.MouseEvent) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            try {
              history.push(to.pathname + (to.search || ''));
              e.preventDefault();
            } catch {
              // The user has left the app since (OSD's ScopedHistory then throws): the href loads it again.
            }
          }}
        >
          {label}
        </EuiLink>
      </p>,
      element
    );
}
