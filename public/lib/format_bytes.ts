/**
 * `83693204` -> `79.8 MiB`. Powers of 1024 carry IEC names: OSD's "MB" for 1024² read as the
 * 83.7 MB a file manager shows for the same zip, and as a size ML Commons (which counts in
 * decimal: 10,000,000-byte chunks) never uses.
 */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = -1;
  do {
    v /= 1024;
    i++;
  } while (v >= 1024 && i < units.length - 1);
  return `${v.toFixed(1)} ${units[i]}`;
}
