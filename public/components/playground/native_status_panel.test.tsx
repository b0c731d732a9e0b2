import { fireEvent, screen, waitFor } from '@testing-library/react';
import React from 'react';
import { routePath } from '../../../common/routes';
import type { NativeStatus } from '../../../common/types';
import { createFakeHttp, httpError } from '../../../test/mocks/public_http';
import { renderWithServices } from '../../../test/mocks/public_render';
import { NativeStatusPanel } from './native_status_panel';

const STATUS = routePath('nativeStatus');
const SHA = 'c'.repeat(64);
const RUNNING: NativeStatus = {
  enabled: true,
  running: true,
  starting: false,
  pid: 4242,
  restarts: 1,
  worker_restarts: 0,
  last_exit: 'killed by SIGKILL',
  rss_bytes: 400 * 1048576,
  workers: 1,
  models: [{ sha256: SHA, format: 'ONNX', worker: 0, loaded_at: '2026-11-26T10:00:00Z', last_used_at: '2026-11-26T10:05:00Z', predictions: 12, load_ms: 1100, rss_delta_bytes: 320 * 1048576 }],
  queue: { waiting: 2, in_flight: 3, max: 64 },
  cache: { dir: '/tmp/x', bytes: 5 * 1048576, max_bytes: 10 * 1073741824, entries: 2 },
  zip_limit: { bytes: 1073741824, setting: 'ml_models.native.maxZipBytes' },
};

describe('NativeStatusPanel', () => {
  it('asks nothing until opened, then shows the process, restarts, queue, cache and loaded models', async () => {
    const http = createFakeHttp({ get: { [STATUS]: RUNNING } });
    renderWithServices(<NativeStatusPanel />, { http });
    expect(http.get).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('Native inference on this Dashboards server'));
    expect(await screen.findByTestId('nativeStatusState')).toHaveTextContent('Running (process 4242, 1 worker thread, 400.0 MiB resident).');
    expect(screen.getByTestId('nativeStatusRestarts')).toHaveTextContent('1 of the process, 0 of worker threads; last exit: killed by SIGKILL');
    expect(screen.getByTestId('nativeStatusQueue')).toHaveTextContent('3 admitted (2 waiting) of at most 64');
    expect(screen.getByTestId('nativeStatusCache')).toHaveTextContent('2 zips, 5.0 MiB of 10.0 GiB');
    expect(screen.getByTestId(`nativeLoaded-${SHA}`)).toHaveTextContent('12');
    fireEvent.click(screen.getByTestId('nativeStatusRefresh'));
    await waitFor(() => expect(http.get).toHaveBeenCalledTimes(2));
  });

  it('says when the sidecar has not started yet', async () => {
    const http = createFakeHttp({ get: { [STATUS]: { ...RUNNING, running: false, pid: undefined, rss_bytes: undefined, models: [] } } });
    renderWithServices(<NativeStatusPanel />, { http });
    fireEvent.click(screen.getByText('Native inference on this Dashboards server'));
    expect(await screen.findByTestId('nativeStatusState')).toHaveTextContent('Not running: it starts with the first native inspect or prediction.');
    expect(screen.getByText('None: a model loads on its first native prediction.')).toBeInTheDocument();
  });

  it('says when the sidecar is restarting after it stopped (not "starts with the first request")', async () => {
    const http = createFakeHttp({ get: { [STATUS]: { ...RUNNING, running: false, starting: true, pid: undefined, rss_bytes: undefined, models: [] } } });
    renderWithServices(<NativeStatusPanel />, { http });
    fireEvent.click(screen.getByText('Native inference on this Dashboards server'));
    expect(await screen.findByTestId('nativeStatusState')).toHaveTextContent('Restarting after it stopped; requests wait for it.');
  });

  it('says when native inference is turned off on this server', async () => {
    const http = createFakeHttp({ get: { [STATUS]: { ...RUNNING, enabled: false, running: false, models: [] } } });
    renderWithServices(<NativeStatusPanel />, { http });
    fireEvent.click(screen.getByText('Native inference on this Dashboards server'));
    expect(await screen.findByTestId('nativeStatusState')).toHaveTextContent('Disabled on this Dashboards server (ml_models.native.enabled: false).');
  });

  it("shows the server's reason when the status cannot be read", async () => {
    const http = createFakeHttp({ get: { [STATUS]: httpError(500, 'EACCES: permission denied, scandir /var/lib/osd/ml_models_native') } });
    renderWithServices(<NativeStatusPanel />, { http });
    fireEvent.click(screen.getByText('Native inference on this Dashboards server'));
    expect(await screen.findByTestId('nativeStatusError-message')).toHaveTextContent('EACCES: permission denied');
  });
});
