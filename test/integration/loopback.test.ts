import { commandLine, isLoopback, listenerPid, listeningSockets } from '../support/proc_sockets';
import { HOST, OPENSEARCH } from './helpers';

/**
 * Nothing the suite runs may be reachable from, or reach, another machine: the processes it
 * talks to listen on loopback only, and ML Commons' DJL never goes online for models or tracking.
 */
describe('the processes under test stay on this machine', () => {
  const portOf = (url: string) => Number(new URL(url).port);

  it('OpenSearch listens on loopback only (HTTP and transport), its JVM with DJL offline and tracking opted out', () => {
    const pid = listenerPid(portOf(OPENSEARCH()));
    expect(pid).toBeDefined();
    const cmd = commandLine(pid as number);
    expect(cmd).toContain('org.opensearch.bootstrap.OpenSearch');
    expect(cmd).toContain('-Dai.djl.offline=true');
    expect(cmd).toContain('-DOPT_OUT_TRACKING=true');
    const sockets = listeningSockets(pid as number);
    // HTTP and transport at least: finding fewer would mean the lookup itself is broken.
    expect(sockets.length).toBeGreaterThanOrEqual(2);
    expect(sockets.filter((s) => !isLoopback(s.localAddress)).map((s) => `${s.localAddress}:${s.localPort}`)).toEqual([]);
  });

  it('the Dashboards host serving the plugin listens on loopback only', () => {
    const pid = listenerPid(portOf(HOST()));
    expect(pid).toBeDefined();
    const sockets = listeningSockets(pid as number);
    expect(sockets.length).toBeGreaterThanOrEqual(1);
    expect(sockets.filter((s) => !isLoopback(s.localAddress)).map((s) => `${s.localAddress}:${s.localPort}`)).toEqual([]);
  });
});
