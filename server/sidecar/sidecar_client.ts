import { ChildProcess, fork } from 'child_process';
import { ORT_NO_TELEMETRY_ENV } from './ort_env';
import path from 'path';
import type { Logger } from '../../types/osd';
import { NativeError } from './native_error';
import type { Job, JobResult, Reply, SidecarRequest, SidecarSettings, SidecarStatusReply } from './protocol';

export interface SidecarClientOptions {
  settings: SidecarSettings;
  logger: Logger;
  /** Requests admitted at once (waiting + running); beyond it callers get 429. */
  maxQueue: number;
  requestTimeoutMs: number;
  /** The compiled sidecar entry; by default `sidecar_main.js` beside this file. */
  entry?: string;
  /** First restart delay after a crash, doubled per consecutive crash up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

interface InFlight {
  resolve(v: unknown): void;
  reject(e: Error): void;
  timer?: NodeJS.Timeout;
}

/** A sidecar that stayed up this long is healthy again: the backoff starts over. */
const STABLE_MS = 30000;

/**
 * The Dashboards server's side of the sidecar: forks it on first use (with the server's own
 * Node, `process.execPath`), sends requests over IPC, bounds how many are admitted, times each one
 * out, and when the process dies fails what was in flight with 503 and starts a new one after a
 * growing delay. One that fails to start (exits, or cannot be spawned, before it is ready) is
 * started again only by the first request after that delay; requests before it are refused at once.
 * Nothing the sidecar does can throw in the server: every failure is a NativeError.
 */
export class SidecarClient {
  private child?: ChildProcess;
  private starting?: Promise<ChildProcess>;
  /** Every forked process not yet exited, ready or not: stop() ends them all. */
  private readonly children = new Set<ChildProcess>();
  /** Runs a pending delayed restart now (stop() uses it to settle its waiters). */
  private restartNow?: () => void;
  private readonly inFlight = new Map<number, InFlight>();
  private nextId = 1;
  private admitted = 0;
  private crashes = 0;
  private startedAt = 0;
  /** Start attempts so far: every one after the first counts as a restart. */
  private launches = 0;
  /** After a start that never became ready, no request starts the next one before then. */
  private nextStartAt = 0;
  /** Why that start failed (exit code, signal or spawn error), for the requests refused meanwhile. */
  private startFailure?: string;
  private restartTimer?: NodeJS.Timeout;
  private stopped = false;
  restarts = 0;
  lastExit?: string;

  constructor(private readonly opts: SidecarClientOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starting again (after a crash, or on first use): requests arriving now wait for it. */
  get startingNow(): boolean {
    return !this.stopped && !!this.starting;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  get queueLength(): number {
    return this.admitted;
  }

  /** Runs a predict or inspect job in the sidecar. */
  async run<T extends JobResult>(job: Job): Promise<T> {
    if (this.admitted >= this.opts.maxQueue) {
      throw new NativeError(429, 'queue_full', `Native inference is busy: ${this.admitted} requests are waiting or running (limit ${this.opts.maxQueue}). Retry shortly.`);
    }
    this.admitted++;
    try {
      return (await this.request({ type: 'job', job }, this.opts.requestTimeoutMs)) as T;
    } finally {
      this.admitted--;
    }
  }

  /** The sidecar's own status, or undefined when it is not running (status never starts it). */
  async status(): Promise<SidecarStatusReply | undefined> {
    if (!this.running) return undefined;
    return (await this.request({ type: 'status' }, 5000)) as SidecarStatusReply;
  }

  private async request(msg: { type: 'job'; job: Job } | { type: 'status' }, timeoutMs: number): Promise<unknown> {
    if (this.stopped) throw new NativeError(503, 'sidecar_stopped', 'Native inference is shutting down');
    const id = this.nextId++;
    const deadline = Date.now() + timeoutMs;
    const child = await this.withTimeout(this.ensureStarted(), timeoutMs);
    return new Promise((resolve, reject) => {
      const entry: InFlight = { resolve, reject };
      entry.timer = setTimeout(() => {
        this.inFlight.delete(id);
        this.send(child, { id: this.nextId++, type: 'cancel', target: id });
        reject(new NativeError(504, 'timeout', `Native inference did not answer within ${timeoutMs} ms`));
      }, Math.max(1, deadline - Date.now()));
      this.inFlight.set(id, entry);
      if (!this.send(child, { id, ...msg } as SidecarRequest)) {
        clearTimeout(entry.timer);
        this.inFlight.delete(id);
        reject(new NativeError(503, 'sidecar_unavailable', 'The native inference process is not reachable; it is being restarted. Retry shortly.'));
      }
    });
  }

  private withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new NativeError(503, 'sidecar_unavailable', `The native inference process did not start within ${ms} ms`)), ms);
      p.then(
        (v) => (clearTimeout(t), resolve(v)),
        (e) => (clearTimeout(t), reject(e))
      );
    });
  }

  private send(child: ChildProcess, msg: SidecarRequest): boolean {
    if (!child.connected) return false;
    try {
      child.send(msg);
      return true;
    } catch {
      return false;
    }
  }

  private ensureStarted(): Promise<ChildProcess> {
    if (this.child && this.child.connected) return Promise.resolve(this.child);
    if (this.starting) return this.starting;
    // Waiting out the delay (up to 30 s) only to fail the same way most likely tells a user
    // nothing: a quick answer with the reason does, and retrying later is their call.
    const wait = this.nextStartAt - Date.now();
    if (wait > 0) {
      return Promise.reject(
        new NativeError(
          503,
          'sidecar_unavailable',
          `The native inference process failed to start (${this.startFailure}). It is tried again by the first native request in ${Math.ceil(wait / 1000)} s or later.`
        )
      );
    }
    this.starting = this.launch(0);
    return this.starting;
  }

  /**
   * One start attempt, after `delayMs`. It is `starting` until it settles, and only it clears
   * that: a failed attempt whose exit already scheduled the next one must not forget the next one
   * (a second request would then fork a second sidecar).
   */
  private launch(delayMs: number): Promise<ChildProcess> {
    if (this.launches++ > 0) this.restarts++;
    const attempt: Promise<ChildProcess> = new Promise<ChildProcess>((resolve, reject) => {
      const go = () => {
        clearTimeout(this.restartTimer);
        this.restartTimer = undefined;
        this.restartNow = undefined;
        if (this.stopped) return reject(new NativeError(503, 'sidecar_stopped', 'Native inference is shutting down'));
        this.start().then(resolve, reject);
      };
      if (delayMs <= 0) return go();
      this.restartTimer = setTimeout(go, delayMs);
      this.restartNow = go;
    }).finally(() => {
      if (this.starting === attempt) this.starting = undefined;
    });
    // Nobody may be waiting on it yet: an unhandled rejection must not reach the server.
    attempt.catch(() => undefined);
    return attempt;
  }

  private start(): Promise<ChildProcess> {
    return new Promise((resolve, reject) => {
      const entry = this.opts.entry || path.join(__dirname, 'sidecar_main.js');
      let child: ChildProcess;
      try {
        child = fork(entry, [], {
          execPath: process.execPath,
          // Workers and the ORT native code are inside the child; nothing inherits the server's flags.
          execArgv: [],
          serialization: 'advanced',
          stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
          env: { ...process.env, ...ORT_NO_TELEMETRY_ENV, MLM_NATIVE_SETTINGS: JSON.stringify(this.opts.settings) },
        });
      } catch (err) {
        reject(new NativeError(503, 'sidecar_unavailable', `The native inference process could not start: ${(err as Error).message}`));
        this.startFailed((err as Error).message);
        return;
      }
      this.children.add(child);
      const log = (level: 'warn' | 'error') => (b: Buffer) => {
        const text = b.toString('utf8').trim();
        if (text) this.opts.logger[level](`native sidecar: ${text}`);
      };
      child.stdout?.on('data', log('warn'));
      child.stderr?.on('data', log('error'));
      let ready = false;
      // A spawn error may or may not be followed by an exit: the start fails, and backs off, once.
      let failed = false;
      child.on('message', (reply: Reply<unknown>) => {
        if (!ready && reply.id === 0) {
          ready = true;
          if (this.stopped) {
            child.kill('SIGKILL');
            reject(new NativeError(503, 'sidecar_stopped', 'Native inference is shutting down'));
            return;
          }
          this.child = child;
          this.startedAt = Date.now();
          this.opts.logger.info(`native sidecar started (pid ${child.pid})`);
          resolve(child);
          return;
        }
        const p = this.inFlight.get(reply.id);
        if (!p) return;
        this.inFlight.delete(reply.id);
        clearTimeout(p.timer);
        if (reply.ok) p.resolve(reply.result);
        else p.reject(NativeError.fromFailure(reply.error));
      });
      child.on('error', (err) => {
        this.opts.logger.error(`native sidecar: ${err.message}`);
        if (ready || failed) return;
        failed = true;
        // No process was made (e.g. ENOENT): no exit will come to forget it.
        if (child.pid === undefined) this.children.delete(child);
        reject(new NativeError(503, 'sidecar_unavailable', `The native inference process could not start: ${err.message}`));
        this.startFailed(err.message);
      });
      child.on('exit', (code, signal) => {
        if (!failed) return this.onExit(child, ready, code, signal, reject);
        this.children.delete(child);
      });
    });
  }

  private onExit(child: ChildProcess, ready: boolean, code: number | null, signal: NodeJS.Signals | null, rejectStart: (e: Error) => void) {
    const why = signal ? `signal ${signal}` : `exit code ${code}`;
    this.children.delete(child);
    if (this.child !== child && ready) return; // stopped before it took over; nothing was sent to it
    this.lastExit = `${new Date().toISOString()} ${why}`;
    if (this.child === child) this.child = undefined;
    if (!ready) rejectStart(new NativeError(503, 'sidecar_unavailable', `The native inference process stopped while starting (${why})`));
    const failed = Array.from(this.inFlight.values());
    this.inFlight.clear();
    for (const p of failed) {
      clearTimeout(p.timer);
      p.reject(
        this.stopped
          ? new NativeError(503, 'sidecar_stopped', 'Native inference is shutting down')
          : new NativeError(503, 'sidecar_crashed', `The native inference process stopped (${why}) while handling this request. It restarts automatically; retry shortly.`)
      );
    }
    if (!ready) return this.startFailed(why);
    if (this.stopped) return;
    this.opts.logger.warn(`native sidecar stopped (${why}); ${failed.length} request(s) failed`);
    if (Date.now() - this.startedAt > STABLE_MS) this.crashes = 0;
    const delay = this.backoff();
    // A request that came between the channel closing and this exit already started the next
    // one: a second start here would leave one of the two running, unused, until the plugin stops.
    if (this.starting) return;
    // Restart eagerly so the next request finds it ready; until then requests wait for it.
    this.starting = this.launch(delay);
  }

  /** The delay before the next start: doubled per consecutive failure, up to `maxBackoffMs`. */
  private backoff(): number {
    const delay = Math.min(this.opts.maxBackoffMs ?? 30000, (this.opts.backoffMs ?? 250) * 2 ** this.crashes);
    this.crashes++;
    return delay;
  }

  /**
   * A start that never became ready. Whatever stopped it (a broken install, a missing native
   * library) most likely stops the next one too: forking again with nobody asking would go on
   * forever. Requests before `nextStartAt` are refused with `why`; the first one after starts it.
   */
  private startFailed(why: string) {
    if (this.stopped) return;
    const delay = this.backoff();
    this.startFailure = why;
    this.nextStartAt = Date.now() + delay;
    this.opts.logger.warn(`native sidecar failed to start (${why}); the first native request in ${Math.ceil(delay / 1000)} s or later starts it again`);
  }

  /** Stops the sidecar with the plugin; in-flight requests fail with 503. */
  async stop(): Promise<void> {
    this.stopped = true;
    // A pending restart runs now, sees `stopped`, and fails whoever waits for it.
    this.restartNow?.();
    // Starting ones too: a sidecar still loading must not outlive the plugin.
    await Promise.all(
      Array.from(this.children, (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return undefined;
        return new Promise<void>((resolve) => {
          const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
          child.once('exit', () => (clearTimeout(kill), resolve()));
          // Closing the channel asks the sidecar to finish; SIGKILL if it does not.
          if (child.connected) child.disconnect();
          else child.kill('SIGTERM');
        });
      })
    );
  }
}
