import { act, render, screen } from '@testing-library/react';
import React from 'react';
import * as sha256 from '../lib/sha256';
import { useRegisterFileHash } from './use_register_inspection';

function Probe({ file }: { file?: File }) {
  const state = useRegisterFileHash(file, true);
  return <span data-test-subj="progress">{state.progress ? `${state.progress.bytesHashed}` : 'none'}</span>;
}

describe('useRegisterFileHash', () => {
  it("ignores progress from the hash of a file that was replaced (it must not show in the new file's bar)", async () => {
    const ticks: Array<(p: { bytesHashed: number; totalBytes: number }) => void> = [];
    const hash = jest.spyOn(sha256, 'cachedSha256').mockImplementation((_file, opts) => {
      ticks.push(opts?.onProgress as never);
      return new Promise(() => undefined);
    });
    const a = new File(['a'], 'a.zip');
    const b = new File(['b'], 'b.zip');
    const { rerender } = render(<Probe file={a} />);
    rerender(<Probe file={b} />);
    expect(ticks).toHaveLength(2);
    act(() => ticks[0]({ bytesHashed: 111, totalBytes: 200 }));
    expect(screen.getByTestId('progress')).toHaveTextContent('none');
    act(() => ticks[1]({ bytesHashed: 5, totalBytes: 10 }));
    expect(screen.getByTestId('progress')).toHaveTextContent('5');
    hash.mockRestore();
  });
});
