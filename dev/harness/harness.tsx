/**
 * Browser side of the standalone host: the core services the app uses (application mount, http
 * with the xsrf header, notifications, chrome breadcrumbs) and an `__osdBundles__` registry,
 * implemented to OSD's contract so the shipped bundle runs unchanged.
 */
import React, { useEffect, useRef, useState } from 'react';
import ReactDOM from 'react-dom';
import { EuiBreadcrumbs, EuiGlobalToastList, EuiHeader, EuiHeaderSection, EuiHeaderSectionItem, EuiTitle } from '@elastic/eui';
import { createBrowserHistory } from 'history';
import type {
  App,
  ChromeBreadcrumb,
  CoreSetupPublic,
  CoreStartPublic,
  HttpFetchOptions,
  HttpSetup,
  MountPoint,
  ScopedHistory,
  Toast,
} from '../../types/osd';

type BundleRequire = (key: string) => unknown;
const bundles = new Map<string, { require: BundleRequire; moduleKey: string }>();

(window as any).__osdBundles__ = {
  define(key: string, bundleRequire: BundleRequire, moduleKey: string) {
    bundles.set(key, { require: bundleRequire, moduleKey });
  },
  has: (key: string) => bundles.has(key),
  get(key: string) {
    const b = bundles.get(key);
    if (!b) throw new Error(`Bundle "${key}" was not defined`);
    return b.require(b.moduleKey);
  },
};

class HarnessFetchError extends Error {
  constructor(message: string, public readonly response: Response, public readonly body: unknown) {
    super(message);
    this.name = 'HttpFetchError';
  }
}

function createHttp(): HttpSetup {
  async function fetchFn<T>(path: string, options: HttpFetchOptions = {}): Promise<T> {
    const url = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(options.query || {})) {
      if (v === undefined || v === null) continue;
      if (Array.isArray(v)) v.forEach((item) => url.searchParams.append(k, String(item)));
      else url.searchParams.set(k, String(v));
    }
    // As OSD's core.http: JSON by default, and the xsrf header on every request.
    const headers = { 'Content-Type': 'application/json', ...(options.headers || {}), 'osd-xsrf': 'osd-fetch', 'osd-version': '2.19.2' };
    const response = await window.fetch(url.toString(), { method: options.method || 'GET', headers, body: options.body, signal: options.signal });
    const text = await response.text();
    const type = response.headers.get('content-type') || '';
    const body = type.includes('json') && text ? JSON.parse(text) : text;
    if (!response.ok) throw new HarnessFetchError(response.statusText, response, body);
    return (options.asResponse ? { response, body } : body) as T;
  }
  const withMethod = (method: string) => <T,>(path: string, options: HttpFetchOptions = {}) => fetchFn<T>(path, { ...options, method });
  return {
    fetch: fetchFn,
    get: withMethod('GET'),
    post: withMethod('POST'),
    put: withMethod('PUT'),
    delete: withMethod('DELETE'),
    basePath: { prepend: (p: string) => p, get: () => '' },
  };
}

type Listener = () => void;
function createStore<T>(initial: T) {
  let value = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => value,
    set(next: T) {
      value = next;
      listeners.forEach((l) => l());
    },
    subscribe(l: Listener) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
function useStore<T>(store: ReturnType<typeof createStore<T>>): T {
  const [value, setValue] = useState(store.get());
  useEffect(() => {
    const off = store.subscribe(() => setValue(store.get()));
    return () => {
      off();
    };
  }, [store]);
  return value;
}

const breadcrumbs = createStore<ChromeBreadcrumb[]>([]);
let toastId = 0;
const toasts = createStore<Array<Toast & { id: string }>>([]);
function addToast(color: string, iconType: string) {
  return (toast: Toast | string) => {
    const t = typeof toast === 'string' ? { title: toast } : toast;
    const entry = { ...t, id: String(++toastId), color, iconType };
    toasts.set([...toasts.get(), entry]);
    return entry;
  };
}

function Chrome({ title }: { title: string }) {
  const crumbs = useStore(breadcrumbs);
  return (
    <EuiHeader data-test-subj="osdHeader">
      <EuiHeaderSection>
        <EuiHeaderSectionItem border="right">
          <EuiTitle size="xxs">
            <span style={{ padding: '0 12px' }}>{title}</span>
          </EuiTitle>
        </EuiHeaderSectionItem>
        <EuiHeaderSectionItem>
          <EuiBreadcrumbs breadcrumbs={crumbs} data-test-subj="breadcrumbs" />
        </EuiHeaderSectionItem>
      </EuiHeaderSection>
    </EuiHeader>
  );
}

/** Renders an OSD mount point (a plugin's own rendering function) into an element we own. */
function MountPointHost({ mount }: { mount: MountPoint }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => (ref.current ? mount(ref.current) : undefined), [mount]);
  return <div ref={ref} />;
}
const renderable = (v: Toast['title']) => (typeof v === 'function' ? <MountPointHost mount={v} /> : v);

function Toasts() {
  const list = useStore(toasts);
  return (
    <EuiGlobalToastList
      toasts={list.map((t) => ({ ...t, title: renderable(t.title), text: renderable(t.text) })) as any}
      dismissToast={(t: { id: string }) => toasts.set(toasts.get().filter((x) => x.id !== t.id))}
      toastLifeTimeMs={8000}
    />
  );
}

async function start() {
  const apps: App[] = [];
  const http = createHttp();
  const coreStart: CoreStartPublic = {
    http,
    notifications: {
      toasts: {
        addSuccess: addToast('success', 'check'),
        addWarning: addToast('warning', 'help'),
        addDanger: addToast('danger', 'alert'),
        addError: (error: Error, options: { title: string; toastMessage?: string }) =>
          addToast('danger', 'alert')({ title: options.title, text: options.toastMessage || error.message }),
      },
    },
    chrome: {
      setBreadcrumbs: (b: ChromeBreadcrumb[]) => breadcrumbs.set(b),
      docTitle: { change: (t: string | string[]) => (document.title = ([] as string[]).concat(t).join(' - ')) },
    },
  };
  const coreSetup: CoreSetupPublic = {
    application: { register: (app: App) => void apps.push(app) },
    getStartServices: async () => [coreStart, {}, {}],
  };

  const { plugin } = (window as any).__osdBundles__.get('plugin/mlModels/public');
  const instance = plugin({ config: { get: () => ({}) } });
  await instance.setup(coreSetup, {});
  await instance.start(coreStart, {});

  const match = /^\/app\/([^/]+)/.exec(window.location.pathname);
  const app = apps.find((a) => a.id === (match ? match[1] : ''));
  ReactDOM.render(<Chrome title={app ? app.title : 'OpenSearch Dashboards'} />, document.getElementById('osd-chrome'));
  ReactDOM.render(<Toasts />, document.getElementById('osd-toasts'));
  if (!app) {
    document.getElementById('osd-app')!.textContent = `No application at ${window.location.pathname}`;
    return;
  }
  const appBasePath = `/app/${app.id}`;
  const history = createBrowserHistory({ basename: appBasePath }) as unknown as ScopedHistory;
  await app.mount({ appBasePath, element: document.getElementById('osd-app')!, history });
  (window as any).__osdHarness__.mounted = true;
}

(window as any).__osdHarness__ = {
  mounted: false,
  start: () =>
    start().catch((err) => {
      console.error(err);
      document.getElementById('osd-app')!.textContent = `Failed to start the app: ${err.message}`;
    }),
};
