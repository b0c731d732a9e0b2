import React, { useEffect, useRef } from 'react';
import { divergingColor } from '../../lib/playground_vectors';

interface Props {
  values: number[];
  width?: number;
  height?: number;
  'data-test-subj'?: string;
}

/** The strip's text alternative: what a sighted user reads from it at a glance. */
export function stripLabel(values: number[]): string {
  if (!values.length) return 'Empty vector';
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return `Vector of ${values.length} values from ${min.toFixed(4)} to ${max.toFixed(4)}`;
}

/**
 * A vector as one row of coloured columns (blue negative, red positive, scaled by the largest
 * magnitude): a compact fingerprint in which similar vectors look alike. Canvas, so 50 strips of
 * 768 values cost 50 elements, not 38,400.
 */
export const VectorStrip = React.memo(function VectorStrip({ values, width = 240, height = 18, 'data-test-subj': testSubj }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    let max = 0;
    for (const v of values) max = Math.max(max, Math.abs(v));
    ctx.clearRect(0, 0, width, height);
    const step = width / Math.max(1, values.length);
    values.forEach((v, i) => {
      ctx.fillStyle = divergingColor(max ? v / max : 0);
      // Columns overlap by a pixel so narrow ones do not leave gaps.
      ctx.fillRect(Math.floor(i * step), 0, Math.ceil(step) + 1, height);
    });
  }, [values, width, height]);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      role="img"
      aria-label={stripLabel(values)}
      style={{ display: 'block', border: '1px solid #d3dae6' }}
      data-test-subj={testSubj}
    />
  );
});
