import { EuiFieldText, EuiFlexGrid, EuiFlexItem, EuiFormRow, EuiSelect, EuiSpacer, EuiSwitch, EuiTextArea, EuiTextColor } from '@elastic/eui';
import React from 'react';
import { EMBEDDING_SPACE_TYPES, FRAMEWORK_TYPES, FUNCTION_NAMES, MODEL_FORMATS, POOLING_MODES } from '../../../common/ml_commons';
import { FormErrors, RegisterFormValues, spaceTypeApplies } from '../../lib/register_form';
import { fieldError } from '../common/format';
import { humanize } from '../common/labels';

interface Props {
  values: RegisterFormValues;
  errors: FormErrors;
  /** Not errors: where the config contradicts what the zip showed, or gives useless vectors (configConflicts, configAdvice). */
  warnings?: Partial<Record<keyof RegisterFormValues, string>>;
  disabled: boolean;
  /** The cluster's (oldest) version, when known: the space type needs 3.1. */
  clusterVersion?: string;
  onChange: (patch: Partial<RegisterFormValues>) => void;
}

const option = (v: string) => ({ value: v, text: v });
const withNone = (values: readonly string[], none: string) => [{ value: '', text: none }, ...values.map(option)];

/** Name, function, format and `model_config`; every error comes from the shared validators. */
export function ConfigForm({ values, errors, warnings = {}, disabled, clusterVersion, onChange }: Props) {
  const helpOf = (field: keyof RegisterFormValues, help?: string) =>
    warnings[field] ? (
      <EuiTextColor color="warning" data-test-subj={`warning-${field}`}>
        {warnings[field]}
      </EuiTextColor>
    ) : (
      help
    );
  const text = (field: keyof RegisterFormValues, label: string, help?: string) => (
    <EuiFormRow label={label} fullWidth isInvalid={!!errors[field]} error={fieldError(errors[field])} helpText={helpOf(field, help)}>
      <EuiFieldText
        fullWidth
        value={values[field] as string}
        onChange={(e) => onChange({ [field]: e.target.value } as Partial<RegisterFormValues>)}
        isInvalid={!!errors[field]}
        disabled={disabled}
        data-test-subj={`field-${field}`}
      />
    </EuiFormRow>
  );
  const select = (field: keyof RegisterFormValues, label: string, options: Array<{ value: string; text: string }>, help?: string, off = false) => (
    <EuiFormRow label={label} fullWidth isInvalid={!!errors[field]} error={fieldError(errors[field])} helpText={helpOf(field, help)}>
      <EuiSelect
        fullWidth
        options={options}
        value={off ? '' : (values[field] as string)}
        onChange={(e) => onChange({ [field]: e.target.value } as Partial<RegisterFormValues>)}
        isInvalid={!!errors[field]}
        disabled={disabled || off}
        data-test-subj={`field-${field}`}
      />
    </EuiFormRow>
  );

  return (
    <>
      {text('name', 'Name')}
      <EuiFormRow label="Description (optional)" fullWidth isInvalid={!!errors.description} error={fieldError(errors.description)}>
        <EuiTextArea
          fullWidth
          rows={2}
          value={values.description}
          onChange={(e) => onChange({ description: e.target.value })}
          disabled={disabled}
          data-test-subj="field-description"
        />
      </EuiFormRow>
      <EuiFlexGrid columns={2} gutterSize="m">
        <EuiFlexItem>
          {select(
            'function_name',
            'Function',
            FUNCTION_NAMES.map((f) => ({ value: f, text: humanize(f) }))
          )}
        </EuiFlexItem>
        <EuiFlexItem>{select('model_format', 'Format', withNone(MODEL_FORMATS, 'Choose…'), 'ONNX for .onnx, TORCH_SCRIPT for .pt')}</EuiFlexItem>
        <EuiFlexItem>{text('model_type', 'Model type (model_config.model_type)', 'e.g. bert: ML Commons then feeds token_type_ids')}</EuiFlexItem>
        <EuiFlexItem>{text('embedding_dimension', 'Embedding dimension', 'Length of each vector the model returns')}</EuiFlexItem>
        <EuiFlexItem>{select('framework_type', 'Framework type', withNone(FRAMEWORK_TYPES, '—'))}</EuiFlexItem>
        <EuiFlexItem>{select('pooling_mode', 'Pooling mode', withNone(POOLING_MODES, 'Default (mean)'), 'How token vectors become one vector')}</EuiFlexItem>
        {values.function_name === 'TEXT_EMBEDDING' && (
          <EuiFlexItem>
            {select(
              'space_type',
              'Space type (for semantic fields)',
              withNone(EMBEDDING_SPACE_TYPES, 'Not stored'),
              !spaceTypeApplies(values, clusterVersion)
                ? `Needs OpenSearch 3.1 or later: ${clusterVersion} would drop it`
                : clusterVersion
                  ? 'Stored as additional_config.space_type: a semantic field (3.1+) needs it for its vector index'
                  : "Stored as additional_config.space_type on OpenSearch 3.1 or later (a semantic field needs it); the cluster's version could not be read, and an older one drops it",
              !spaceTypeApplies(values, clusterVersion)
            )}
          </EuiFlexItem>
        )}
      </EuiFlexGrid>
      <EuiSpacer size="s" />
      <EuiFormRow fullWidth isInvalid={!!errors.normalize_result} error={fieldError(errors.normalize_result)} helpText={helpOf('normalize_result')}>
        <EuiSwitch
          label="Normalize result (L2, after pooling)"
          checked={values.normalize_result}
          onChange={(e) => onChange({ normalize_result: e.target.checked })}
          disabled={disabled}
          data-test-subj="field-normalize_result"
        />
      </EuiFormRow>
      <EuiFormRow
        label="all_config (optional JSON, e.g. the model's config.json)"
        fullWidth
        isInvalid={!!errors.all_config}
        error={fieldError(errors.all_config)}
      >
        <EuiTextArea
          fullWidth
          rows={3}
          value={values.all_config}
          onChange={(e) => onChange({ all_config: e.target.value })}
          isInvalid={!!errors.all_config}
          disabled={disabled}
          data-test-subj="field-all_config"
        />
      </EuiFormRow>
    </>
  );
}
