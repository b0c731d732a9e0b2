import type { ReactElement } from 'react';
import * as ReactDOM from 'react-dom';

interface Root {
  render(element: ReactElement): void;
  unmount(): void;
}

/**
 * Mounts with React 18's `createRoot` when OSD provides React 18 (3.6+), else with the React 16
 * `render` API (2.x, 3.0-3.5). OSD shares only `react-dom` (not `react-dom/client`), so the
 * feature test is on that module; React 18 may warn about that import in development builds.
 */
export function mountReact(element: ReactElement, container: HTMLElement): () => void {
  const dom = ReactDOM as unknown as { createRoot?: (container: HTMLElement) => Root };
  if (typeof dom.createRoot === 'function') {
    const root = dom.createRoot(container);
    root.render(element);
    return () => root.unmount();
  }
  ReactDOM.render(element, container);
  return () => {
    ReactDOM.unmountComponentAtNode(container);
  };
}
