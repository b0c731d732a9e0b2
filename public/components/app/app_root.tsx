import { EuiCallOut, EuiLoadingSpinner, EuiPage, EuiPageBody } from '@elastic/eui';
import type { History } from 'history';
import React, { useCallback, useMemo, useRef, useState } from 'react';
import { Router } from 'react-router-dom';
import type { CoreStartPublic, DataSourceMenuProps, DataSourceOption } from '../../../types/osd';
import { createApis } from '../../apis';
import { isCompatibleDataSource } from '../../lib/data_source';
import type { LeaveGuard } from '../../lib/leave_guard';
import { AppServices, ServicesContext } from '../../services';
import { App } from './app';
import { DEFAULT_PAGE } from './pages';

/** OSD's data-source picker, present when multiple data sources are enabled. */
export interface DataSourcePicker {
  Menu: React.ComponentType<DataSourceMenuProps>;
  savedObjects: unknown;
  setMenuMountPoint?: (menuMount: unknown) => void;
}

interface Props {
  core: CoreStartPublic;
  history: History;
  leaveGuard: LeaveGuard;
  picker?: DataSourcePicker;
  confirm?: (message: string) => boolean;
}

/** Until the picker has answered, nothing is fetched: the default cluster may not be the local one. */
type Choice = { state: 'choosing' } | { state: 'none' } | { state: 'chosen'; option: DataSourceOption };
const LOCAL: DataSourceOption = { id: '' };

/**
 * The app with its services, for the chosen cluster. With multiple data sources, OSD's picker in
 * the header chooses it; another choice starts over on the Models list and remounts every page
 * against it (nothing of the previous cluster stays on screen, not even an id in the URL), after
 * confirming when leaving would break running work.
 */
export function AppRoot({ core, history, leaveGuard, picker, confirm = (m) => window.confirm(m) }: Props) {
  const [choice, setChoice] = useState<Choice>(picker ? { state: 'choosing' } : { state: 'chosen', option: LOCAL });
  // A refused switch remounts the picker on the current choice, so it shows what the pages use.
  const [pickerKey, setPickerKey] = useState(0);
  const dataSourceId = choice.state === 'chosen' ? choice.option.id || undefined : undefined;
  const services: AppServices = useMemo(
    () => ({ apis: createApis(core.http, dataSourceId), notifications: core.notifications, chrome: core.chrome, leaveGuard }),
    [core, dataSourceId, leaveGuard]
  );

  const current = useRef(choice);
  current.current = choice;
  const onSelected = useCallback(
    (selected: DataSourceOption[]) => {
      const now = current.current;
      const next: Choice = selected.length ? { state: 'chosen', option: selected[0] } : { state: 'none' };
      if (next.state === now.state && (next.state !== 'chosen' || (now.state === 'chosen' && now.option.id === next.option.id))) return;
      if (now.state === 'chosen') {
        if (leaveGuard.message && !confirm(leaveGuard.message)) {
          setPickerKey((k) => k + 1);
          return;
        }
        // Ids in the path or query (a model, a group filter) belong to the previous cluster: start
        // over on the Models list. Already confirmed, so the guard must not ask again.
        leaveGuard.message = undefined;
        history.replace({ pathname: DEFAULT_PAGE.path, search: '' });
      }
      setChoice(next);
    },
    [confirm, leaveGuard, history]
  );

  return (
    <ServicesContext.Provider value={services}>
      <Router history={history}>
        {picker && (
          <picker.Menu
            key={pickerKey}
            componentType="DataSourceSelectable"
            componentConfig={{
              savedObjects: picker.savedObjects,
              notifications: core.notifications,
              fullWidth: false,
              activeOption: choice.state === 'chosen' ? [choice.option] : undefined,
              dataSourceFilter: isCompatibleDataSource,
              onSelectedDataSources: onSelected,
            }}
            setMenuMountPoint={picker.setMenuMountPoint}
          />
        )}
        {choice.state === 'chosen' ? (
          <App key={dataSourceId ?? 'local'} />
        ) : (
          <EuiPage data-test-subj="dataSourcePending">
            <EuiPageBody component="main">
              {choice.state === 'choosing' ? (
                <EuiLoadingSpinner size="l" aria-label="Choosing the data source" />
              ) : (
                <EuiCallOut title="No data source to work with" color="warning" iconType="alert" data-test-subj="noDataSource">
                  <p>
                    Choose one in the header. It offers the local cluster, if shown, and the data sources whose OpenSearch version this
                    plugin supports and that run ML Commons (opensearch-ml).
                  </p>
                </EuiCallOut>
              )}
            </EuiPageBody>
          </EuiPage>
        )}
      </Router>
    </ServicesContext.Provider>
  );
}
