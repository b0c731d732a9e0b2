/** Identity of the plugin; the id must satisfy OSD's installer rule `^[a-z][a-zA-Z0-9]+$`. */
export const PLUGIN_ID = 'mlModels';
export const PLUGIN_TITLE = 'ML Models';
/** The nav group every OpenSearch plugin repeats as a literal (OSD has no constant for it). */
export const PLUGIN_NAV_CATEGORY = { id: 'opensearch', label: 'OpenSearch Plugins', order: 2000 };

export const API_BASE = '/api/ml-models';

/** ML Commons stores uploads as 10,000,000-byte chunk documents and rejects larger chunks. */
export const CHUNK_SIZE_BYTES = 10000000;
/** ML Commons refuses zips of 4 GiB and more; clients (opensearch-py-ml) cap at 4e9 bytes. */
export const MAX_MODEL_SIZE_BYTES = 4000000000;

/**
 * Ids ML Commons generates are URL-safe base64-ish strings (`_`, `-`); custom ids on 3.x main
 * follow the same alphabet. Nothing else may reach an upstream path.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/**
 * Words ML Commons routes on where an id would go (`GET models/_search` is a search, answered
 * 200 with hits): never ids, though real ids may start with `_`.
 */
export const RESERVED_IDS: readonly string[] = ['_search', '_register', '_register_meta', '_upload', '_deploy', '_undeploy', '_predict'];

/** Node ids in OpenSearch are URL-safe base64 too. */
export const NODE_ID_PATTERN = ID_PATTERN;

/** OSD rejects state-changing requests without one of these headers (xsrf protection). */
export const XSRF_HEADERS = ['osd-xsrf', 'osd-version'] as const;

/** Optional multiple-data-source selector, sent as a query parameter on every route. */
export const DATA_SOURCE_QUERY_PARAM = 'data_source_id';

export const MAX_PAGE_SIZE = 100;
/** OpenSearch's `index.max_result_window` (ML Commons' indices keep the default): from + size at most. */
export const MAX_RESULT_WINDOW = 10000;
export const DEFAULT_PAGE_SIZE = 20;

/** The most inputs one predict takes here (`text_docs`), and the longest input, in characters. */
export const MAX_PREDICT_DOCS = 1000;
export const MAX_PREDICT_TEXT_CHARS = 100000;
