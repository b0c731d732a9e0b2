import { EuiText } from '@elastic/eui';
import React, { useEffect, useRef, useState } from 'react';
import { divergingColor, textColorOn } from '../../lib/playground_vectors';
import { shorten } from '../common/format';

interface Props {
  /** Row-major N x N cosine values. */
  matrix: Float64Array;
  labels: string[];
  /** Called once the matrix is on screen (the browser test times click-to-matrix with it). */
  onRendered?: () => void;
}

/** Up to this many inputs the cells are table cells with their values printed in them. */
export const MATRIX_TABLE_MAX = 12;
const CANVAS_SIZE = 520;

const short = (s: string, n = 28) => shorten(s, n);

/** Small matrices: plain cells (no OUI component per cell), values in the cells and on hover. */
function MatrixTable({ matrix, labels }: Props) {
  const n = labels.length;
  return (
    <table className="mlModelsCosineTable" style={{ borderCollapse: 'collapse', fontSize: 12 }} data-test-subj="cosineMatrix" data-size={n}>
      <thead>
        <tr>
          <th />
          {labels.map((_l, j) => (
            <th key={j} title={labels[j]} style={{ padding: '2px 6px', fontWeight: 600 }}>
              {j + 1}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {labels.map((label, i) => (
          <tr key={i}>
            <th title={label} style={{ textAlign: 'left', padding: '2px 8px', fontWeight: 400, whiteSpace: 'nowrap' }}>
              {i + 1}. {short(label)}
            </th>
            {labels.map((_l, j) => {
              const v = matrix[i * n + j];
              return (
                <td
                  key={j}
                  title={`${i + 1} vs ${j + 1}: ${v.toFixed(4)}`}
                  data-test-subj={`cosineCell-${i}-${j}`}
                  data-value={v}
                  style={{ background: divergingColor(v), color: textColorOn(v), width: 56, height: 30, textAlign: 'center', border: '1px solid #fff' }}
                >
                  {v.toFixed(3)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The most and least similar pairs of different inputs, for the canvas's text alternative. */
export function matrixSummary(matrix: Float64Array, n: number): string {
  let hi = { i: -1, j: -1, v: -Infinity };
  let lo = { i: -1, j: -1, v: Infinity };
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = matrix[i * n + j];
      if (v > hi.v) hi = { i, j, v };
      if (v < lo.v) lo = { i, j, v };
    }
  }
  const head = `Cosine similarity of ${n} inputs`;
  if (hi.i < 0) return `${head}.`;
  return `${head}. Most similar: ${hi.i + 1} and ${hi.j + 1} (${hi.v.toFixed(3)}); least similar: ${lo.i + 1} and ${lo.j + 1} (${lo.v.toFixed(3)}). Use the arrow keys to read each cell.`;
}

const KEY_STEPS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/**
 * Large matrices: one canvas, drawn once per result. Pointing or the arrow keys (once focused)
 * move a readout, announced to screen readers; only the readout and a cell outline re-render, so
 * the page stays responsive with 50 x 50 cells.
 */
function MatrixCanvas({ matrix, labels, onRendered }: Props) {
  const n = labels.length;
  const cell = Math.max(4, Math.floor(CANVAS_SIZE / n));
  const size = cell * n;
  const ref = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ i: number; j: number } | undefined>();
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx) {
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          ctx.fillStyle = divergingColor(matrix[i * n + j]);
          ctx.fillRect(j * cell, i * cell, cell, cell);
        }
      }
    }
    setDrawn(true);
    onRendered?.();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matrix, n, cell]);

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const j = Math.floor((e.clientX - rect.left) / cell);
    const i = Math.floor((e.clientY - rect.top) / cell);
    if (i >= 0 && j >= 0 && i < n && j < n && (hover?.i !== i || hover?.j !== j)) setHover({ i, j });
  };

  const onKey = (e: React.KeyboardEvent<HTMLCanvasElement>) => {
    const step = KEY_STEPS[e.key];
    if (!step) return;
    e.preventDefault();
    const from = hover ?? { i: 0, j: 0 };
    const clamp = (x: number) => Math.min(n - 1, Math.max(0, x));
    setHover(hover ? { i: clamp(from.i + step[0]), j: clamp(from.j + step[1]) } : from);
  };

  return (
    <div data-test-subj="cosineMatrix" data-size={n} data-drawn={drawn}>
      {/* Past ~130 inputs the 4 px cells outgrow the panel: they scroll here, not the whole page. */}
      <div style={{ maxWidth: '100%', maxHeight: CANVAS_SIZE + 120, overflow: 'auto' }} data-test-subj="cosineScroll">
        <div style={{ position: 'relative', width: size, height: size }}>
          <canvas
            ref={ref}
            width={size}
            height={size}
            role="img"
            aria-label={matrixSummary(matrix, n)}
            tabIndex={0}
            onKeyDown={onKey}
            onMouseMove={onMove}
            onMouseLeave={() => setHover(undefined)}
            style={{ cursor: 'crosshair', display: 'block' }}
            data-test-subj="cosineCanvas"
          />
          {hover && (
            <div
              aria-hidden
              style={{ position: 'absolute', left: hover.j * cell, top: hover.i * cell, width: cell, height: cell, boxSizing: 'border-box', border: '2px solid #000', pointerEvents: 'none' }}
            />
          )}
        </div>
      </div>
      <EuiText size="xs" data-test-subj="cosineReadout" aria-live="polite">
        {hover ? (
          <p>
            <strong>
              {hover.i + 1} vs {hover.j + 1}: {matrix[hover.i * n + hover.j].toFixed(4)}
            </strong>{' '}
            — {short(labels[hover.i], 40)} / {short(labels[hover.j], 40)}
          </p>
        ) : (
          <p>Point at a cell, or focus the matrix and use the arrow keys, to read its cosine.</p>
        )}
      </EuiText>
    </div>
  );
}

function MatrixTableRendered(props: Props) {
  const { onRendered } = props;
  useEffect(() => onRendered?.(), [props.matrix, onRendered]);
  return <MatrixTable {...props} />;
}

/** The cosine similarity of every pair of inputs as a heatmap. */
export const CosineMatrix = React.memo(function CosineMatrix(props: Props) {
  return props.labels.length <= MATRIX_TABLE_MAX ? <MatrixTableRendered {...props} /> : <MatrixCanvas {...props} />;
});
