import { EuiAccordion, EuiCodeBlock } from '@elastic/eui';
import React, { useState } from 'react';

/** Above this, syntax highlighting costs seconds (50 x 768 floats is ~1 MB of JSON). */
const HIGHLIGHT_MAX_CHARS = 100000;

/** A response as JSON, built and highlighted only once opened: a large one never slows the page. */
export function RawResponse({ side, response }: { side: string; response: unknown }) {
  const [open, setOpen] = useState(false);
  let body: React.ReactNode = null;
  if (open) {
    const text = JSON.stringify(response, null, 2);
    body = (
      <EuiCodeBlock language={text.length <= HIGHLIGHT_MAX_CHARS ? 'json' : 'text'} paddingSize="s" isCopyable overflowHeight={400} data-test-subj={`predictRaw-${side}`}>
        {text}
      </EuiCodeBlock>
    );
  }
  return (
    <EuiAccordion id={`mlModelsPlaygroundRaw-${side}`} buttonContent={`Raw response (${side})`} onToggle={setOpen} data-test-subj={`predictRawAccordion-${side}`}>
      {body}
    </EuiAccordion>
  );
}
