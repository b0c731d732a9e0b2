import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// OSD plugins address elements by data-test-subj.
configure({ testIdAttribute: 'data-test-subj' });

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
