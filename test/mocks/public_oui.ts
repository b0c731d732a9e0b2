/**
 * Import first in every public test file, before anything that loads `@elastic/eui`.
 * OUI requires `@opensearch/datemath`, a package only OSD provides; this registers a stand-in so
 * OUI loads under jest. (A `moduleNameMapper` entry in test/jest.config.js would make this
 * import unnecessary.)
 */
jest.mock('@opensearch/datemath', () => jest.requireActual('./public_datemath'), { virtual: true });
export {};
