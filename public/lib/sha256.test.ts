import '../../test/mocks/public_blob';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import { fileFromDisk, GENERATED } from '../../test/mocks/public_blob';
import { cachedSha256, sha256OfBlob } from './sha256';

describe('sha256OfBlob', () => {
  const zip = path.join(GENERATED, 'glove-semantic', 'model.zip');

  it("equals Node's sha256 of the fixture, streamed in slices with progress", async () => {
    const expected = createHash('sha256').update(await fs.readFile(zip)).digest('hex');
    const file = await fileFromDisk(zip);
    const progress: number[] = [];
    const hash = await sha256OfBlob(file, { sliceBytes: 1000000, onProgress: (p) => progress.push(p.bytesHashed) });
    expect(hash).toBe(expected);
    expect(hash).toBe(JSON.parse(await fs.readFile(path.join(GENERATED, 'glove-semantic', 'fixture.json'), 'utf8')).sha256);
    // 0, then one step per 1 MB slice, ending at the full size.
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(file.size);
    expect(progress.length).toBe(Math.ceil(file.size / 1000000) + 1);
  });

  it('hashes the empty file', async () => {
    expect(await sha256OfBlob(new Blob([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const file = await fileFromDisk(zip);
    const run = sha256OfBlob(file, { sliceBytes: 100000, signal: controller.signal, onProgress: (p) => p.bytesHashed > 0 && controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reads a file once per page lifetime, but again after a cancelled run', async () => {
    const file = await fileFromDisk(zip);
    const controller = new AbortController();
    controller.abort();
    await expect(cachedSha256(file, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    const slice = jest.spyOn(file, 'slice');
    const first = await cachedSha256(file);
    const calls = slice.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    expect(await cachedSha256(file)).toBe(first);
    expect(slice.mock.calls.length).toBe(calls);
  });
});
