import { EuiSideNav } from '@elastic/eui';
import React, { useState } from 'react';
import { useHistory } from 'react-router-dom';
import { PLUGIN_TITLE } from '../../../common/constants';
import type { AppPage } from './pages';

/** Real hrefs (so links open in new tabs), with in-app navigation on a plain click. */
export function AppNav({ pages, current }: { pages: AppPage[]; current?: AppPage }) {
  const history = useHistory();
  const [openOnMobile, setOpenOnMobile] = useState(false);
  return (
    <EuiSideNav
      aria-label={PLUGIN_TITLE}
      mobileTitle={PLUGIN_TITLE}
      isOpenOnMobile={openOnMobile}
      toggleOpenOnMobile={() => setOpenOnMobile(!openOnMobile)}
      data-test-subj="appNav"
      items={[
        {
          id: 'mlModelsNav',
          name: PLUGIN_TITLE,
          items: pages.map((page) => ({
            id: page.id,
            name: page.title,
            href: history.createHref({ pathname: page.path }),
            isSelected: page === current,
            onClick: (e: React.MouseEvent) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
              e.preventDefault();
              setOpenOnMobile(false);
              history.push(page.path);
            },
            'data-test-subj': `appNav-${page.id}`,
          })),
        },
      ]}
    />
  );
}
