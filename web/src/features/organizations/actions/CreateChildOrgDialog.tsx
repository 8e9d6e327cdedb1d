import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { toIsoDate } from '../../../lib/dates.ts';
import { FormDialog } from '../../../lib/ui/FormDialog.tsx';
import { type OrgWithAncestors, useCreateOrg } from '../orgs.api.ts';
import { useReferenceNames } from '../useReferenceNames.ts';
import { OrgFormFields } from './OrgFields.tsx';

type Values = { code: string; name: string; typeCode: string; kindCode: string; fullMembers?: number; probationaryMembers?: number; activeFrom?: Dayjs };

/** Thêm tổ chức trực thuộc: a new unit directly under this one. */
export function CreateChildOrgDialog({ parent, onClose }: { parent: OrgWithAncestors; onClose: () => void }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const create = useCreateOrg();
  const navigate = useNavigate();
  const parentLevel = names.typeLevel(parent.typeCode) ?? 0;
  const typeOptions = names.typeOptions(parentLevel);
  const nextLevelType = typeOptions.find((o) => o.level === parentLevel + 1)?.value;

  return (
    <FormDialog<Values>
      title={t('orgs.dialogs.createTitle', { parent: parent.name })}
      okText={t('orgs.dialogs.createOk')}
      onClose={onClose}
      initialValues={{ typeCode: nextLevelType, kindCode: parent.kindCode, fullMembers: 0, probationaryMembers: 0 }}
      onSubmit={async (v) => {
        const created = await create.mutateAsync({
          code: v.code.trim(),
          name: v.name.trim(),
          parentId: parent.id,
          typeCode: v.typeCode,
          kindCode: v.kindCode,
          fullMembers: v.fullMembers ?? 0,
          probationaryMembers: v.probationaryMembers ?? 0,
          activeFrom: toIsoDate(v.activeFrom),
        });
        navigate(`/orgs/${created.id}`);
        return t('orgs.dialogs.created', { name: created.name });
      }}
    >
      <OrgFormFields typeOptions={typeOptions} kindOptions={names.kindOptions()} />
    </FormDialog>
  );
}
