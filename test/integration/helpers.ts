import { promises as fs, createReadStream } from 'fs';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { CHUNK_SIZE_BYTES } from '../../common/constants';
import { TERMINAL_TASK_STATES } from '../../common/ml_commons';
import { routePath, RouteName } from '../../common/routes';
import type { Model, Task } from '../../common/types';
import { chunkCount, chunkRange } from '../../common/upload';
import { versionBefore } from '../../common/validators';
import { commandLine, peerPid } from '../support/proc_sockets';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const fixtures = require('../../scripts/fixtures/fixtures.cjs');

export interface Fixture {
  name: string;
  sha256: string;
  size_bytes: number;
  function_name: string;
  model_format: 'ONNX' | 'TORCH_SCRIPT';
  /** Absent for sparse encoders: they need none, and 3.x cannot deploy one that has it. */
  model_config?: Record<string, unknown>;
  zipPath: string;
}
export const loadFixture = (name: string): Fixture => fixtures.loadFixture(name);

export const HOST = () => {
  const url = process.env.MLM_URL;
  if (!url) throw new Error('MLM_URL is not set: run through the integration jest project');
  return url;
};
export const OPENSEARCH = () => process.env.OPENSEARCH_URL as string;

/** The cluster's OpenSearch version ("2.19.6", "3.6.0"), read once by the global setup. */
export const CLUSTER_VERSION = process.env.MLM_OPENSEARCH_VERSION as string;
/** Whether the cluster is at least major.minor. */
export const clusterAtLeast = (major: number, minor: number): boolean => !versionBefore(CLUSTER_VERSION, major, minor);

/** Someone the cluster knows (Security plugin): sent as HTTP Basic. */
export interface Credentials {
  username: string;
  password: string;
}
const basic = (c: Credentials) => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;

export interface ApiResult<T = any> {
  status: number;
  body: T;
}

/** Calls the plugin's own HTTP route, as the browser's core.http would. */
export async function api<T = any>(
  method: string,
  route: RouteName,
  params: Record<string, string | number> = {},
  init: { query?: Record<string, string | number>; body?: unknown; raw?: Buffer; user?: Credentials } = {}
): Promise<ApiResult<T>> {
  const url = new URL(routePath(route, params), HOST());
  for (const [k, v] of Object.entries(init.query || {})) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = { 'osd-xsrf': 'integration-test' };
  if (init.user) headers.authorization = basic(init.user);
  let body: BodyInit | undefined;
  if (init.raw) {
    headers['content-type'] = 'application/octet-stream';
    body = init.raw as unknown as BodyInit;
  } else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** As api(), but fails the test with the server's message unless the answer is 200. */
export async function ok<T = any>(...args: Parameters<typeof api>): Promise<T> {
  const res = await api<T>(...args);
  if (res.status !== 200) throw new Error(`${args[0]} ${args[1]} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 180000, everyMs = 1000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    last = await fn();
    if (last !== undefined) return last as T;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

export function waitForTask(taskId: string, timeoutMs?: number, user?: Credentials): Promise<Task> {
  return until(`task ${taskId}`, async () => {
    const task = await ok<Task>('GET', 'task', { taskId }, { user });
    return TERMINAL_TASK_STATES.includes(task.state as never) ? task : undefined;
  }, timeoutMs);
}

export function waitForModelState(modelId: string, states: string[], timeoutMs?: number, user?: Credentials): Promise<Model> {
  return until(`model ${modelId} in ${states.join('|')}`, async () => {
    const model = await ok<Model>('GET', 'model', { modelId }, { user });
    return states.includes(model.model_state as string) ? model : undefined;
  }, timeoutMs);
}

/** A loopback HTTP server that serves one file, for ML Commons' URL registration. */
export async function serveFile(file: string): Promise<{ url: string; close(): Promise<void>; hits: () => number; downloaders: () => string[] }> {
  let hits = 0;
  const downloaders: string[] = [];
  const server: Server = createServer((req, res) => {
    hits++;
    const pid = peerPid(req.socket.localPort as number, req.socket.remotePort as number);
    downloaders.push(pid ? commandLine(pid) : 'a process not visible here');
    res.writeHead(200, { 'content-type': 'application/zip' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/model.zip`, hits: () => hits, downloaders: () => [...downloaders], close: () => new Promise((r) => server.close(() => r())) };
}

/** Register meta, then every chunk in order, through the plugin's routes. */
export async function uploadInChunks(fixture: Fixture, extra: Record<string, unknown>, user?: Credentials): Promise<{ modelId: string; chunks: number }> {
  const total = chunkCount(fixture.size_bytes);
  const meta = await ok<{ model_id: string }>('POST', 'modelRegisterMeta', {}, {
    body: {
      name: `${fixture.name}-${Date.now()}`,
      function_name: fixture.function_name,
      model_format: fixture.model_format,
      model_content_hash_value: fixture.sha256,
      model_content_size_in_bytes: fixture.size_bytes,
      total_chunks: total,
      model_config: fixture.model_config,
      ...extra,
    },
    user,
  });
  const zip = await fs.readFile(fixture.zipPath);
  for (let n = 0; n < total; n++) {
    const { start, end } = chunkRange(n, zip.length);
    expect(end - start).toBeLessThanOrEqual(CHUNK_SIZE_BYTES);
    await ok('POST', 'modelUploadChunk', { modelId: meta.model_id, chunkNumber: n }, { raw: zip.subarray(start, end), user });
  }
  return { modelId: meta.model_id, chunks: total };
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return dot / Math.sqrt(na * nb);
}

export const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

/** The cluster's admin when it runs the Security plugin (set by the global setup), else undefined. */
export function clusterAdmin(): Credentials | undefined {
  const admin = process.env.MLM_OPENSEARCH_ADMIN;
  if (!admin) return undefined;
  const at = admin.indexOf(':');
  return { username: admin.slice(0, at), password: admin.slice(at + 1) };
}

/** Straight to OpenSearch, as `user` (by default the cluster's admin, if it has one). */
export async function opensearchCall<T = any>(method: string, path: string, init: { body?: unknown; user?: Credentials } = {}): Promise<ApiResult<T>> {
  const user = init.user ?? clusterAdmin();
  const res = await fetch(`${OPENSEARCH()}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(user ? { authorization: basic(user) } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Straight to OpenSearch, to check what the plugin must hide (e.g. chunk documents). */
export async function opensearch<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  return (await opensearchCall<T>(method, path, { body })).body;
}
