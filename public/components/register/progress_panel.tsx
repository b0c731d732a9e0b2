import { EuiButton, EuiCallOut, EuiFlexGroup, EuiFlexItem, EuiProgress, EuiSpacer, EuiText } from '@elastic/eui';
import React, { useEffect, useRef, useState } from 'react';
import type { FlowState } from '../../lib/register_flow';
import { TaskStateHealth } from '../common/task_state';
import { describeUpload, formatBytes, formatDuration } from './format_progress';

const PHASE_TEXT: Partial<Record<FlowState['phase'], string>> = {
  creating_group: 'Creating the model group…',
  hashing: 'Computing the SHA-256 of the zip in the browser…',
  registering: 'Registering the model…',
  uploading: 'Uploading the zip in chunks…',
  waiting_registered: 'Waiting for ML Commons to finish registering…',
  waiting_task: 'ML Commons is downloading and registering the model…',
  deploying: 'Deploying the model…',
  cleaning_up: 'Cleaning up…',
};

/** A chunk unanswered for longer than this is said to be waiting (a 10 MB chunk takes ~0.2 s locally). */
const STALL_SECONDS = 10;

/** Whole seconds since `key` last changed, ticking once a second. */
function useSecondsSince(key: unknown): number {
  const [since, setSince] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const at = Date.now();
    setSince(at);
    setNow(at);
  }, [key]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.floor((now - since) / 1000));
}

/** Where a running registration is, with the one action that makes sense then: cancel. */
export function ProgressPanel({ state, onCancel }: { state: FlowState; onCancel: () => void }) {
  const { hashProgress: hp, uploadProgress: up } = state;
  const canCancel = state.phase !== 'cleaning_up';
  // Progress moves per chunk: while one goes unanswered, the figures above would read as live.
  const unanswered = useSecondsSince(up);
  const stalled = state.phase === 'uploading' && up && !up.retry && up.chunksDone < up.totalChunks && unanswered >= STALL_SECONDS;
  // It opens below a long form, where the button that started it is: brought into view once, so
  // the progress and Cancel are seen without scrolling.
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, []);
  return (
    <div data-test-subj="registerProgress" ref={panel}>
      <EuiText size="s">
        <p data-test-subj="registerPhase">{PHASE_TEXT[state.phase]}</p>
      </EuiText>
      <EuiSpacer size="s" />
      {state.phase === 'hashing' && hp && (
        <>
          <EuiProgress value={hp.bytesHashed} max={Math.max(1, hp.totalBytes)} size="m" color="primary" data-test-subj="hashProgress" />
          <EuiText size="xs" color="subdued">
            <p>
              {formatBytes(hp.bytesHashed)} of {formatBytes(hp.totalBytes)} hashed
            </p>
          </EuiText>
        </>
      )}
      {up && (state.phase === 'uploading' || state.phase === 'waiting_registered') && (
        <>
          <EuiProgress value={up.bytesSent} max={Math.max(1, up.totalBytes)} size="m" color="success" data-test-subj="uploadProgress" />
          <EuiText size="xs" color="subdued">
            <p data-test-subj="uploadStats">{describeUpload(up)}</p>
          </EuiText>
          {stalled && (
            <EuiText size="xs" color="warning">
              <p data-test-subj="uploadStalled">
                Chunk {up.chunksDone + 1} of {up.totalChunks} has had no answer for {formatDuration(unanswered)}; the upload goes on as long as the connection does (Cancel stops it).
              </p>
            </EuiText>
          )}
          {up.retry && (
            <EuiCallOut
              size="s"
              color="warning"
              iconType="refresh"
              data-test-subj="uploadRetry"
              title={`Chunk ${up.retry.chunkNumber + 1} failed (${up.retry.reason}); attempt ${up.retry.attempt} in ${formatDuration(up.retry.delayMs / 1000)}.`}
            />
          )}
        </>
      )}
      {(state.phase === 'waiting_task' || state.phase === 'deploying') && (
        <>
          <EuiProgress size="xs" color="primary" />
          <EuiText size="xs">
            <div>
              Task {state.phase === 'deploying' ? state.deployTaskId : state.registerTaskId}:{' '}
              <TaskStateHealth state={(state.phase === 'deploying' ? state.deployTask : state.registerTask)?.state || 'CREATED'} /> (checked every 2 s)
            </div>
          </EuiText>
        </>
      )}
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="s">
        <EuiFlexItem grow={false}>
          <EuiButton color="danger" size="s" onClick={onCancel} isDisabled={!canCancel} data-test-subj="registerCancel">
            Cancel
          </EuiButton>
        </EuiFlexItem>
      </EuiFlexGroup>
    </div>
  );
}
