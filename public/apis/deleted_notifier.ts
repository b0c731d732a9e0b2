/**
 * Tells listeners of every delete an API client made, wherever it came from (a registration
 * cleaned up after the user left its page, for one), so lists still showing the item read again.
 */
export class DeletedNotifier {
  private readonly listeners = new Set<(id: string) => void>();

  /** Returns the unsubscribe function (a React effect's cleanup). */
  subscribe(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(id: string) {
    this.listeners.forEach((listener) => listener(id));
  }
}
