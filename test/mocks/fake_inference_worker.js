// A stand-in for inference_worker.js in WorkerPool tests (plain JS: Worker loads it as is).
// workerData.fake (passed in with the pool's settings): 'crash_on_job' throws (uncaught) on
// every job; 'fail_to_load' throws at load; anything else answers each job with its sha256.
const { parentPort, workerData } = require('worker_threads');
if (workerData.fake === 'fail_to_load') throw new Error('cannot load onnxruntime');
parentPort.on('message', (m) => {
  if (workerData.fake === 'crash_on_job') throw new Error('boom in worker');
  parentPort.postMessage({ jobId: m.jobId, ok: true, result: { echo: m.job.sha256 }, models: [] });
});
