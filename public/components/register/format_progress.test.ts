import type { UploadProgress } from '../../lib/chunk_uploader';
import { describeUpload, formatDuration } from './format_progress';

const progress: UploadProgress = { bytesSent: 60000000, totalBytes: 83693204, bytesPerSecond: 37000000, chunksDone: 6, totalChunks: 9 };

describe('describeUpload', () => {
  it('says how much is sent, how fast, about how long is left, and which chunk', () => {
    expect(describeUpload({ ...progress, etaSeconds: 6.4 })).toBe('57.2 MiB of 79.8 MiB · 35.3 MiB/s · about 6 s left · chunk 7 of 9');
  });

  it('says "less than a second left", not "about less than a second left"', () => {
    expect(describeUpload({ ...progress, etaSeconds: 0.6 })).toContain(' · less than a second left · ');
  });

  it('says nothing of time left once every byte is sent', () => {
    expect(describeUpload({ ...progress, bytesSent: progress.totalBytes, etaSeconds: 0 })).not.toMatch(/left/);
  });
});

describe('formatDuration', () => {
  it('reads seconds, minutes and hours', () => {
    expect([formatDuration(0.2), formatDuration(42), formatDuration(600), formatDuration(7200), formatDuration(undefined)]).toEqual(['less than a second', '42 s', '10 min', '2.0 h', '']);
  });
});
