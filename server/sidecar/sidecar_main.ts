/**
 * Entry of the sidecar process, forked by the Dashboards server with an IPC channel (no port is
 * opened). It only routes: jobs go to the worker pool, status is answered at once. If the server
 * goes away the channel closes and the sidecar exits with it.
 */
import { toFailure } from './native_error';
import type { Reply, SidecarRequest, SidecarSettings, SidecarStatusReply } from './protocol';
import { WorkerPool } from './worker_pool';

const settings = JSON.parse(process.env.MLM_NATIVE_SETTINGS || '{}') as SidecarSettings;
const pool = new WorkerPool(settings);

function send(reply: Reply<unknown>) {
  if (process.connected) process.send?.(reply);
}

process.on('message', (msg: SidecarRequest) => {
  if (msg.type === 'cancel') return pool.cancel(msg.target);
  if (msg.type === 'status') {
    const result: SidecarStatusReply = { pid: process.pid, rss_bytes: process.memoryUsage().rss, ...pool.status() };
    return send({ id: msg.id, ok: true, result });
  }
  pool.submit(msg.id, msg.job).then(
    (result) => send({ id: msg.id, ok: true, result }),
    (err) => send({ id: msg.id, ok: false, error: toFailure(err) })
  );
});

process.on('disconnect', () => {
  pool.close().finally(() => process.exit(0));
});

// A bug here must not leave a half-working process: exit, and the server restarts it.
process.on('uncaughtException', (err) => {
  process.stderr.write(`native sidecar: ${err.stack || err.message}\n`);
  process.exit(70);
});

send({ id: 0, ok: true, result: 'ready' });
