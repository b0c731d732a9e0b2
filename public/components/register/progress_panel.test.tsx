import { act, render, screen } from '@testing-library/react';
import React from 'react';
import type { FlowState } from '../../lib/register_flow';
import { ProgressPanel } from './progress_panel';

const uploading = (chunksDone: number): FlowState => ({
  phase: 'uploading',
  cleanup: [],
  warnings: [],
  uploadProgress: { bytesSent: chunksDone * 10000000, totalBytes: 83700000, chunksDone, totalChunks: 9, bytesPerSecond: 42000000, etaSeconds: 1 },
});

describe('ProgressPanel', () => {
  afterEach(() => jest.useRealTimers());

  it('scrolls itself into view once, when it opens below the form (not on every progress step)', () => {
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    try {
      const { rerender } = render(<ProgressPanel state={uploading(3)} onCancel={() => undefined} />);
      rerender(<ProgressPanel state={uploading(4)} onCancel={() => undefined} />);
      expect(scrollIntoView).toHaveBeenCalledTimes(1);
      expect(scrollIntoView.mock.contexts[0]).toBe(screen.getByTestId('registerProgress'));
    } finally {
      delete (Element.prototype as Partial<Element>).scrollIntoView;
    }
  });

  it('says when a chunk has gone unanswered for a while (the figures move per chunk and would read as live)', () => {
    jest.useFakeTimers();
    const { rerender } = render(<ProgressPanel state={uploading(3)} onCancel={() => undefined} />);
    expect(screen.queryByTestId('uploadStalled')).not.toBeInTheDocument();
    act(() => {
      jest.advanceTimersByTime(45000);
    });
    expect(screen.getByTestId('uploadStalled')).toHaveTextContent('Chunk 4 of 9 has had no answer for 45 s');
    // The chunk is answered: the next one starts its own count.
    rerender(<ProgressPanel state={uploading(4)} onCancel={() => undefined} />);
    expect(screen.queryByTestId('uploadStalled')).not.toBeInTheDocument();
  });
});
