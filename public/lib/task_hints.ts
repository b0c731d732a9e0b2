/**
 * Plain words for register-task errors whose ML Commons text does not say what went wrong. Each
 * was seen on real nodes (2.19.6 and 3.6.0) for a URL registration; the same words from another
 * task (a deploy's "model content changed") mean something else and get no hint.
 */
const HINTS: Array<{ test: (message: string) => boolean; hint: string }> = [
  {
    // Its words for a hash mismatch do not say which side is wrong.
    test: (m) => /model content changed/i.test(m),
    hint: 'the zip at the URL does not match the SHA-256 given: check the hash, and that the URL serves the zip it was computed from',
  },
  {
    // Java's FileNotFoundException for an HTTP 404 carries the URL and nothing else.
    test: (m) => /^(https?|ftp):\/\/\S+$/i.test(m.trim()),
    hint: 'ML Commons could not download the zip: the server answered that there is no file at this URL (HTTP 404)',
  },
];

export function taskMessageHint(message: string, taskType: string | undefined): string | undefined {
  return taskType === 'REGISTER_MODEL' ? HINTS.find((h) => h.test(message))?.hint : undefined;
}
