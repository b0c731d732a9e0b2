import { act, render, screen } from '@testing-library/react';
import React from 'react';
import * as sha256 from '../lib/sha256';
import * as zipInspect from '../lib/zip_inspect';
import { useRegisterFileHash, useRegisterInspection } from './use_register_inspection';

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
    act(() => {
      ticks[0]({ bytesHashed: 111, totalBytes: 200 });
    });
    expect(screen.getByTestId('progress')).toHaveTextContent('none');
    act(() => {
      ticks[1]({ bytesHashed: 5, totalBytes: 10 });
    });
    expect(screen.getByTestId('progress')).toHaveTextContent('5');
    hash.mockRestore();
  });
});

function InspectProbe({ file }: { file?: File }) {
  const state = useRegisterInspection(file);
  return (
    <>
      <span data-test-subj="progress">{state.progress ? `${state.progress.bytesDone}` : 'none'}</span>
      <span data-test-subj="report">{state.report ? state.report.fileName : state.inspecting ? 'inspecting' : 'idle'}</span>
    </>
  );
}

describe('useRegisterInspection', () => {
  it("ignores progress and the late report of a file that was replaced (they belong to the old file)", async () => {
    const calls: Array<{ onProgress: (p: zipInspect.InspectProgress) => void; resolve: (r: zipInspect.ZipReport) => void }> = [];
    const inspect = jest.spyOn(zipInspect, 'inspectModelZip').mockImplementation(
      (_file, opts) => new Promise((resolve) => calls.push({ onProgress: opts?.onProgress as never, resolve }))
    );
    const report = (fileName: string) => ({ fileName, sizeBytes: 1, entries: [], problems: [], warnings: [] } as zipInspect.ZipReport);
    const { rerender } = render(<InspectProbe file={new File(['a'], 'a.zip')} />);
    rerender(<InspectProbe file={new File(['b'], 'b.zip')} />);
    expect(calls).toHaveLength(2);
    act(() => {
      calls[0].onProgress({ phase: 'onnx', bytesDone: 111, bytesTotal: 200 });
    });
    expect(screen.getByTestId('progress')).toHaveTextContent('none');
    await act(async () => calls[0].resolve(report('a.zip')));
    expect(screen.getByTestId('report')).toHaveTextContent('inspecting');
    act(() => {
      calls[1].onProgress({ phase: 'onnx', bytesDone: 7, bytesTotal: 10 });
    });
    expect(screen.getByTestId('progress')).toHaveTextContent('7');
    await act(async () => calls[1].resolve(report('b.zip')));
    expect(screen.getByTestId('report')).toHaveTextContent('b.zip');
    inspect.mockRestore();
  });
});
