/**
 * onnxruntime-node 1.30's native library turns on Microsoft's 1DS telemetry on Linux: it writes a
 * device id and an event queue under ~/.cache/Microsoft/DeveloperTools and would send them to
 * mobile.events.data.microsoft.com. Nothing this plugin runs may contact an outside address, so
 * every process that loads onnxruntime starts with this in its environment (the library reads it
 * from the process environment, so it must be set before the process starts, not later).
 */
export const ORT_NO_TELEMETRY_ENV = { ORT_DISABLE_TELEMETRY: '1' } as const;
