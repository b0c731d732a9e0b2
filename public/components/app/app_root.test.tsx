import { act, render, screen, waitFor } from '@testing-library/react';
import { createMemoryHistory } from 'history';
import React from 'react';
import { routePath } from '../../../common/routes';
import { model, page, READY } from '../../../test/mocks/public_fixtures';
import { createFakeHttp } from '../../../test/mocks/public_http';
import { createFakeServices } from '../../../test/mocks/public_render';
import type { CoreStartPublic, DataSourceMenuProps, DataSourceOption, HttpFetchOptions } from '../../../types/osd';
import { LeaveGuard } from '../../lib/leave_guard';
import { AppRoot } from './app_root';

/**
 * Stands in for OSD's DataSourceSelectable at the plugin boundary: it answers once on mount with
 * its active option (or the default it was given), as the real one does, and can be driven.
 */
function fakePicker(initial: DataSourceOption[]) {
  const seen: Array<DataSourceMenuProps['componentConfig']> = [];
  let select: (ds: DataSourceOption[]) => void = () => undefined;
  let mounts = 0;
  function Menu({ componentConfig }: DataSourceMenuProps) {
    seen.push(componentConfig);
    select = componentConfig.onSelectedDataSources;
    React.useEffect(() => {
      mounts++;
      componentConfig.onSelectedDataSources(componentConfig.activeOption ?? initial);
      // eslint-disable-next-line react-hooks/exhaustive-deps
    }, []);
    return <div data-test-subj="fakePicker" />;
  }
  return { Menu, seen, select: (ds: DataSourceOption[]) => act(() => select(ds)), mounts: () => mounts };
}

function setup(picker?: ReturnType<typeof fakePicker>, confirm = jest.fn(() => false), path = '/models') {
  const http = createFakeHttp({
    get: {
      [routePath('models')]: (_p: string, o?: HttpFetchOptions) => page([model({ id: `m-${(o?.query?.data_source_id as string) ?? 'local'}`, name: `from ${(o?.query?.data_source_id as string) ?? 'local'}` })]),
      [routePath('readiness')]: READY,
      [routePath('nativeStatus')]: { enabled: true },
    },
  });
  const { services } = createFakeServices(http);
  const core = { http, notifications: services.notifications, chrome: services.chrome } as unknown as CoreStartPublic;
  const leaveGuard = new LeaveGuard();
  const history = createMemoryHistory({ initialEntries: [path] });
  render(<AppRoot core={core} history={history} leaveGuard={leaveGuard} picker={picker && { Menu: picker.Menu, savedObjects: 'client' }} confirm={confirm} />);
  // The Models page searches twice (its table and abandoned uploads): each data source once per page load.
  const modelQueries = () => [...new Set(http.get.mock.calls.filter(([p]) => p === routePath('models')).map(([, o]) => o?.query?.data_source_id))];
  return { http, leaveGuard, confirm, modelQueries, history };
}

describe('AppRoot', () => {
  it('without multiple data sources, talks to the local cluster and shows no picker', async () => {
    const { modelQueries } = setup();
    expect(await screen.findByText('from local')).toBeInTheDocument();
    expect(screen.queryByTestId('fakePicker')).not.toBeInTheDocument();
    expect(modelQueries()).toEqual([undefined]);
  });

  it('waits for the picker, then sends its data source with every cluster call (not native ones)', async () => {
    const picker = fakePicker([{ id: 'ds-1', label: 'remote' }]);
    const { http, modelQueries } = setup(picker);
    expect(await screen.findByText('from ds-1')).toBeInTheDocument();
    // Nothing went out before the picker answered: every models call names ds-1.
    expect(modelQueries()).toEqual(['ds-1']);
    expect(picker.seen[0]).toMatchObject({ savedObjects: 'client', fullWidth: false });
    expect(picker.seen[0].dataSourceFilter?.({ id: 'x', attributes: { dataSourceVersion: '2.19.1', installedPlugins: ['opensearch-ml'] } })).toBe(true);
    const native = http.get.mock.calls.filter(([p]) => p.startsWith('/api/ml-models/native'));
    expect(native.every(([, o]) => o?.query?.data_source_id === undefined)).toBe(true);
  });

  it('reloads every page against another choice; the local cluster is the empty id', async () => {
    const picker = fakePicker([{ id: 'ds-1', label: 'remote' }]);
    const { modelQueries } = setup(picker);
    await screen.findByText('from ds-1');
    picker.select([{ id: '', label: 'Local cluster' }]);
    expect(await screen.findByText('from local')).toBeInTheDocument();
    expect(screen.queryByText('from ds-1')).not.toBeInTheDocument();
    expect(modelQueries()).toEqual(['ds-1', undefined]);
  });

  it("starts another cluster on the Models list: ids in the URL (a model's page, a group filter) were the previous cluster's", async () => {
    const picker = fakePicker([{ id: 'ds-1', label: 'remote' }]);
    const { history } = setup(picker, jest.fn(() => false), '/models?group=g-of-ds-1&q=x');
    await screen.findByText('from ds-1');
    expect(history.location.search).toBe('?group=g-of-ds-1&q=x');
    picker.select([{ id: '', label: 'Local cluster' }]);
    await screen.findByText('from local');
    expect([history.location.pathname, history.location.search]).toEqual(['/models', '']);
  });

  it('says so, and fetches nothing, when the picker has no data source to offer', async () => {
    const picker = fakePicker([]);
    const { modelQueries } = setup(picker);
    expect(await screen.findByTestId('noDataSource')).toBeInTheDocument();
    expect(modelQueries()).toEqual([]);
  });

  it('asks before switching while a registration would be lost; refused, it stays and the picker shows the current choice again', async () => {
    const picker = fakePicker([{ id: 'ds-1', label: 'remote' }]);
    const { leaveGuard, confirm, modelQueries } = setup(picker);
    await screen.findByText('from ds-1');
    leaveGuard.message = 'Upload running';
    picker.select([{ id: 'ds-2', label: 'other' }]);
    expect(confirm).toHaveBeenCalledWith('Upload running');
    await waitFor(() => expect(picker.mounts()).toBe(2));
    expect(picker.seen[picker.seen.length - 1].activeOption).toEqual([{ id: 'ds-1', label: 'remote' }]);
    expect(screen.getByText('from ds-1')).toBeInTheDocument();
    expect(modelQueries()).toEqual(['ds-1']);
    confirm.mockReturnValue(true);
    picker.select([{ id: 'ds-2', label: 'other' }]);
    expect(await screen.findByText('from ds-2')).toBeInTheDocument();
  });
});
