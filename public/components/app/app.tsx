import { EuiPage, EuiPageBody, EuiPageContent, EuiPageSideBar } from '@elastic/eui';
import React from 'react';
import { matchPath, Redirect, Route, Switch, useLocation } from 'react-router-dom';
import { AppNav } from './app_nav';
import { DETAIL_PAGES } from './detail_pages';
import { DEFAULT_PAGE, PAGES } from './pages';
import { useBreadcrumbs } from './use_breadcrumbs';

export function App() {
  const location = useLocation();
  const detail = DETAIL_PAGES.find((page) => matchPath(location.pathname, { path: page.path, exact: true }));
  const current = detail
    ? PAGES.find((page) => page.id === detail.parentId)
    : PAGES.find((page) => matchPath(location.pathname, { path: page.path }));
  // A detail page names itself in the breadcrumbs; the shell must not overwrite that.
  useBreadcrumbs(detail ? null : current?.title);

  return (
    // Names, ids and descriptions are user data without spaces as often as not (snake_case names,
    // 20-character ids): any text may break where it must, and the page body may shrink below
    // its content's width, so nothing pushes the page (and its buttons) past the window.
    <EuiPage data-test-subj="mlModelsApp" style={{ overflowWrap: 'anywhere' }}>
      <EuiPageSideBar>
        <AppNav pages={PAGES} current={current} />
      </EuiPageSideBar>
      <EuiPageBody component="main" style={{ minWidth: 0 }}>
        <EuiPageContent data-test-subj={detail ? `page-${detail.parentId}-detail` : current ? `page-${current.id}` : undefined}>
          <Switch>
            {DETAIL_PAGES.map((page) => (
              <Route key={page.path} exact path={page.path} component={page.component} />
            ))}
            {PAGES.map((page) => (
              <Route key={page.id} path={page.path} component={page.component} />
            ))}
            <Redirect to={DEFAULT_PAGE.path} />
          </Switch>
        </EuiPageContent>
      </EuiPageBody>
    </EuiPage>
  );
}
