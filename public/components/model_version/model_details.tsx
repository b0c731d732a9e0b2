import { EuiButtonIcon, EuiCodeBlock, EuiCopy, EuiDescriptionList, EuiText, EuiToolTip } from '@elastic/eui';
import React from 'react';
import type { Model } from '../../../common/types';
import { AppLink, appPaths } from '../common/app_link';
import { EMPTY, formatBytes, formatTime, orEmpty } from '../common/format';
import { humanize } from '../common/labels';

function CopyableId({ value, testSubj }: { value: string; testSubj: string }) {
  return (
    <span data-test-subj={testSubj}>
      {value}{' '}
      <EuiCopy textToCopy={value}>{(copy) => <EuiButtonIcon iconType="copyClipboard" aria-label="Copy" onClick={copy} />}</EuiCopy>
    </span>
  );
}

export function ModelDetails({ model, groupName }: { model: Model; groupName?: string }) {
  return (
    <EuiDescriptionList
      type="column"
      compressed
      data-test-subj="modelDetails"
      listItems={[
        { title: 'Id', description: <CopyableId value={model.id} testSubj="modelId" /> },
        {
          title: 'Group',
          description: model.model_group_id ? (
            <AppLink to={appPaths.modelGroup(model.model_group_id)} data-test-subj="modelGroupLink">
              {groupName ?? model.model_group_id}
            </AppLink>
          ) : (
            EMPTY
          ),
        },
        { title: 'Version', description: orEmpty(model.model_version) },
        { title: 'Function', description: model.algorithm ? humanize(model.algorithm) : EMPTY },
        { title: 'Format', description: <span data-test-subj="modelFormat">{orEmpty(model.model_format)}</span> },
        {
          title: 'Size',
          description: (
            <EuiToolTip content={model.model_content_size_in_bytes !== undefined ? `${model.model_content_size_in_bytes} bytes` : undefined}>
              <span data-test-subj="modelSize">{formatBytes(model.model_content_size_in_bytes)}</span>
            </EuiToolTip>
          ),
        },
        {
          title: 'Chunks',
          // While REGISTERING, this is the count it was registered with, not what has arrived.
          description: <span data-test-subj="modelChunks">{model.model_state === 'REGISTERING' && model.total_chunks ? `${model.total_chunks} expected` : orEmpty(model.total_chunks)}</span>,
        },
        {
          title: 'SHA-256',
          description: model.model_content_hash_value ? (
            <EuiText size="xs" className="eui-textBreakAll">
              <code data-test-subj="modelHash">{model.model_content_hash_value}</code>
            </EuiText>
          ) : (
            EMPTY
          ),
        },
        { title: 'Description', description: orEmpty(model.description) },
        { title: 'Created', description: formatTime(model.created_time) },
        // ML Commons (2.19.6) sets it for URL registrations only; a chunked upload has "Created" alone.
        ...(model.last_registered_time ? [{ title: 'Registered', description: formatTime(model.last_registered_time) }] : []),
        { title: 'Last deployed', description: formatTime(model.last_deployed_time) },
        { title: 'Last undeployed', description: formatTime(model.last_undeployed_time) },
      ]}
    />
  );
}

/** `model_config` as stored; `all_config` is JSON text, shown parsed so it is readable. */
export function ModelConfigView({ model }: { model: Model }) {
  if (!model.model_config) {
    return (
      <EuiText size="s" color="subdued" data-test-subj="modelConfigNone">
        <p>No model configuration (sparse models need none).</p>
      </EuiText>
    );
  }
  const { all_config: allConfig, ...rest } = model.model_config;
  let parsedAll: unknown = allConfig;
  if (allConfig) {
    try {
      parsedAll = JSON.parse(allConfig);
    } catch {
      // shown as stored
    }
  }
  const shown = allConfig === undefined ? rest : { ...rest, all_config: parsedAll };
  return (
    <EuiCodeBlock language="json" fontSize="s" paddingSize="s" isCopyable overflowHeight={360} data-test-subj="modelConfig">
      {JSON.stringify(shown, null, 2)}
    </EuiCodeBlock>
  );
}
