import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiFieldText,
  EuiForm,
  EuiFormRow,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
  EuiText,
  EuiTextArea,
} from '@elastic/eui';
import React, { useRef, useState } from 'react';
import type { AccessMode } from '../../../common/ml_commons';
import { validate } from '../../../common/schema';
import type { ModelGroup, ModelGroupCreateBody, ModelGroupUpdateBody } from '../../../common/types';
import { modelGroupCreateBody, modelGroupUpdateBody, safeTextProblem } from '../../../common/validators';
import { errorMessage } from '../../apis/errors';
import { useReadiness } from '../../hooks/use_readiness';
import { accessFields, accessProblem, GroupAccess } from '../../lib/group_access';
import { fieldError } from '../common/format';
import { settingOn } from '../cluster/readiness_values';
import { GroupAccessFields } from './group_access_fields';

interface Props {
  /** Absent: create a group. Present: edit it. */
  group?: ModelGroup;
  onCancel: () => void;
  /** Sends the body; rejects with the route's error to show in the form. */
  onSubmit: (body: ModelGroupCreateBody | ModelGroupUpdateBody) => Promise<void>;
}

interface FormState extends GroupAccess {
  name: string;
  description: string;
}

/** Fields the server would reject, with the shared validators' messages, plus the cross-field rule. */
function problems(body: ModelGroupUpdateBody, editing: boolean, clusterVersion: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const r = validate(editing ? modelGroupUpdateBody : modelGroupCreateBody, body);
  if (!r.ok) out[r.field.split('.')[0] || 'name'] = r.error;
  for (const field of ['name', 'description'] as const) {
    const text = safeTextProblem({ [field]: body[field] }, clusterVersion);
    if (text && !out[field]) out[field] = text.message;
  }
  const access = accessProblem(body);
  if (access) out.backend_roles = access;
  return out;
}

/**
 * Create or edit a model group. Access fields appear only when the cluster has model access
 * control on: with it off, ML Commons rejects them ("You cannot specify model access control
 * parameters ...") and stores every group as public.
 */
export function GroupFormModal({ group, onCancel, onSubmit }: Props) {
  const editing = !!group;
  const readiness = useReadiness();
  const accessControl = settingOn(readiness.data, 'model_access_control_enabled');
  const [form, setForm] = useState<FormState>({
    name: group?.name ?? '',
    description: group?.description ?? '',
    access: editing ? ((group?.access as AccessMode) || '') : '',
    roles: group?.backend_roles ?? [],
    allRoles: false,
  });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  // Enter in a field submits the form too; the button's disabled state does not stop that.
  const submitting = useRef(false);
  const [submitError, setSubmitError] = useState<unknown>();

  const body: ModelGroupUpdateBody = { name: form.name.trim() };
  const description = form.description.trim();
  // An edit sends what changed (a cleared description too, which the shared validator refuses with
  // the reason); a new group, what is filled in.
  if (editing ? description !== (group?.description ?? '').trim() : description) body.description = description;
  if (accessControl) {
    const accessChanged = !editing || form.access !== (group?.access || '') || form.roles.join() !== (group?.backend_roles ?? []).join() || form.allRoles;
    // Only the owner or an admin may change access; an unchanged edit must not send it.
    if (accessChanged) Object.assign(body, accessFields(form));
  }
  // A name left as it was is not sent, even one with spaces trimming would change (made elsewhere).
  if (editing && group && (form.name === group.name || body.name === group.name)) delete body.name;
  // An edit that changes nothing has nothing to send (Save is disabled; Enter does nothing either).
  const unchanged = editing && Object.keys(body).length === 0;
  const errors = unchanged ? {} : problems(body, editing, readiness.data?.version);
  const show = (field: string) => (touched ? fieldError(errors[field]) : undefined);

  const submit = async () => {
    setTouched(true);
    if (unchanged || Object.keys(errors).length || submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setSubmitError(undefined);
    try {
      await onSubmit(body as ModelGroupCreateBody);
    } catch (err) {
      submitting.current = false;
      setSubmitError(err);
      setBusy(false);
    }
  };

  return (
    <EuiModal onClose={onCancel} data-test-subj="groupFormModal" initialFocus="[name=groupName]">
      <EuiModalHeader>
        <EuiModalHeaderTitle>
          <h1>{editing ? `Edit ${group!.name}` : 'Create model group'}</h1>
        </EuiModalHeaderTitle>
      </EuiModalHeader>
      <EuiModalBody>
        <EuiForm component="form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
          {submitError !== undefined && (
            <EuiCallOut color="danger" iconType="alert" size="s" title={editing ? 'Could not save the group' : 'Could not create the group'} data-test-subj="groupFormError">
              <p>{errorMessage(submitError)}</p>
            </EuiCallOut>
          )}
          <EuiFormRow label="Name" isInvalid={!!show('name')} error={show('name')} helpText="Unique across the cluster.">
            <EuiFieldText
              name="groupName"
              value={form.name}
              isInvalid={!!show('name')}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              data-test-subj="groupNameInput"
            />
          </EuiFormRow>
          <EuiFormRow label="Description" labelAppend={<EuiText size="xs" color="subdued">Optional</EuiText>} isInvalid={!!show('description')} error={show('description')}>
            <EuiTextArea
              rows={2}
              isInvalid={!!show('description')}
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
              data-test-subj="groupDescriptionInput"
            />
          </EuiFormRow>
          {accessControl ? (
            <GroupAccessFields value={form} onChange={(access) => setForm({ ...form, ...access })} rolesError={show('backend_roles')} />
          ) : (
            readiness.data && (
              <EuiText size="xs" color="subdued" data-test-subj="groupAccessOff">
                <p>Model access control is off on this cluster, so every group is public.</p>
              </EuiText>
            )
          )}
        </EuiForm>
      </EuiModalBody>
      <EuiModalFooter>
        <EuiButtonEmpty onClick={onCancel} data-test-subj="groupFormCancel">
          Cancel
        </EuiButtonEmpty>
        <EuiButton fill onClick={submit} isLoading={busy} isDisabled={busy || unchanged} data-test-subj="groupFormSubmit">
          {editing ? 'Save' : 'Create'}
        </EuiButton>
      </EuiModalFooter>
    </EuiModal>
  );
}
