import { EuiPanel, EuiSpacer, EuiTitle } from '@elastic/eui';
import React from 'react';

/** A titled, bordered block of a page. */
export function Section({ title, children, testSubj }: { title: string; children: React.ReactNode; testSubj?: string }) {
  return (
    <EuiPanel hasShadow={false} hasBorder paddingSize="m" data-test-subj={testSubj}>
      <EuiTitle size="xs">
        <h2>{title}</h2>
      </EuiTitle>
      <EuiSpacer size="s" />
      {children}
    </EuiPanel>
  );
}
