/**
 * Drops empty values so the query string carries only what the user chose: the routes reject
 * unknown or empty parameters rather than guessing. Arrays go out as repeated keys, which the
 * server's list parser accepts.
 */
export function toQuery(params: object): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    query[key] = value;
  }
  return query;
}
