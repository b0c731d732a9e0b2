import { act, render, screen } from '@testing-library/react';
import React from 'react';
import { httpError } from '../../test/mocks/public_http';
import { useRequest } from './use_request';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
  signal?: AbortSignal;
}

function deferred<T>(): Deferred<T> {
  const d = {} as Deferred<T>;
  d.promise = new Promise<T>((resolve, reject) => Object.assign(d, { resolve, reject }));
  return d;
}

function Probe({ query, calls, keepData }: { query: string | undefined; calls: Record<string, Deferred<string>>; keepData?: boolean }) {
  const { data, error, refreshError, loading, reload } = useRequest<string>(
    query === undefined
      ? undefined
      : (signal) => {
          calls[query].signal = signal;
          return calls[query].promise;
        },
    [query],
    { keepData }
  );
  return (
    <div>
      <span data-test-subj="data">{String(data)}</span>
      <span data-test-subj="state">{loading ? 'loading' : error ? `error:${(error as Error).message}` : `data:${data}`}</span>
      <span data-test-subj="refreshError">{refreshError ? (refreshError as Error).message : ''}</span>
      <button data-test-subj="reload" onClick={reload} />
    </div>
  );
}

describe('useRequest', () => {
  it('ignores an answer that arrives after a newer request, and aborts it', async () => {
    const calls = { a: deferred<string>(), b: deferred<string>() };
    const { rerender } = render(<Probe query="a" calls={calls} />);
    rerender(<Probe query="b" calls={calls} />);
    expect(calls.a.signal?.aborted).toBe(true);
    await act(async () => calls.b.resolve('B'));
    await act(async () => calls.a.resolve('A'));
    expect(screen.getByTestId('state')).toHaveTextContent('data:B');
  });

  it('reports failures and runs again on reload', async () => {
    const calls = { q: deferred<string>() };
    render(<Probe query="q" calls={calls} />);
    await act(async () => calls.q.reject(new Error('boom')));
    expect(screen.getByTestId('state')).toHaveTextContent('error:boom');
    calls.q = deferred<string>();
    act(() => screen.getByTestId('reload').click());
    expect(screen.getByTestId('state')).toHaveTextContent('loading');
    await act(async () => calls.q.resolve('ok'));
    expect(screen.getByTestId('state')).toHaveTextContent('data:ok');
  });

  it('waits while there is no fetcher, and aborts on unmount', async () => {
    const calls = { a: deferred<string>() };
    const { rerender, unmount } = render(<Probe query={undefined} calls={calls} />);
    expect(screen.getByTestId('state')).toHaveTextContent('data:undefined');
    rerender(<Probe query="a" calls={calls} />);
    expect(screen.getByTestId('state')).toHaveTextContent('loading');
    unmount();
    expect(calls.a.signal?.aborted).toBe(true);
  });

  it('keeps the data of other inputs while new ones load, unless told not to; a reload keeps it either way', async () => {
    for (const keepData of [true, false]) {
      const calls = { a: deferred<string>(), b: deferred<string>() };
      const { rerender, unmount } = render(<Probe query="a" calls={calls} keepData={keepData} />);
      await act(async () => calls.a.resolve('A'));
      rerender(<Probe query="b" calls={calls} keepData={keepData} />);
      expect(screen.getByTestId('data')).toHaveTextContent(keepData ? 'A' : 'undefined');
      await act(async () => calls.b.resolve('B'));
      calls.b = deferred<string>();
      act(() => screen.getByTestId('reload').click());
      expect(screen.getByTestId('state')).toHaveTextContent('loading');
      expect(screen.getByTestId('data')).toHaveTextContent('B');
      unmount();
    }
  });

  it('keeps the last answer when a reload of it fails on its own (5xx, network), until one succeeds', async () => {
    const calls = { q: deferred<string>(), r: deferred<string>() };
    const { rerender } = render(<Probe query="q" calls={calls} />);
    await act(async () => calls.q.resolve('Q'));
    calls.q = deferred<string>();
    act(() => screen.getByTestId('reload').click());
    await act(async () => calls.q.reject(httpError(502, 'Bad Gateway')));
    expect(screen.getByTestId('state')).toHaveTextContent('data:Q');
    expect(screen.getByTestId('refreshError')).toHaveTextContent('Internal Server Error');
    // Still said while the next reload runs; gone once it answers.
    calls.q = deferred<string>();
    act(() => screen.getByTestId('reload').click());
    expect(screen.getByTestId('refreshError')).toHaveTextContent('Internal Server Error');
    await act(async () => calls.q.resolve('Q2'));
    expect(screen.getByTestId('state')).toHaveTextContent('data:Q2');
    expect(screen.getByTestId('refreshError')).toBeEmptyDOMElement();
    // A refusal that will not pass (404: gone) replaces the data, and so does any failure of other inputs.
    calls.q = deferred<string>();
    act(() => screen.getByTestId('reload').click());
    await act(async () => calls.q.reject(httpError(404, 'Failed to find model')));
    expect(screen.getByTestId('state')).toHaveTextContent('error:Not Found');
    rerender(<Probe query="r" calls={calls} />);
    await act(async () => calls.r.reject(httpError(502, 'Bad Gateway')));
    expect(screen.getByTestId('state')).toHaveTextContent('error:Internal Server Error');
  });
});
