import { formatBytes } from '../../lib/format_bytes';
import type { UploadProgress } from '../../lib/chunk_uploader';

export { formatBytes };

export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !isFinite(seconds)) return '';
  if (seconds < 1) return 'less than a second';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `${minutes} min` : `${(minutes / 60).toFixed(1)} h`;
}

/** "12.3 MiB of 79.8 MiB · 9.1 MiB/s · about 6 s left · chunk 3 of 9" */
export function describeUpload(p: UploadProgress): string {
  const parts = [`${formatBytes(p.bytesSent)} of ${formatBytes(p.totalBytes)}`];
  if (p.bytesPerSecond > 0) parts.push(`${formatBytes(p.bytesPerSecond)}/s`);
  if (p.etaSeconds !== undefined && p.bytesSent < p.totalBytes) parts.push(p.etaSeconds < 1 ? 'less than a second left' : `about ${formatDuration(p.etaSeconds)} left`);
  parts.push(`chunk ${Math.min(p.chunksDone + 1, p.totalChunks)} of ${p.totalChunks}`);
  return parts.join(' · ');
}
