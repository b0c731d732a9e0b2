import { taskMessageHint } from '../../lib/task_hints';

export interface TaskErrorEntry {
  /** The node the message is about (DEPLOY_MODEL tasks); absent for plain-text errors. */
  node?: string;
  message: string;
  /** What the message means, where ML Commons' words do not say (task_hints.ts). */
  hint?: string;
}

/**
 * A task's `error`, split by cause. DEPLOY_MODEL tasks store a JSON object mapping each failed
 * node id to its message (`{"nodeId":"model content changed"}`); other tasks store plain text.
 */
export function taskErrors(error: string | undefined, taskType?: string): TaskErrorEntry[] {
  if (!error) return [];
  try {
    const parsed: unknown = JSON.parse(error);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.entries(parsed as Record<string, unknown>).map(([node, message]) => withHint({ node, message: String(message) }, taskType));
    }
  } catch {
    // plain text
  }
  return [withHint({ message: error }, taskType)];
}

function withHint(entry: TaskErrorEntry, taskType: string | undefined): TaskErrorEntry {
  const hint = taskMessageHint(entry.message, taskType);
  return hint ? { ...entry, hint } : entry;
}

/** One line per cause, `node: message` for per-node errors (the node's name where `names` has it). */
export function taskErrorLines(error: string | undefined, names: Record<string, string> = {}, taskType?: string): string[] {
  return taskErrors(error, taskType).map((e) => `${e.node ? `${names[e.node] ?? e.node}: ` : ''}${e.message}${e.hint ? ` (${e.hint})` : ''}`);
}
