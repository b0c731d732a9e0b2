import { useEffect } from 'react';
import { useHistory } from 'react-router-dom';
import { PLUGIN_TITLE } from '../../../common/constants';
import { useServices } from '../../services';

/** "ML Models > <page>" in OSD's header, and the page in the browser tab title. */
export function useBreadcrumbs(pageTitle: string | undefined) {
  const { chrome } = useServices();
  const history = useHistory();
  useEffect(() => {
    chrome.setBreadcrumbs([
      {
        text: PLUGIN_TITLE,
        href: history.createHref({ pathname: '/' }),
        onClick: (e: unknown) => {
          (e as { preventDefault?: () => void }).preventDefault?.();
          history.push('/');
        },
      },
      ...(pageTitle ? [{ text: pageTitle }] : []),
    ]);
    chrome.docTitle?.change(pageTitle ? [pageTitle, PLUGIN_TITLE] : PLUGIN_TITLE);
  }, [chrome, history, pageTitle]);
}
