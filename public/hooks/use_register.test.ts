import type { FlowState } from '../lib/register_flow';
import { leaveMessage } from './use_register';

describe('leaveMessage', () => {
  const at = (phase: FlowState['phase'], extra: Partial<FlowState> = {}) => ({ phase, cleanup: [], warnings: [], ...extra } as FlowState);
  it('guards only phases whose cancel deletes what was made', () => {
    for (const phase of ['creating_group', 'hashing', 'registering', 'uploading', 'waiting_registered'] as const) expect(leaveMessage(at(phase))).toBeDefined();
    // A URL download and a deploy go on in ML Commons; a registered model is kept.
    expect(leaveMessage(at('waiting_task', { registerTaskId: 't1' }))).toBeUndefined();
    expect(leaveMessage(at('registering', { registerTaskId: 't1' }))).toBeUndefined();
    expect(leaveMessage(at('deploying'))).toBeUndefined();
    expect(leaveMessage(at('done'))).toBeUndefined();
    expect(leaveMessage(undefined)).toBeUndefined();
  });
});
