// A stand-in for sidecar_main.js in SidecarClient tests (plain JS: it is forked as is).
// MLM_FAKE_COUNTER: a file counting starts; the first MLM_FAKE_FAIL starts exit at once.
// MLM_FAKE_READY_MS: how long it takes to say it is ready.
// A job of kind 'hang_up' closes the IPC channel and exits 50 ms later, as a dying process does.
const fs = require('fs');
const file = process.env.MLM_FAKE_COUNTER;
const n = file ? Number(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : 0) + 1 : 1;
if (file) fs.writeFileSync(file, String(n));
if (n <= Number(process.env.MLM_FAKE_FAIL || 0)) process.exit(3);
process.on('message', (m) => {
  if (m.type === 'job' && m.job.kind === 'hang_up') {
    process.removeAllListeners('disconnect');
    process.disconnect();
    setTimeout(() => process.exit(1), 50);
    return;
  }
  if (m.type === 'job') setTimeout(() => process.send({ id: m.id, ok: true, result: { pid: process.pid } }), 10);
  if (m.type === 'status') process.send({ id: m.id, ok: true, result: { pid: process.pid } });
});
process.on('disconnect', () => process.exit(0));
setTimeout(() => process.send({ id: 0, ok: true, result: 'ready' }), Number(process.env.MLM_FAKE_READY_MS || 0));
