import { EuiButtonEmpty, EuiButtonIcon, EuiFlexGroup, EuiFlexItem, EuiPopover, EuiRadioGroup, EuiToolTip } from '@elastic/eui';
import React, { useState } from 'react';
import { REFRESH_INTERVALS } from '../../hooks/use_auto_refresh';

export function intervalLabel(ms: number): string {
  if (!ms) return 'Off';
  return ms < 60000 ? `${ms / 1000} seconds` : `${ms / 60000} minute${ms === 60000 ? '' : 's'}`;
}

interface Props {
  intervalMs: number;
  onChange: (ms: number) => void;
  onRefresh: () => void;
}

/** A refresh button and an auto-refresh interval popover (off by default). */
export function RefreshControl({ intervalMs, onChange, onRefresh }: Props) {
  const [open, setOpen] = useState(false);
  const shown = intervalMs ? `Every ${intervalLabel(intervalMs)}` : 'Auto-refresh off';
  return (
    <EuiFlexGroup gutterSize="xs" responsive={false} alignItems="center">
      <EuiFlexItem grow={false}>
        <EuiPopover
          isOpen={open}
          closePopover={() => setOpen(false)}
          panelPaddingSize="s"
          button={
            <EuiButtonEmpty
              size="s"
              iconType="clock"
              onClick={() => setOpen(!open)}
              data-test-subj="autoRefreshButton"
              // The name holds the text shown (what speech input users say), and what it sets.
              aria-label={`Auto-refresh interval: ${shown}`}
            >
              {shown}
            </EuiButtonEmpty>
          }
        >
          <EuiRadioGroup
            idSelected={`refresh-${intervalMs}`}
            options={REFRESH_INTERVALS.map((ms) => ({ id: `refresh-${ms}`, label: intervalLabel(ms), 'data-test-subj': `autoRefresh-${ms}` }))}
            onChange={(id) => {
              onChange(Number(id.replace('refresh-', '')));
              setOpen(false);
            }}
            legend={{ children: 'Refresh every' }}
          />
        </EuiPopover>
      </EuiFlexItem>
      <EuiFlexItem grow={false}>
        <EuiToolTip content="Refresh now">
          <EuiButtonIcon iconType="refresh" aria-label="Refresh now" onClick={onRefresh} data-test-subj="refreshButton" />
        </EuiToolTip>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}
