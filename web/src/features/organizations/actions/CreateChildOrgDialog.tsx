import type { Dayjs } from 'dayjs';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { toIsoDate } from '../../../lib/dates.ts';
import { FormDialog } from '../../../lib/ui/FormDialog.tsx';
import { type OrgWithAncestors, useCreateOrg } from '../orgs.api.ts';
import { useReferenceNames } from '../useReferenceNames.ts';
import { DateField, MemberCountField, OrgCodeField, OrgKindField, OrgNameField, OrgTypeField } from './OrgFields.tsx';

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
      <OrgNameField />
      <Row gutter={12}>
        <Col span={12}>
          <OrgCodeField />
        </Col>
        <Col span={12}>
          <DateField name="activeFrom" label={t('orgs.fields.activeFrom')} />
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <OrgTypeField options={typeOptions} />
        </Col>
        <Col span={12}>
          <OrgKindField options={names.kindOptions()} />
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <MemberCountField name="fullMembers" label={t('orgs.fields.fullMembers')} />
        </Col>
        <Col span={12}>
          <MemberCountField name="probationaryMembers" label={t('orgs.fields.probationaryMembers')} />
        </Col>
      </Row>
    </FormDialog>
  );
}
