import { EuiAccordion, EuiFlexGroup, EuiFlexItem, EuiIcon, EuiPanel, EuiText } from '@elastic/eui';
import React from 'react';
import type { ReadinessCheck, ReadinessResponse } from '../../../common/types';
import type { RequestState } from '../../hooks/use_request';
import { AppLink, appPaths } from '../common/app_link';
import { errorMessage, errorStatus } from '../../apis/errors';
import { ErrorCallout } from '../common/error_callout';

function CheckRow({ check }: { check: ReadinessCheck }) {
  return (
    <EuiFlexGroup gutterSize="s" alignItems="flexStart" responsive={false} data-test-subj={`readinessCheck-${check.id}`}>
      <EuiFlexItem grow={false}>
        <EuiIcon
          type={check.ok ? 'checkInCircleFilled' : 'alert'}
          color={check.ok ? 'success' : 'danger'}
          aria-label={check.ok ? 'OK' : 'Not OK'}
          data-test-subj={`readinessCheck-${check.id}-${check.ok ? 'ok' : 'notOk'}`}
        />
      </EuiFlexItem>
      <EuiFlexItem>
        <EuiText size="s">{check.message}</EuiText>
      </EuiFlexItem>
    </EuiFlexGroup>
  );
}

/**
 * Whether the cluster settings let custom local models be registered and deployed. Opens by itself
 * when something fails, since that explains why register or deploy would be refused. The page owns
 * the request, so its refresh (and auto-refresh) reads the settings again too.
 */
export function ReadinessPanel({ readiness }: { readiness: RequestState<ReadinessResponse> }) {
  const { data, error, reload } = readiness;
  // A role that may not read the cluster's settings (ml_read_access has no cluster:monitor/state)
  // meets this on every visit: nothing is wrong with the cluster, so a note rather than a warning.
  if (error && errorStatus(error) === 403) {
    return (
      <EuiText size="xs" color="subdued" data-test-subj="readinessForbidden">
        Cluster readiness is not shown: your role may not read the cluster&apos;s settings ({errorMessage(error)}).
      </EuiText>
    );
  }
  if (error) {
    return (
      <ErrorCallout title="Could not read the cluster's ML settings" error={error} onRetry={reload} color="warning" data-test-subj="readinessError" />
    );
  }
  if (!data) return null;
  const failing = data.checks.filter((c) => !c.ok).length;
  const summary =
    failing === 0 ? 'Cluster ready for local models' : `Cluster readiness: ${failing} of ${data.checks.length} checks need attention`;
  return (
    <EuiPanel paddingSize="s" hasShadow={false} hasBorder data-test-subj="readinessPanel">
      <EuiAccordion id="mlModelsReadiness" buttonContent={summary} initialIsOpen={failing > 0} data-test-subj="readinessAccordion">
        {data.checks.map((check) => (
          <CheckRow key={check.id} check={check} />
        ))}
        <EuiText size="xs" color="subdued" data-test-subj="readinessNodes">
          {data.nodes.length === 0
            ? 'No node can run local models right now.'
            : `Nodes that can run local models: ${data.nodes.map((n) => n.name || n.id).join(', ')}`}
        </EuiText>
        <EuiText size="xs">
          <AppLink to={appPaths.cluster()} data-test-subj="readinessDetailsLink">
            What each setting means, and how to change it
          </AppLink>
        </EuiText>
      </EuiAccordion>
    </EuiPanel>
  );
}
