import React from 'react';

/**
 * A table that needs `minWidth` to stay readable: in a narrower page (an 800 px window beside
 * the side nav) it scrolls sideways instead of squeezing its columns to a letter each.
 */
export function ScrollX({ minWidth, children }: { minWidth: number; children: React.ReactNode }) {
  return (
    <div style={{ overflowX: 'auto' }} data-test-subj="scrollX">
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
