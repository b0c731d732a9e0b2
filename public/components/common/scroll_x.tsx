import React from 'react';

/**
 * A table that needs `minWidth` to stay readable: in a narrower page (an 800 px window beside
 * the side nav) it scrolls sideways instead of squeezing its columns to a letter each.
 */
export function ScrollX({ minWidth, children }: { minWidth: number; children: React.ReactNode }) {
  // The table's pagination row (an OUI flex group) has -12 px margins, which overflowed the
  // scroller by 12 px each way and gave every paged table scrollbars it did not need: the scroller
  // reaches 12 px further and its content keeps 12 px of room there, so the table stays in place.
  return (
    <div style={{ overflowX: 'auto', marginRight: -GUTTER, marginBottom: -GUTTER }} data-test-subj="scrollX">
      <div style={{ minWidth, paddingRight: GUTTER, paddingBottom: GUTTER }}>{children}</div>
    </div>
  );
}

/** OUI's large flex-group gutter, as half of it on each side (`euiFlexGroup--gutterLarge`). */
const GUTTER = 12;
