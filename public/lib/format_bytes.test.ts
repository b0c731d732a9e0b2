import { formatBytes } from './format_bytes';

describe('formatBytes', () => {
  it('names powers of 1024 with IEC units, so a size never reads as its decimal namesake', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(83693204)).toBe('79.8 MiB');
    expect(formatBytes(10000000)).toBe('9.5 MiB');
    expect(formatBytes(10 * 1024 ** 3)).toBe('10.0 GiB');
    expect(formatBytes(3 * 1024 ** 5)).toBe('3072.0 TiB');
  });
});
