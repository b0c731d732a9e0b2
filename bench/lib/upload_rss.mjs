/** Samples a process's resident memory from /proc/<pid>/status (Linux), for peak-growth figures. */
import { promises as fs } from 'fs';

export async function readMemory(pid) {
  const text = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number((text.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm')) || [])[1] || NaN);
  return { rssBytes: kb('VmRSS') * 1024, hwmBytes: kb('VmHWM') * 1024 };
}

/** Polls VmRSS every `everyMs` until stop(); returns the baseline, the peak and the kernel's VmHWM. */
export async function sampleRss(pid, everyMs = 10) {
  const start = await readMemory(pid);
  let peak = start.rssBytes;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rssBytes } = await readMemory(pid);
      if (rssBytes > peak) peak = rssBytes;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const end = await readMemory(pid);
      return { baselineBytes: start.rssBytes, peakBytes: Math.max(peak, end.rssBytes), growthBytes: Math.max(peak, end.rssBytes) - start.rssBytes, hwmBytes: end.hwmBytes };
    },
  };
}
