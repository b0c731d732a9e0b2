export interface TaskErrorEntry {
  /** The node the message is about (DEPLOY_MODEL tasks); absent for plain-text errors. */
  node?: string;
  message: string;
}

/**
 * A task's `error`, split by cause. DEPLOY_MODEL tasks store a JSON object mapping each failed
 * node id to its message (`{"nodeId":"model content changed"}`); other tasks store plain text.
 */
export function taskErrors(error: string | undefined): TaskErrorEntry[] {
  if (!error) return [];
  try {
    const parsed: unknown = JSON.parse(error);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.entries(parsed as Record<string, unknown>).map(([node, message]) => ({ node, message: String(message) }));
    }
  } catch {
    // plain text
  }
  return [{ message: error }];
}

/** One line per cause, `node: message` for per-node errors (the node's name where `names` has it). */
export function taskErrorLines(error: string | undefined, names: Record<string, string> = {}): string[] {
  return taskErrors(error).map((e) => (e.node ? `${names[e.node] ?? e.node}: ${e.message}` : e.message));
}
