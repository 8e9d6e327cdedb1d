import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { UpdateOrgRequest } from '../../../../../shared/src/contracts/organizations.ts';
import { fromIsoDate, toIsoDate } from '../../../lib/dates.ts';
import { FormDialog } from '../../../lib/ui/FormDialog.tsx';
import { type OrgWithAncestors, useUpdateOrg } from '../orgs.api.ts';
import { useReferenceNames } from '../useReferenceNames.ts';
import { OrgFormFields } from './OrgFields.tsx';

type Values = { code: string; name: string; typeCode: string; kindCode: string; fullMembers: number; probationaryMembers: number; activeFrom?: Dayjs | null };

/** Sửa, đổi tên: sends only what changed, with the version read, so a concurrent edit is refused (VERSION_CONFLICT). */
export function EditOrgDialog({ org: current, onClose }: { org: OrgWithAncestors; onClose: () => void }) {
  // The unit as it was when the form opened: a save after someone else's change must conflict, not overwrite.
  const [org] = useState(current);
  const { t } = useTranslation();
  const names = useReferenceNames();
  const update = useUpdateOrg();
  const level = names.typeLevel(org.typeCode);
  // Changing level would reshape the tree; the edit offers the types of the same level.
  const typeOptions = names.typeOptions().filter((o) => o.level === level);

  return (
    <FormDialog<Values>
      title={t('orgs.dialogs.editTitle', { name: org.name })}
      okText={t('common.save')}
      onClose={onClose}
      initialValues={{
        code: org.code,
        name: org.name,
        typeCode: org.typeCode,
        kindCode: org.kindCode,
        fullMembers: org.fullMembers,
        probationaryMembers: org.probationaryMembers,
        activeFrom: fromIsoDate(org.activeFrom) ?? null,
      }}
      onSubmit={async (v) => {
        const changes: Omit<UpdateOrgRequest, 'version'> = {};
        if (v.name.trim() !== org.name) changes.name = v.name.trim();
        if (v.code.trim() !== org.code) changes.code = v.code.trim();
        if (v.typeCode !== org.typeCode) changes.typeCode = v.typeCode;
        if (v.kindCode !== org.kindCode) changes.kindCode = v.kindCode;
        if ((v.fullMembers ?? 0) !== org.fullMembers) changes.fullMembers = v.fullMembers ?? 0;
        if ((v.probationaryMembers ?? 0) !== org.probationaryMembers) changes.probationaryMembers = v.probationaryMembers ?? 0;
        const activeFrom = toIsoDate(v.activeFrom) ?? null;
        if (activeFrom !== org.activeFrom) changes.activeFrom = activeFrom;
        if (Object.keys(changes).length === 0) return t('orgs.dialogs.noChanges');
        await update.mutateAsync({ id: org.id, version: org.version, ...changes });
        return t('orgs.dialogs.saved');
      }}
    >
      <OrgFormFields typeOptions={typeOptions} kindOptions={names.kindOptions()} />
    </FormDialog>
  );
}
