import type { Model, NativeCachedModel } from '../../../common/types';
import { nativeLabel } from './model_picker';

const SHA = 'a'.repeat(64);
const entry: NativeCachedModel = { sha256: SHA, size_bytes: 2 * 1048576, source: 'upload', function_name: 'TEXT_SIMILARITY', last_used_at: '2026-11-26T10:00:00Z' };
const model = (id: string, name: string, sha = SHA): Model => ({ id, name, model_version: '1', model_content_hash_value: sha, function_name: 'TEXT_EMBEDDING' } as Model);

describe('nativeLabel', () => {
  it('names every registration made from the same zip, not only the first', () => {
    const label = nativeLabel(entry, [model('1', 'glove-embed'), model('2', 'glove-sim'), model('3', 'other', 'b'.repeat(64))]);
    expect(label).toBe('glove-embed v1, glove-sim v1 — TEXT_SIMILARITY, 2.0 MiB');
  });

  it('sums up beyond two names, and falls back to the hash when no cluster model has it', () => {
    expect(nativeLabel(entry, [model('1', 'a'), model('2', 'b'), model('3', 'c'), model('4', 'd')])).toMatch(/^a v1, b v1 and 2 more — /);
    expect(nativeLabel({ ...entry, source: 'inspect', function_name: undefined }, [])).toBe(`${SHA.slice(0, 12)} — function unknown, 2.0 MiB, inspected`);
  });
});
