/**
 * The slice of OpenSearch Dashboards' plugin API this plugin uses, declared by hand because no
 * `@osd/*` package is published. Shapes follow OSD 2.19 (`src/core/server`, `src/core/public`).
 * Only types live here: nothing is imported from OSD at run time.
 */
import type { Readable } from 'stream';
import type { ComponentType } from 'react';

// ---------------------------------------------------------------- server

export interface Logger {
  debug(message: string, meta?: object): void;
  info(message: string, meta?: object): void;
  warn(message: string | Error, meta?: object): void;
  error(message: string | Error, meta?: object): void;
}

export interface PluginInitializerContext<Config = unknown> {
  config: { create<T = Config>(): { subscribe(cb: (value: T) => void): { unsubscribe(): void } } };
  logger: { get(...contextParts: string[]): Logger };
  env?: { mode: { dev: boolean; prod: boolean }; packageInfo?: { version: string } };
}

export interface TransportRequestParams {
  method: string;
  path: string;
  body?: unknown;
  querystring?: Record<string, unknown> | string;
}

export interface TransportRequestOptions {
  headers?: Record<string, string>;
  requestTimeout?: number | string;
  maxRetries?: number;
  ignore?: number[];
}

export interface TransportResponse<T = unknown> {
  body: T;
  statusCode: number | null;
  headers?: Record<string, unknown>;
}

/** What `asCurrentUser.transport` offers (the @opensearch-project/opensearch client's transport). */
export interface Transport {
  request<T = unknown>(params: TransportRequestParams, options?: TransportRequestOptions): Promise<TransportResponse<T>>;
}

export interface OpenSearchClient {
  transport: Transport;
}

export interface RequestHandlerContext {
  core: {
    opensearch: { client: { asCurrentUser: OpenSearchClient; asInternalUser: OpenSearchClient } };
  };
  /** Present when the optional `dataSource` plugin is installed and enabled. */
  dataSource?: { opensearch: { getClient(dataSourceId: string): Promise<OpenSearchClient> } };
}

export interface OpenSearchDashboardsRequest<P = unknown, Q = unknown, B = unknown> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly url: { pathname?: string | null; search?: string | null };
  readonly route: { path: string; method: string };
  /** Aborts when the client disconnects (OSD 2.x: `request.events.aborted$`). */
  readonly events: { aborted$: { subscribe(cb: () => void): { unsubscribe(): void } } };
}

export interface ResponseError {
  message: string;
  attributes?: Record<string, unknown>;
}

export interface HttpResponseOptions {
  body?: unknown;
  headers?: Record<string, string | string[]>;
}

export interface CustomHttpResponseOptions extends HttpResponseOptions {
  statusCode: number;
}

export interface ErrorHttpResponseOptions {
  body?: ResponseError | string;
  headers?: Record<string, string | string[]>;
}

/** An opaque response produced by the injected factory; handlers must return exactly that. */
export interface IOpenSearchDashboardsResponse {
  readonly status: number;
  readonly payload?: unknown;
  readonly options: HttpResponseOptions;
}

export interface OpenSearchDashboardsResponseFactory {
  ok(options?: HttpResponseOptions): IOpenSearchDashboardsResponse;
  accepted(options?: HttpResponseOptions): IOpenSearchDashboardsResponse;
  noContent(options?: HttpResponseOptions): IOpenSearchDashboardsResponse;
  badRequest(options?: ErrorHttpResponseOptions): IOpenSearchDashboardsResponse;
  unauthorized(options?: ErrorHttpResponseOptions): IOpenSearchDashboardsResponse;
  forbidden(options?: ErrorHttpResponseOptions): IOpenSearchDashboardsResponse;
  notFound(options?: ErrorHttpResponseOptions): IOpenSearchDashboardsResponse;
  conflict(options?: ErrorHttpResponseOptions): IOpenSearchDashboardsResponse;
  internalError(options?: ErrorHttpResponseOptions): IOpenSearchDashboardsResponse;
  customError(options: { statusCode: number; body?: ResponseError | string; headers?: Record<string, string> }): IOpenSearchDashboardsResponse;
  custom(options: CustomHttpResponseOptions): IOpenSearchDashboardsResponse;
}

export interface RouteValidationResultFactory {
  ok<T>(value: T): { value: T };
  badRequest(error: Error | string, path?: string[]): { error: Error };
}

export type RouteValidationFunction<T> = (
  data: any,
  validationResult: RouteValidationResultFactory
) => { value: T; error?: never } | { value?: never; error: Error };

export interface RouteValidatorConfig<P, Q, B> {
  params?: RouteValidationFunction<P>;
  query?: RouteValidationFunction<Q>;
  body?: RouteValidationFunction<B>;
}

export interface RouteConfigOptionsBody {
  accepts?: string | string[];
  maxBytes?: number;
  output?: 'data' | 'stream';
  parse?: boolean | 'gunzip';
}

export interface RouteConfig<P, Q, B> {
  path: string;
  validate: RouteValidatorConfig<P, Q, B> | false;
  options?: {
    authRequired?: boolean | 'optional';
    xsrfRequired?: boolean;
    tags?: readonly string[];
    timeout?: { payload?: number; idleSocket?: number };
    body?: RouteConfigOptionsBody;
  };
}

export type RequestHandler<P = any, Q = any, B = any> = (
  context: RequestHandlerContext,
  request: OpenSearchDashboardsRequest<P, Q, B>,
  response: OpenSearchDashboardsResponseFactory
) => Promise<IOpenSearchDashboardsResponse> | IOpenSearchDashboardsResponse;

export type RouteRegistrar = <P = any, Q = any, B = any>(route: RouteConfig<P, Q, B>, handler: RequestHandler<P, Q, B>) => void;

export interface IRouter {
  routerPath: string;
  get: RouteRegistrar;
  post: RouteRegistrar;
  put: RouteRegistrar;
  patch: RouteRegistrar;
  delete: RouteRegistrar;
}

export interface CoreSetup {
  http: {
    createRouter(): IRouter;
    basePath?: { serverBasePath: string };
  };
}

/**
 * `core.http.auth` (CoreStart): how the auth plugin, if any, authenticated a request. The Security
 * plugin stores the user's authinfo (`authInfo.user_name`, ...) as the state; with no auth plugin
 * the status is 'unknown' (`src/core/server/http/auth_state_storage.ts`).
 */
export interface HttpAuth {
  get(request: OpenSearchDashboardsRequest<any, any, any>): { status: 'authenticated' | 'unauthenticated' | 'unknown'; state?: unknown };
}

export interface CoreStart {
  http?: { auth?: HttpAuth };
  [key: string]: unknown;
}

/** Optional plugins this plugin can use when present (`optionalPlugins`). */
export interface ServerSetupDeps {
  dataSource?: unknown;
}

export type ReadableBody = Readable;

// ---------------------------------------------------------------- browser

export interface ScopedHistory {
  push(path: string, state?: unknown): void;
  replace(path: string, state?: unknown): void;
  createHref(location: { pathname?: string; search?: string; hash?: string }): string;
  listen(listener: (location: { pathname: string; search: string }, action: string) => void): () => void;
  location: { pathname: string; search: string; hash: string; state?: unknown };
  [key: string]: unknown;
}

/** OSD core's (Kibana 7.10's) app-leave API: the handler returns one of the factory's actions. */
export interface AppLeaveActionFactory {
  confirm(text: string, title?: string): unknown;
  default(): unknown;
}
export type AppLeaveHandler = (actions: AppLeaveActionFactory, nextAppId?: string) => unknown;

export interface AppMountParameters {
  appBasePath: string;
  element: HTMLElement;
  history: ScopedHistory;
  onAppLeave?(handler: AppLeaveHandler): void;
  setHeaderActionMenu?(menuMount: unknown): void;
}

export interface AppCategory {
  id: string;
  label: string;
  order?: number;
  euiIconType?: string;
}

export interface App {
  id: string;
  title: string;
  category?: AppCategory;
  order?: number;
  euiIconType?: string;
  mount(params: AppMountParameters): Promise<() => void> | (() => void);
}

export interface HttpFetchOptions {
  method?: string;
  query?: Record<string, unknown>;
  body?: BodyInit | null;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  asResponse?: boolean;
  prependBasePath?: boolean;
}

export interface HttpSetup {
  fetch<T = unknown>(path: string, options?: HttpFetchOptions): Promise<T>;
  get<T = unknown>(path: string, options?: HttpFetchOptions): Promise<T>;
  post<T = unknown>(path: string, options?: HttpFetchOptions): Promise<T>;
  put<T = unknown>(path: string, options?: HttpFetchOptions): Promise<T>;
  delete<T = unknown>(path: string, options?: HttpFetchOptions): Promise<T>;
  basePath: { prepend(path: string): string; get(): string };
}

/** What `core.http.fetch` throws: the Boom payload is in `body`. */
export interface HttpFetchError extends Error {
  request?: Request;
  response?: Response;
  body?: { statusCode?: number; error?: string; message?: string; attributes?: Record<string, unknown> };
}

/** Renders into an element OSD owns; returns how to unmount (toasts' rich `title`/`text`). */
export type MountPoint = (element: HTMLElement) => () => void;

export interface Toast {
  title?: string | MountPoint;
  text?: string | MountPoint;
  color?: string;
  [key: string]: unknown;
}

export interface NotificationsStart {
  toasts: {
    addSuccess(toast: Toast | string): unknown;
    addWarning(toast: Toast | string): unknown;
    addDanger(toast: Toast | string): unknown;
    addError(error: Error, options: { title: string; toastMessage?: string }): unknown;
  };
}

export interface ChromeBreadcrumb {
  text: string;
  href?: string;
  onClick?: (e: unknown) => void;
}

export interface ChromeStart {
  setBreadcrumbs(breadcrumbs: ChromeBreadcrumb[]): void;
  docTitle?: { change(title: string | string[]): void };
}

export interface CoreStartPublic {
  http: HttpSetup;
  notifications: NotificationsStart;
  chrome: ChromeStart;
  /** Handed to the data-source picker, which lists `data-source` saved objects with it. */
  savedObjects?: { client: unknown };
  application?: { navigateToApp(appId: string, options?: { path?: string }): Promise<void> };
}

export interface CoreSetupPublic {
  application: { register(app: App): void };
  getStartServices(): Promise<[CoreStartPublic, Record<string, unknown>, unknown]>;
  chrome?: {
    navGroup?: {
      getNavGroupEnabled(): boolean;
      addNavLinksToGroup(group: unknown, links: Array<{ id: string; order?: number }>): void;
    };
  };
}

export interface PluginInitializerContextPublic {
  config: { get<T = unknown>(): T };
}

// ---------------------------------------------------------------- multiple data sources (optional plugins)

/** `dataSource`'s browser setup contract (the parts read here). */
export interface DataSourcePublicSetup {
  dataSourceEnabled: boolean;
  hideLocalCluster?: boolean;
}

/** One choice of the picker: `id` "" is the local cluster. */
export interface DataSourceOption {
  id: string;
  label?: string;
}

/** A `data-source` saved object as the picker hands it to `dataSourceFilter`. */
export interface DataSourceSavedObject {
  id: string;
  attributes?: { title?: string; dataSourceVersion?: string; installedPlugins?: string[] };
}

/** Props of `dataSourceManagement.ui.getDataSourceMenu()`'s component, `DataSourceSelectable` variant. */
export interface DataSourceMenuProps {
  componentType: 'DataSourceSelectable';
  componentConfig: {
    savedObjects: unknown;
    notifications: NotificationsStart;
    fullWidth: boolean;
    activeOption?: DataSourceOption[];
    dataSourceFilter?: (ds: DataSourceSavedObject) => boolean;
    onSelectedDataSources: (ds: DataSourceOption[]) => void;
  };
  /** `AppMountParameters.setHeaderActionMenu`: the picker renders into OSD's header. */
  setMenuMountPoint?: (menuMount: unknown) => void;
}

/** `dataSourceManagement`'s browser setup contract (the parts used here). */
export interface DataSourceManagementPublicSetup {
  ui: { getDataSourceMenu(): ComponentType<DataSourceMenuProps> };
}
