// Import before onnxruntime-node in any script that loads it in-process: onnxruntime-node 1.30
// turns on Microsoft's 1DS telemetry on Linux unless ORT_DISABLE_TELEMETRY is set, and nothing
// here may contact an outside address (see server/sidecar/ort_env.ts for the server's side).
process.env.ORT_DISABLE_TELEMETRY = '1';
