/**
 * Plain words for task errors whose ML Commons text does not say what went wrong, per task type:
 * the same words from another task (a deploy's "model content changed") mean something else.
 * Each was seen on real nodes (2.19.6; the register ones on 3.6.0 too).
 */
const REGISTER_HINTS: Array<{ test: (message: string) => boolean; hint: string }> = [
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

/** ML Commons' words when the node already holds the model, deployed or being deployed (two tabs, two users). */
const isDuplicateDeployMessage = (m: string) => /^Duplicate deploy model task$/i.test(m.trim());

/**
 * The Hugging Face tokenizer's JSON parser (serde_json) ends each error with its position. A deploy
 * reads no other JSON from the zip, and its text names no file.
 */
const isTokenizerParseMessage = (m: string) => / at line \d+ column \d+$/.test(m.trim());

const DEPLOY_HINTS: typeof REGISTER_HINTS = [
  {
    test: isDuplicateDeployMessage,
    hint: 'the node already runs this model, or another deploy of it was under way there: nothing changed on it',
  },
  {
    test: isTokenizerParseMessage,
    hint: "the zip's tokenizer.json could not be read as a Hugging Face tokenizer (the words are its JSON parser's): register a zip whose tokenizer.json is the one saved with the model",
  },
];

export function taskMessageHint(message: string, taskType: string | undefined): string | undefined {
  const hints = taskType === 'REGISTER_MODEL' ? REGISTER_HINTS : taskType === 'DEPLOY_MODEL' ? DEPLOY_HINTS : [];
  return hints.find((h) => h.test(message))?.hint;
}

/**
 * A deploy that failed only because every node already held the model (its own deploy, started
 * elsewhere, does the work): not a failure of the model, and not worth alarming anyone about.
 */
export function isDuplicateDeploy(task: { state?: string; error?: string }): boolean {
  if (task.state !== 'FAILED' || !task.error) return false;
  try {
    const perNode: unknown = JSON.parse(task.error);
    const messages = perNode && typeof perNode === 'object' ? Object.values(perNode as Record<string, unknown>) : [];
    return messages.length > 0 && messages.every((m) => typeof m === 'string' && isDuplicateDeployMessage(m));
  } catch {
    return isDuplicateDeployMessage(task.error);
  }
}
