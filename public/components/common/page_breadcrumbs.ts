import { useEffect } from 'react';
import { useHistory } from 'react-router-dom';
import { PLUGIN_TITLE } from '../../../common/constants';
import { useServices } from '../../services';
import type { AppLocation } from './app_link';
import { shorten } from './format';

export interface Crumb {
  text: string;
  to?: AppLocation;
}

/** Longer names are cut in the header (the page title shows them whole). */
export const MAX_CRUMB_CHARS = 40;
const short = (text: string) => shorten(text, MAX_CRUMB_CHARS);

/**
 * "ML Models > <crumbs...>" in OSD's header, each crumb but the last a link; the last names the
 * tab. `null` sets nothing (another component owns the breadcrumbs).
 */
export function usePageBreadcrumbs(crumbs: Crumb[] | null) {
  const { chrome } = useServices();
  const history = useHistory();
  const key = JSON.stringify(crumbs);
  useEffect(() => {
    if (crumbs === null) return;
    const link = (to: AppLocation) => ({
      href: history.createHref(to),
      onClick: (e: unknown) => {
        (e as { preventDefault?: () => void }).preventDefault?.();
        history.push(to);
      },
    });
    chrome.setBreadcrumbs([
      { text: PLUGIN_TITLE, ...link({ pathname: '/' }) },
      ...crumbs.map((c) => (c.to ? { text: short(c.text), ...link(c.to) } : { text: short(c.text) })),
    ]);
    const last = crumbs[crumbs.length - 1];
    chrome.docTitle?.change(last ? [last.text, PLUGIN_TITLE] : PLUGIN_TITLE);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chrome, history, key]);
}
