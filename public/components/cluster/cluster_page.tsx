import {
  EuiBasicTable,
  EuiBasicTableColumn,
  EuiButton,
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiIcon,
  EuiLoadingSpinner,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import React, { useState } from 'react';
import type { ReadinessApplyBody, ReadinessCheck, ReadinessSettingValue } from '../../../common/types';
import { useReadiness } from '../../hooks/use_readiness';
import { useServices } from '../../services';
import { EMPTY } from '../common/format';
import { ErrorCallout, RefreshErrorCallout } from '../common/error_callout';
import { PageTitle } from '../common/page_title';
import { ApplySettingsModal } from './apply_settings_modal';
import { recommendations, SETTING_INFO } from './setting_info';

const SOURCE_LABEL: Record<ReadinessSettingValue['source'], string> = {
  transient: 'transient setting',
  persistent: 'persistent setting',
  defaults: 'node or default',
  unset: 'not set',
};

const SETTING_COLUMNS: Array<EuiBasicTableColumn<ReadinessSettingValue>> = [
  {
    field: 'key',
    name: 'Setting',
    width: '30%',
    render: (key: ReadinessSettingValue['key'], s: ReadinessSettingValue) => (
      <div>
        <EuiText size="s">
          <strong>{SETTING_INFO[key]?.title ?? key}</strong>
        </EuiText>
        <EuiText size="xs" color="subdued">
          <code>{s.setting}</code>
        </EuiText>
      </div>
    ),
  },
  { field: 'key', name: 'What it means', render: (key: ReadinessSettingValue['key']) => SETTING_INFO[key]?.meaning ?? EMPTY },
  {
    field: 'value',
    name: 'Value',
    width: '160px',
    render: (value: ReadinessSettingValue['value'], s: ReadinessSettingValue) => (
      <div data-test-subj={`settingValue-${s.key}`}>
        <EuiText size="s">{value === null ? EMPTY : Array.isArray(value) ? value.join(', ') : String(value)}</EuiText>
        <EuiText size="xs" color="subdued">
          {SOURCE_LABEL[s.source]}
        </EuiText>
      </div>
    ),
  },
];

function Check({ check }: { check: ReadinessCheck }) {
  return (
    <EuiFlexGroup gutterSize="s" alignItems="flexStart" responsive={false} data-test-subj={`clusterCheck-${check.id}`}>
      <EuiFlexItem grow={false}>
        <EuiIcon type={check.ok ? 'checkInCircleFilled' : 'alert'} color={check.ok ? 'success' : 'danger'} aria-label={check.ok ? 'OK' : 'Needs attention'} />
      </EuiFlexItem>
      <EuiFlexItem>
        <EuiText size="s">{check.message}</EuiText>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}

/**
 * The ML Commons settings that decide whether registering and deploying work on this cluster, what
 * each means, and a confirmed apply of the changes this plugin needs. Whether the user may change
 * cluster settings is the cluster's call: a refusal shows its own reason.
 */
export function ClusterPage() {
  const { apis, notifications } = useServices();
  const readiness = useReadiness();
  const [applying, setApplying] = useState(false);
  const [busy, setBusy] = useState(false);
  const [applyError, setApplyError] = useState<unknown>();

  if (readiness.error) {
    return (
      <>
        <PageTitle title="Cluster readiness" />
        <ErrorCallout title="Could not read the cluster's ML settings" error={readiness.error} onRetry={readiness.reload} data-test-subj="clusterError" />
      </>
    );
  }
  if (!readiness.data) return <EuiLoadingSpinner size="l" />;
  const data = readiness.data;
  const recs = recommendations(data);

  const apply = async (settings: ReadinessApplyBody['settings']) => {
    setBusy(true);
    setApplyError(undefined);
    try {
      await apis.cluster.applySettings({ settings });
      notifications.toasts.addSuccess({ title: 'Cluster settings updated', text: Object.keys(settings).join(', ') });
      setApplying(false);
      readiness.reload();
    } catch (err) {
      // Shown in the dialog, and under the checks once it is closed: a toast would say it a third time.
      setApplyError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle
        title="Cluster readiness"
        description="The ML Commons settings that decide whether custom models can be registered and deployed on this cluster."
      />
      <RefreshErrorCallout what="the settings" error={readiness.refreshError} onRetry={readiness.reload} />
      <EuiPanel hasBorder hasShadow={false} paddingSize="m" data-test-subj="clusterChecks">
        <EuiTitle size="xs">
          <h2>Checks</h2>
        </EuiTitle>
        <EuiSpacer size="s" />
        {data.checks.map((c) => (
          <Check key={c.id} check={c} />
        ))}
        <EuiSpacer size="s" />
        <EuiText size="xs" color="subdued" data-test-subj="clusterNodes">
          {data.nodes.length === 0
            ? 'No node can run local models right now.'
            : `Nodes that can run local models: ${data.nodes.map((n) => `${n.name || n.id} (${n.roles.join(', ')})`).join('; ')}`}
        </EuiText>
      </EuiPanel>
      <EuiSpacer size="m" />
      {recs.length > 0 ? (
        <EuiCallOut
          title={`${recs.filter((r) => r.needed).length ? 'Settings to change' : 'Optional settings'} for this plugin`}
          color={recs.some((r) => r.needed) ? 'warning' : 'primary'}
          iconType="wrench"
          data-test-subj="clusterRecommendations"
        >
          <ul>
            {recs.map((r) => (
              <li key={r.key} data-test-subj={`recommendation-${r.key}`}>
                {SETTING_INFO[r.key].title} → {String(r.value)}: {r.why}
              </li>
            ))}
          </ul>
          <EuiButton
            size="s"
            onClick={() => {
              // A new attempt starts clean: the last refusal stays on the page, not in the dialog.
              setApplyError(undefined);
              setApplying(true);
            }}
            data-test-subj="applySettingsButton"
          >
            Review and apply…
          </EuiButton>
        </EuiCallOut>
      ) : data.checks.some((c) => !c.ok) ? (
        // A full node or a risky URL pattern is not a setting this page applies: do not call it all set.
        <EuiCallOut
          title="No setting for this page to apply, but the checks marked above need attention."
          color="warning"
          iconType="alert"
          size="s"
          data-test-subj="clusterChecksOpen"
        />
      ) : (
        <EuiCallOut title="Nothing to change: the settings allow everything this plugin does." color="success" iconType="check" size="s" data-test-subj="clusterAllSet" />
      )}
      {applyError !== undefined && !applying && (
        <>
          <EuiSpacer size="m" />
          <ErrorCallout title="The cluster refused the change" error={applyError} data-test-subj="clusterApplyError" />
        </>
      )}
      <EuiSpacer size="m" />
      <EuiBasicTable<ReadinessSettingValue>
        data-test-subj="clusterSettings"
        items={data.settings}
        columns={SETTING_COLUMNS}
        rowProps={(s: ReadinessSettingValue) => ({ 'data-test-subj': `settingRow-${s.key}` })}
      />
      {applying && (
        <ApplySettingsModal
          recommendations={recs}
          busy={busy}
          error={applyError}
          onCancel={() => setApplying(false)}
          onConfirm={apply}
        />
      )}
    </>
  );
}
