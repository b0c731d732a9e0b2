import { appLeaveHandler, LeaveGuard } from './leave_guard';

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
