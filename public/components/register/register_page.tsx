import {
  EuiButton,
  EuiButtonGroup,
  EuiCallOut,
  EuiCheckbox,
  EuiFieldText,
  EuiFilePicker,
  EuiFormRow,
  EuiProgress,
  EuiSpacer,
  EuiText,
} from '@elastic/eui';
import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router-dom';
import type { ReadinessCheck } from '../../../common/types';
import { errorMessage } from '../../apis/errors';
import { useRegister } from '../../hooks/use_register';
import { useRegisterFileHash, useRegisterInspection } from '../../hooks/use_register_inspection';
import { configAdvice, FormErrors, INITIAL_VALUES, RegisterFormValues, SourceKind, validateRegisterForm, valuesFromReport } from '../../lib/register_form';
import { AppLink, appPaths } from '../common/app_link';
import { ErrorCallout } from '../common/error_callout';
import { useReadiness } from '../../hooks/use_readiness';
import { nodeNames, settingOn } from '../cluster/readiness_values';
import { configConflicts } from '../../lib/config_suggestions';
import { fieldError } from '../common/format';
import { PageTitle } from '../common/page_title';
import { ConfigForm } from './config_form';
import { GroupField } from './group_field';
import { ProgressPanel } from './progress_panel';
import { ResultPanel } from './result_panel';
import { NativeCheck } from './native_check';
import { ZipReportView } from './zip_report_view';
import { Section } from '../common/section';

const SOURCES = [
  { id: 'file', label: 'Upload a zip', 'data-test-subj': 'source-file' },
  { id: 'url', label: 'From a URL', 'data-test-subj': 'source-url' },
];

/**
 * Register a custom local model version: check the zip in the browser, fill in the config (the
 * ONNX graph prefills it), then upload it in chunks or have ML Commons fetch it from a URL, and
 * follow it to REGISTERED (and DEPLOYED when asked). `?group=<id>` preselects the group.
 */
const DEPLOY_CHECKS: ReadonlyArray<ReadinessCheck['id']> = ['eligible_nodes', 'model_capacity', 'memory_guards'];
const SOURCE_CHECKS: Record<SourceKind, ReadinessCheck['id']> = { file: 'register_via_local_file', url: 'register_via_url' };

export function RegisterPage() {
  const location = useLocation();
  const preselectedGroup = useMemo(() => new URLSearchParams(location.search).get('group') || '', [location.search]);
  const [values, setValues] = useState<RegisterFormValues>({ ...INITIAL_VALUES, groupId: preselectedGroup });
  const [file, setFile] = useState<File | undefined>();
  const [pickerKey, setPickerKey] = useState(0);
  const [submitted, setSubmitted] = useState(false);
  const inspection = useRegisterInspection(file);
  const fileHash = useRegisterFileHash(inspection.report && !inspection.report.problems.length ? file : undefined, values.sourceKind === 'url');
  const { state, running, start, cancel, reset } = useRegister();

  const patch = useCallback((p: Partial<RegisterFormValues>) => setValues((v) => ({ ...v, ...p })), []);

  // A freshly checked zip prefills the format and what its graph shows.
  useEffect(() => {
    if (inspection.report && !inspection.report.problems.length) setValues((v) => ({ ...v, ...valuesFromReport(inspection.report!, v) }));
  }, [inspection.report]);

  // URL path: the dropped file gives the hash and size ML Commons needs; the file stays here.
  useEffect(() => {
    if (values.sourceKind === 'url' && fileHash.hash && file) patch({ hash: fileHash.hash });
  }, [fileHash.hash, file, values.sourceKind, patch]);
  // Another zip is being hashed: the field must not keep the previous zip's hash, which would be
  // sent if this one's cannot be computed (ML Commons then fails the task: "model content changed").
  useEffect(() => {
    if (values.sourceKind === 'url' && fileHash.hashing) patch({ hash: '' });
  }, [fileHash.hashing, values.sourceKind, patch]);

  // Unknown until read (or when the read is refused): then only the version-free rules apply.
  const readiness = useReadiness().data;
  const clusterVersion = readiness?.version;
  const accessControl = settingOn(readiness, 'model_access_control_enabled');
  const names = useMemo(() => nodeNames(readiness), [readiness]);
  // What readiness already knows would fail a deploy (the register itself is unaffected).
  const deployBlockers = (readiness?.checks ?? []).filter((c) => !c.ok && DEPLOY_CHECKS.includes(c.id));
  // The setting that must be on for this source: said before a file is picked, checked and filled in.
  const sourceBlocker = readiness?.checks.find((c) => !c.ok && c.id === SOURCE_CHECKS[values.sourceKind]);
  const validation = useMemo(
    () => validateRegisterForm(values, { file, report: inspection.report, inspecting: inspection.inspecting, hashing: fileHash.hashing, clusterVersion, accessControl }),
    [values, file, inspection.report, inspection.inspecting, fileHash.hashing, clusterVersion, accessControl]
  );
  // Errors appear once the user tries to submit, then follow every edit.
  const errors: FormErrors = submitted ? validation.errors : {};
  // The form is frozen from submit until the result is dismissed (retry keeps the file and its hash).
  const locked = !!state;

  const finished = !!state && (state.phase === 'done' || state.phase === 'failed' || state.phase === 'cancelled');
  // From the click until it ends (its first state may still be 'idle').
  const busy = !!state && !finished;
  const onSubmit = () => {
    setSubmitted(true);
    if (validation.request) start(validation.request);
  };

  const onFiles = (files: FileList | null) => setFile(files && files.length ? files[0] : undefined);
  // The group this run made is still there (its cleanup failed, or it may yet receive the model):
  // the retry registers into it, as "Create a new group" would now fail on its taken name.
  const retry = () => {
    const kept = state?.createdGroup && !state.groupDeleted ? state.groupId : undefined;
    if (kept) setValues((v) => ({ ...v, groupMode: 'existing', groupId: kept }));
    reset();
  };
  const startOver = () => {
    reset();
    setFile(undefined);
    setPickerKey((k) => k + 1);
    setSubmitted(false);
    setValues({ ...INITIAL_VALUES, groupId: preselectedGroup });
  };

  const fileSection = (
    <>
      <EuiFormRow
        label={values.sourceKind === 'file' ? 'Model zip' : 'The same zip, to compute its hash and size (optional; not uploaded)'}
        fullWidth
        isInvalid={!!errors.file}
        error={fieldError(errors.file)}
        helpText="tokenizer.json and one .onnx or .pt file at the root; up to 4 GB. It is checked here before anything is sent."
      >
        <EuiFilePicker
          key={pickerKey}
          fullWidth
          accept=".zip,application/zip"
          initialPromptText="Select or drag a model zip"
          onChange={onFiles}
          disabled={locked}
          display="large"
          data-test-subj="registerFilePicker"
        />
      </EuiFormRow>
      {inspection.inspecting && (
        <div data-test-subj="zipChecking">
          <EuiProgress
            size="xs"
            color="accent"
            {...(inspection.progress?.phase === 'onnx' ? { value: inspection.progress.bytesDone, max: Math.max(1, inspection.progress.bytesTotal) } : {})}
          />
          <EuiText size="xs" color="subdued">
            <p>{inspection.progress?.phase === 'onnx' ? 'Reading the ONNX graph…' : 'Reading the zip directory…'}</p>
          </EuiText>
        </div>
      )}
      {inspection.error !== undefined && (
        <EuiText size="s" color="danger" data-test-subj="zipReadError">
          <p>The file could not be read: {errorMessage(inspection.error)}</p>
        </EuiText>
      )}
      {inspection.report && <ZipReportView report={inspection.report} />}
      {/* Native inference runs a model file; a sparse tokenizer has none to run. */}
      {file && inspection.report && !inspection.report.problems.length && !inspection.report.tokenizerOnly && (
        <>
          <EuiSpacer size="s" />
          <NativeCheck file={file} />
        </>
      )}
    </>
  );

  return (
    <div data-test-subj="registerPage">
      <PageTitle
        title="Register model"
        description="Add a custom local model version (a zip with tokenizer.json and an ONNX or TorchScript model) to a model group."
      />
      <Section title="1. Model source" testSubj="registerSourceSection">
        <EuiButtonGroup
          legend="Where the model comes from"
          options={SOURCES}
          idSelected={values.sourceKind}
          onChange={(id) => patch({ sourceKind: id as SourceKind })}
          isDisabled={locked}
          buttonSize="compressed"
        />
        <EuiSpacer size="m" />
        {sourceBlocker && (
          <>
            <EuiCallOut color="warning" size="s" iconType="alert" title="ML Commons would refuse this registration" data-test-subj="sourceBlocker">
              <p>
                {sourceBlocker.message} <AppLink to={appPaths.cluster()}>Cluster readiness</AppLink> explains the setting, and lets users allowed to change it do so.
              </p>
            </EuiCallOut>
            <EuiSpacer size="m" />
          </>
        )}
        {values.sourceKind === 'url' && (
          <>
            <EuiFormRow
              label="URL of the zip"
              fullWidth
              isInvalid={!!errors.url}
              error={fieldError(errors.url)}
              helpText="ML Commons downloads it itself (it must match plugins.ml_commons.trusted_url_regex); Dashboards never fetches it."
            >
              <EuiFieldText fullWidth value={values.url} onChange={(e) => patch({ url: e.target.value })} disabled={locked} isInvalid={!!errors.url} data-test-subj="field-url" />
            </EuiFormRow>
            <EuiFormRow
              label="SHA-256 of the zip"
              fullWidth
              isInvalid={!!errors.hash}
              error={fieldError(errors.hash)}
              helpText="Required by ML Commons, which checks the downloaded zip against it. Drop the zip below to compute it here."
            >
              <EuiFieldText fullWidth value={values.hash} onChange={(e) => patch({ hash: e.target.value })} disabled={locked} isInvalid={!!errors.hash} data-test-subj="field-hash" />
            </EuiFormRow>
            {fileHash.hashing && (
              <EuiProgress value={fileHash.progress?.bytesHashed ?? 0} max={Math.max(1, fileHash.progress?.totalBytes ?? 1)} size="xs" data-test-subj="urlHashProgress" />
            )}
            {/* The file only fills in the hash and size; both can still be typed, so a warning. */}
            {fileHash.error !== undefined && (
              <ErrorCallout title="Could not compute the hash of the zip; enter it by hand" error={fileHash.error} color="warning" data-test-subj="urlHashError" />
            )}
          </>
        )}
        {fileSection}
      </Section>
      <EuiSpacer size="m" />
      <Section title="2. Version details" testSubj="registerDetailsSection">
        <GroupField
          mode={values.groupMode}
          groupId={values.groupId}
          newGroupName={values.newGroupName}
          newGroupDescription={values.newGroupDescription}
          newGroupAccess={values.newGroupAccess}
          accessControl={accessControl}
          errors={errors}
          disabled={locked}
          onChange={patch}
        />
        <ConfigForm values={values} errors={errors} warnings={{ ...configConflicts(inspection.report?.onnx, inspection.report?.suggestion, values), ...configAdvice(values) }} disabled={locked} clusterVersion={clusterVersion} onChange={patch} />
      </Section>
      <EuiSpacer size="m" />
      <Section title="3. Register" testSubj="registerSubmitSection">
        {/* The button stays where it was, busy, while the registration runs: Cancel appears below
            it, never under the pointer of a double click. */}
        {!finished && (
          <>
            <EuiCheckbox
              id="registerDeploy"
              label="Deploy when registered"
              checked={values.deploy}
              onChange={(e) => patch({ deploy: e.target.checked })}
              disabled={busy}
              data-test-subj="field-deploy"
            />
            {values.deploy &&
              deployBlockers.map((c) => (
                <EuiText key={c.id} size="xs" color="warning" data-test-subj={`deployBlocker-${c.id}`}>
                  <p>The deploy would likely fail: {c.message}</p>
                </EuiText>
              ))}
            <EuiSpacer size="m" />
            <EuiButton fill onClick={onSubmit} isDisabled={inspection.inspecting || busy} isLoading={busy} data-test-subj="registerSubmit">
              {busy ? 'Registering…' : values.sourceKind === 'file' ? 'Upload and register' : 'Register from URL'}
            </EuiButton>
            {submitted && Object.keys(validation.errors).length > 0 && (
              <EuiText size="s" color="danger" data-test-subj="registerFormInvalid">
                <p>Fix the fields marked above; nothing was sent.</p>
              </EuiText>
            )}
          </>
        )}
        {state && running && (
          <>
            <EuiSpacer size="m" />
            <ProgressPanel state={state} onCancel={cancel} />
          </>
        )}
        {state && finished && (
          <ResultPanel state={state} onAgain={startOver} onRetry={retry} names={names} />
        )}
      </Section>
    </div>
  );
}
