import { ICON_TYPES } from '@elastic/eui';
import { readdirSync, readFileSync } from 'fs';
import path from 'path';

/**
 * OUI draws an unknown icon name as a beaker, with no error ("scissors" did so on the playground's
 * truncation warning), so every icon name written in the app is checked against OUI's own list.
 */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** String literals given as an icon: `iconType="x"`, `iconType={c ? 'x' : 'y'}`, `iconType: 'x'`, `<EuiIcon type="x"`. */
function iconNames(text: string): string[] {
  // The value itself, or the branches of a ternary: not strings compared inside its condition.
  const literals = (s: string) => Array.from(s.matchAll(/(?:^["{]|[?:]\s*)['"]?([A-Za-z0-9_]+)['"]/g), (m) => m[1]);
  return [
    ...Array.from(text.matchAll(/iconType=("[^"]*"|\{[^}\n]*\})/g), (m) => literals(m[1])).flat(),
    ...Array.from(text.matchAll(/iconType:\s*('[^']*'|"[^"]*")/g), (m) => literals(m[1])).flat(),
    ...Array.from(text.matchAll(/<EuiIcon\b[^>]*?\btype=("[^"]*"|\{[^}\n]*\})/g), (m) => literals(m[1])).flat(),
  ];
}

describe('icon names', () => {
  it('every icon the app names is one OUI has', () => {
    const used = sources(path.resolve(__dirname, '..', '..')).flatMap((file) => iconNames(readFileSync(file, 'utf8')).map((name) => ({ file: path.basename(file), name })));
    // The scan itself works: the app names dozens of icons.
    expect(used.length).toBeGreaterThan(20);
    const known = new Set<string>(ICON_TYPES as readonly string[]);
    expect(used.filter((u) => !known.has(u.name))).toEqual([]);
  });
});
