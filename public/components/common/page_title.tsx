import { EuiSpacer, EuiText, EuiTitle } from '@elastic/eui';
import React from 'react';

export function PageTitle({ title, description }: { title: string; description?: React.ReactNode }) {
  return (
    <>
      <EuiTitle size="m">
        <h1 data-test-subj="pageTitle">{title}</h1>
      </EuiTitle>
      {description && (
        <EuiText size="s" color="subdued">
          <p>{description}</p>
        </EuiText>
      )}
      <EuiSpacer size="m" />
    </>
  );
}
