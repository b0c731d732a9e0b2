/**
 * A task's `error` as one line per cause. DEPLOY_MODEL tasks store a JSON object mapping each
 * failed node id to its message; other tasks store plain text.
 */
export function taskErrorLines(error: string | undefined): string[] {
  if (!error) return [];
  try {
    const parsed: unknown = JSON.parse(error);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.entries(parsed as Record<string, unknown>).map(([node, message]) => `${node}: ${String(message)}`);
    }
  } catch {
    // plain text
  }
  return [error];
}
