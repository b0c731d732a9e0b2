import { createMemoryHistory } from 'history';
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
