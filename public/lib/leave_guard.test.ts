import { createMemoryHistory } from 'history';
import type { FlowState } from './register_flow';
import { leaveMessage } from '../hooks/use_register';
import { appLeaveHandler, guardHistory, LeaveGuard } from './leave_guard';

describe('appLeaveHandler', () => {
  it("confirms with the guard's message while it has one, else leaves as OSD would", () => {
    const guard = new LeaveGuard();
    const actions = { confirm: jest.fn(() => 'confirm'), default: jest.fn(() => 'default') };
    const handler = appLeaveHandler(guard);
    expect(handler(actions)).toBe('default');
    guard.message = 'Upload running';
    expect(handler(actions)).toBe('confirm');
    expect(actions.confirm).toHaveBeenCalledWith('Upload running', 'Leave this page?');
  });
});

describe('guardHistory', () => {
  it('asks before push and replace while the guard has a message, and passes everything else through', () => {
    const guard = new LeaveGuard();
    const confirm = jest.fn(() => false);
    const history = guardHistory(createMemoryHistory({ initialEntries: ['/register'] }), guard, confirm);
    history.push('/models');
    expect(history.location.pathname).toBe('/models');
    expect(confirm).not.toHaveBeenCalled();
    guard.message = 'Upload running';
    history.push('/tasks');
    history.replace('/tasks');
    expect(history.location.pathname).toBe('/models');
    expect(confirm).toHaveBeenCalledTimes(2);
    confirm.mockReturnValue(true);
    history.push('/tasks');
    expect(history.location.pathname).toBe('/tasks');
    expect(typeof history.listen(() => undefined)).toBe('function');
  });
});

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
