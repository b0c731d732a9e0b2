import { EuiFlexItem, EuiSelect } from '@elastic/eui';
import React from 'react';

interface Props<V extends string> {
  options: Array<{ value: string; text: string }>;
  value: V;
  onChange(value: V): void;
  label: string;
  'data-test-subj': string;
}

/** One compact filter select in a page's filter bar. */
export function FilterSelect<V extends string>({ options, value, onChange, label, 'data-test-subj': testSubj }: Props<V>) {
  return (
    <EuiFlexItem grow={false}>
      <EuiSelect
        compressed
        options={options}
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
        aria-label={label}
        data-test-subj={testSubj}
      />
    </EuiFlexItem>
  );
}
