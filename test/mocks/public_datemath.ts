/**
 * Stand-in for `@opensearch/datemath`, which OUI requires at import time (date pickers) but which
 * only OSD itself provides. Nothing in this plugin parses date math, so `parse` finds nothing.
 */
const dateMath = { parse: (): undefined => undefined };
export default dateMath;
