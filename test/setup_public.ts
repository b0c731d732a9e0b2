import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// OSD plugins address elements by data-test-subj. findBy/waitFor give up after 5 s instead of 1 s:
// a CI machine busy with other suites can take over a second to render a page, and a passing
// wait returns as soon as its condition holds, so only a failure waits longer.
configure({ testIdAttribute: 'data-test-subj', asyncUtilTimeout: 5000 });

// OUI reads these browser APIs that jsdom lacks.
if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }),
  });
}
