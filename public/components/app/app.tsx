import { EuiPage, EuiPageBody, EuiPageContent, EuiPageSideBar } from '@elastic/eui';
import React from 'react';
import { matchPath, Redirect, Route, Switch, useLocation } from 'react-router-dom';
import { AppNav } from './app_nav';
import { DEFAULT_PAGE, PAGES } from './pages';
import { useBreadcrumbs } from './use_breadcrumbs';

export function App() {
  const location = useLocation();
  const current = PAGES.find((page) => matchPath(location.pathname, { path: page.path }));
  useBreadcrumbs(current?.title);

  return (
    <EuiPage data-test-subj="mlModelsApp">
      <EuiPageSideBar>
        <AppNav pages={PAGES} current={current} />
      </EuiPageSideBar>
      <EuiPageBody component="main">
        <EuiPageContent data-test-subj={current ? `page-${current.id}` : undefined}>
          <Switch>
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
