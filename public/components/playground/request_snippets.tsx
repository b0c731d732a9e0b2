import { EuiButtonEmpty, EuiCodeBlock, EuiCopy, EuiFlexGroup, EuiFlexItem, EuiTabbedContent, EuiText } from '@elastic/eui';
import React, { useMemo } from 'react';
import type { PlaygroundRequest } from '../../lib/playground_request';
import { clusterCurl, devToolsSnippet, nativeCurl } from '../../lib/playground_snippets';

function Snippet({ text, language, id }: { text: string; language: string; id: string }) {
  return (
    <>
      <EuiFlexGroup justifyContent="flexEnd" gutterSize="none">
        <EuiFlexItem grow={false}>
          <EuiCopy textToCopy={text}>
            {(copy) => (
              <EuiButtonEmpty size="xs" iconType="copyClipboard" onClick={copy} data-test-subj={`copy-${id}`}>
                Copy
              </EuiButtonEmpty>
            )}
          </EuiCopy>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiCodeBlock language={language} paddingSize="s" overflowHeight={260} data-test-subj={`snippet-${id}`}>
        {text}
      </EuiCodeBlock>
    </>
  );
}

/** The request exactly as sent, for Dev Tools and for a shell; host and password are placeholders. */
export function RequestSnippets({ request, dashboardsUrl }: { request: PlaygroundRequest; dashboardsUrl: string }) {
  const tabs = useMemo(() => {
    const out = [];
    if (request.target !== 'native' && request.modelId) {
      out.push({ id: 'devtools', name: 'Dev Tools', content: <Snippet id="devtools" language="json" text={devToolsSnippet(request)} /> });
      out.push({ id: 'curl', name: 'curl (OpenSearch)', content: <Snippet id="curl" language="bash" text={clusterCurl(request)} /> });
    }
    if (request.target !== 'cluster' && request.sha256) {
      out.push({ id: 'nativeCurl', name: 'curl (native, this Dashboards)', content: <Snippet id="nativeCurl" language="bash" text={nativeCurl(request, dashboardsUrl)} /> });
    }
    return out;
  }, [request, dashboardsUrl]);
  return (
    <div data-test-subj="requestSnippets">
      <EuiText size="xs" color="subdued">
        <p>Replace the host and the password with yours.</p>
      </EuiText>
      <EuiTabbedContent size="s" tabs={tabs} initialSelectedTab={tabs[0]} />
    </div>
  );
}
