import { fireEvent, render, screen } from '@testing-library/react';
import React from 'react';
import { CosineMatrix, matrixSummary, MATRIX_TABLE_MAX } from './cosine_matrix';
import { stripLabel, VectorStrip } from './vector_strip';

// jsdom has no canvas: nothing is drawn here (the Chromium tests draw it); the text around it is.
HTMLCanvasElement.prototype.getContext = jest.fn(() => null) as never;

/** n inputs where i and j are (100 - |i - j|) / 100 alike, except 2 and 5 (1-based 3 and 6): 0.995. */
function matrixOf(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = i === j ? 1 : (100 - Math.abs(i - j)) / 100;
  m[2 * n + 5] = m[5 * n + 2] = 0.995;
  return m;
}

describe('CosineMatrix above the table size (canvas)', () => {
  const n = MATRIX_TABLE_MAX + 1;
  const labels = Array.from({ length: n }, (_x, i) => `sentence ${i + 1}`);

  it('names the most and least similar pairs as its text alternative', () => {
    render(<CosineMatrix matrix={matrixOf(n)} labels={labels} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      `Cosine similarity of ${n} inputs. Most similar: 3 and 6 (0.995); least similar: 1 and ${n} (${((100 - (n - 1)) / 100).toFixed(3)}). Use the arrow keys to read each cell.`
    );
  });

  it('reads cells with the arrow keys into a live readout', () => {
    render(<CosineMatrix matrix={matrixOf(n)} labels={labels} />);
    const canvas = screen.getByRole('img');
    const readout = screen.getByTestId('cosineReadout');
    expect(readout.getAttribute('aria-live')).toBe('polite');
    expect(canvas.tabIndex).toBe(0);
    fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    expect(readout.textContent).toMatch(/^1 vs 1: 1\.0000/);
    fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    fireEvent.keyDown(canvas, { key: 'ArrowDown' });
    expect(readout.textContent).toMatch(/^2 vs 2: 1\.0000/);
    fireEvent.keyDown(canvas, { key: 'ArrowUp' });
    fireEvent.keyDown(canvas, { key: 'ArrowUp' });
    expect(readout.textContent).toMatch(/^1 vs 2: 0\.9900 — sentence 1 \/ sentence 2/);
  });
});

describe('text alternatives', () => {
  it('summarises a single input and a vector strip', () => {
    expect(matrixSummary(new Float64Array([1]), 1)).toBe('Cosine similarity of 1 inputs.');
    expect(stripLabel([0.5, -0.25, 0.125])).toBe('Vector of 3 values from -0.2500 to 0.5000');
    render(<VectorStrip values={[1, 2]} />);
    expect(screen.getByRole('img', { name: 'Vector of 2 values from 1.0000 to 2.0000' })).toBeTruthy();
  });
});
