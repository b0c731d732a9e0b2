import React, { useCallback, useState } from 'react';
import type { ModelGroup, ModelGroupCreateBody, ModelGroupUpdateBody } from '../../../common/types';
import { errorMessage } from '../../apis/errors';
import { useMounted } from '../../hooks/use_mounted';
import { useServices } from '../../services';
import { DeleteGroupModal } from './delete_group_modal';
import { GroupFormModal } from './group_form_modal';

type Pending = { kind: 'create' } | { kind: 'edit'; group: ModelGroup } | { kind: 'delete'; group: ModelGroup };

/** Create, edit and delete model groups, each in its own modal; toasts carry ML Commons' reason. */
/**
 * After an edit, `onChanged` gets the group as read back by id (undefined when that read failed)
 * and as it was before: searches lag an edit by up to a refresh interval, a read by id does not.
 */
export function useGroupActions({
  onChanged,
  onCreated,
  onDeleted,
}: {
  onChanged: (saved?: ModelGroup, before?: ModelGroup) => void;
  onCreated?: (id: string) => void;
  onDeleted?: () => void;
}) {
  const { apis, notifications } = useServices();
  const [pending, setPending] = useState<Pending | undefined>();
  const [busy, setBusy] = useState(false);
  // An answer that comes after the user left says so in a toast, and moves nobody.
  const mounted = useMounted();
  const close = useCallback(() => setPending(undefined), []);

  const create = useCallback(
    async (body: ModelGroupCreateBody) => {
      const res = await apis.modelGroups.create(body);
      notifications.toasts.addSuccess({ title: `Created model group ${body.name}` });
      if (!mounted.current) return;
      setPending(undefined);
      if (onCreated) onCreated(res.model_group_id);
      else onChanged();
    },
    [apis, notifications, onChanged, onCreated]
  );

  const update = useCallback(
    async (group: ModelGroup, body: ModelGroupUpdateBody) => {
      await apis.modelGroups.update(group.id, body);
      notifications.toasts.addSuccess({ title: `Saved model group ${body.name ?? group.name}` });
      if (!mounted.current) return;
      setPending(undefined);
      const saved = await apis.modelGroups.get(group.id).catch(() => undefined);
      if (mounted.current) onChanged(saved, group);
    },
    [apis, notifications, onChanged]
  );

  const remove = useCallback(
    async (group: ModelGroup) => {
      setBusy(true);
      try {
        await apis.modelGroups.delete(group.id);
        notifications.toasts.addSuccess({ title: `Deleted model group ${group.name}` });
        if (!mounted.current) return;
        setBusy(false);
        setPending(undefined);
        if (onDeleted) onDeleted();
        else onChanged();
      } catch (err) {
        notifications.toasts.addDanger({ title: `Could not delete model group ${group.name}`, text: errorMessage(err) });
        if (!mounted.current) return;
        setBusy(false);
        setPending(undefined);
      }
    },
    [apis, notifications, onChanged, onDeleted]
  );

  let modal: React.ReactNode = null;
  if (pending?.kind === 'create') modal = <GroupFormModal onCancel={close} onSubmit={(body) => create(body as ModelGroupCreateBody)} />;
  if (pending?.kind === 'edit') {
    const { group } = pending;
    modal = <GroupFormModal group={group} onCancel={close} onSubmit={(body) => update(group, body)} />;
  }
  if (pending?.kind === 'delete') {
    const { group } = pending;
    modal = <DeleteGroupModal group={group} busy={busy} onCancel={close} onConfirm={() => remove(group)} />;
  }

  return {
    modal,
    startCreate: useCallback(() => setPending({ kind: 'create' }), []),
    startEdit: useCallback((group: ModelGroup) => setPending({ kind: 'edit', group }), []),
    startDelete: useCallback((group: ModelGroup) => setPending({ kind: 'delete', group }), []),
  };
}
