import type { EuiComboBoxOptionOption } from '@elastic/eui';
import { useState } from 'react';
import type { ModelGroup, Page } from '../../common/types';
import { useApis } from '../services';
import { SEARCH_DEBOUNCE_MS, useDebouncedValue } from './use_debounced_value';
import { useRequest } from './use_request';

/** How many groups a picker offers at a time; typing part of a name finds the others. */
const GROUP_OPTIONS_SIZE = 50;

/**
 * A group picker's data: groups found by the text typed (most recently updated first, never the
 * whole list, which may hold thousands: every model registered without a group gets its own), and
 * the picked group read by its id, since it may not be among those found.
 */
export function useGroupSearch(groupId: string, enabled = true) {
  const apis = useApis();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const groups = useRequest<Page<ModelGroup>>(
    enabled
      ? (signal) => apis.modelGroups.search({ search: debounced || undefined, size: GROUP_OPTIONS_SIZE, sort_field: 'last_updated_time', sort_direction: 'desc' }, signal)
      : undefined,
    [debounced, enabled]
  );
  const selected = useRequest<ModelGroup>(groupId ? (signal) => apis.modelGroups.get(groupId, signal) : undefined, [groupId], { keepData: false });

  const options: Array<EuiComboBoxOptionOption<string>> = (groups.data?.items ?? []).map((g) => ({
    label: g.name,
    value: g.id,
    'data-test-subj': `groupOption-${g.id}`,
  }));
  const name = selected.data?.name ?? groups.data?.items.find((g) => g.id === groupId)?.name ?? groupId;
  const selectedOptions: Array<EuiComboBoxOptionOption<string>> = groupId ? [{ label: name, value: groupId }] : [];
  return { options, selectedOptions, onSearchChange: setSearch, loading: groups.loading, error: groups.error, selectedError: selected.error };
}
