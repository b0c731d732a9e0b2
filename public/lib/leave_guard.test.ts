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

describe('guardHistory: back and forward', () => {
  const setup = () => {
    const guard = new LeaveGuard();
    const confirm = jest.fn(() => false);
    const history = guardHistory(createMemoryHistory({ initialEntries: ['/models'] }), guard, confirm);
    const heard: string[] = [];
    history.listen((location, action) => heard.push(`${action} ${location.pathname}`));
    history.push('/groups');
    history.push('/register');
    heard.length = 0;
    guard.message = 'Upload running';
    return { guard, confirm, history, heard };
  };
  const settle = () => new Promise((r) => setTimeout(r, 5));

  it('hides a refused back from the app and returns to the page, keeping both directions', async () => {
    const { confirm, history, heard } = setup();
    history.goBack();
    expect(confirm).toHaveBeenCalledWith('Upload running');
    await settle();
    expect(history.location.pathname).toBe('/register');
    expect(heard).toEqual([]);
    expect(confirm).toHaveBeenCalledTimes(1);
    // The entries are where they were: back twice, once confirmed, reaches /groups.
    confirm.mockReturnValue(true);
    history.goBack();
    expect(heard).toEqual(['POP /groups']);
  });

  it('hides a refused jump of several entries, and a refused forward', async () => {
    const { confirm, guard, history, heard } = setup();
    history.go(-2);
    await settle();
    expect(history.location.pathname).toBe('/register');
    guard.message = undefined;
    history.go(-2);
    expect(heard).toEqual(['POP /models']);
    guard.message = 'Upload running';
    history.goForward();
    await settle();
    expect(history.location.pathname).toBe('/models');
    expect(heard).toEqual(['POP /models']);
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('lets back through when confirmed, or when nothing is running, without asking then', () => {
    const { confirm, guard, history, heard } = setup();
    confirm.mockReturnValue(true);
    history.goBack();
    expect(heard).toEqual(['POP /groups']);
    guard.message = undefined;
    history.goBack();
    expect(heard).toEqual(['POP /groups', 'POP /models']);
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('pushes the page back when a refused back lands on an entry from before the app mounted', async () => {
    const guard = new LeaveGuard();
    const confirm = jest.fn(() => false);
    const memory = createMemoryHistory({ initialEntries: ['/elsewhere', '/register'], initialIndex: 1 });
    const history = guardHistory(memory, guard, confirm);
    const heard: string[] = [];
    history.listen((location, action) => heard.push(`${action} ${location.pathname}`));
    guard.message = 'Upload running';
    history.goBack();
    await settle();
    expect(history.location.pathname).toBe('/register');
    expect(heard).toEqual(['PUSH /register']);
  });
});
