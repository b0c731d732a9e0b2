import { act, render } from '@testing-library/react';
import React from 'react';
import { useAutoRefresh } from './use_auto_refresh';

function Probe({ busy, refresh }: { busy: boolean; refresh: () => void }) {
  useAutoRefresh(10000, refresh, busy);
  return null;
}

describe('useAutoRefresh', () => {
  afterEach(() => jest.useRealTimers());

  it('skips a tick while the last refresh is still loading (a reload would abort it), and ticks again after', () => {
    jest.useFakeTimers();
    const refresh = jest.fn();
    const { rerender, unmount } = render(<Probe busy={false} refresh={refresh} />);
    act(() => {
      jest.advanceTimersByTime(10000);
    });
    expect(refresh).toHaveBeenCalledTimes(1);
    rerender(<Probe busy refresh={refresh} />);
    act(() => {
      jest.advanceTimersByTime(30000);
    });
    expect(refresh).toHaveBeenCalledTimes(1);
    rerender(<Probe busy={false} refresh={refresh} />);
    act(() => {
      jest.advanceTimersByTime(10000);
    });
    expect(refresh).toHaveBeenCalledTimes(2);
    unmount();
    act(() => {
      jest.advanceTimersByTime(60000);
    });
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});
