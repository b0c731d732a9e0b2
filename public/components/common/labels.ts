/** `SPARSE_ENCODING` -> `Sparse encoding`: ML Commons' enum spellings made readable. */
export function humanize(value: string | undefined): string {
  if (!value) return '';
  const words = value.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
