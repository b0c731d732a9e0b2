// A stand-in for inference_worker.js in WorkerPool tests (plain JS: Worker loads it as is).
// workerData.fake (passed in with the pool's settings): 'crash_on_job' throws (uncaught) on
// every job; 'fail_to_load' throws at load; anything else answers each job with its sha256.
// A job whose sha256 is 'busy:<ms>' (or 'busy:forever') first holds the thread that long, as a
// backtracking regex in a tokenizer does: a cancel message waits until the thread is free.
const { parentPort, workerData } = require('worker_threads');
if (workerData.fake === 'fail_to_load') throw new Error('cannot load onnxruntime');
parentPort.on('message', (m) => {
  if (workerData.fake === 'crash_on_job') throw new Error('boom in worker');
  if (!m.job) return; // a cancel: this fake has no batches to stop between
  const busy = /^busy:(\d+|forever)$/.exec(m.job.sha256);
  if (busy) {
    const until = busy[1] === 'forever' ? Infinity : Date.now() + Number(busy[1]);
    while (Date.now() < until);
  }
  parentPort.postMessage({ jobId: m.jobId, ok: true, result: { echo: m.job.sha256 }, models: [{ sha256: m.job.sha256 }] });
});
