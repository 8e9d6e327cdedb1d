import type { Dayjs } from 'dayjs';
import { Col, Divider, Form, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { mergeOrgsRequestSchema } from '../../../../../shared/src/contracts/organizations.ts';
import { formatCount } from '../../../lib/format.ts';
import { toIsoDate } from '../../../lib/dates.ts';
import { requiredRule, zodRule } from '../../../lib/forms.ts';
import { FormDialog } from '../../../lib/ui/FormDialog.tsx';
import { OrgPicker, type PickedOrg } from '../OrgPicker.tsx';
import { type OrgWithAncestors, useMergeOrgs } from '../orgs.api.ts';
import { useReferenceNames } from '../useReferenceNames.ts';
import { DateField, OrgCodeField, OrgKindField, OrgNameField, OrgTypeField } from './OrgFields.tsx';

type Values = {
  target: 'this' | 'new';
  sources: PickedOrg[];
  newCode?: string;
  newName?: string;
  newTypeCode?: string;
  newKindCode?: string;
  newParent?: PickedOrg;
  decisionNo: string;
  decisionDate: Dayjs;
  effectiveDate: Dayjs;
  note?: string;
};

/**
 * Hợp nhất: other units into this one, or this one with others into a new unit. The server
 * moves their children, adds their members, records the decision and counts "giảm N đầu mối".
 */
export function MergeOrgsDialog({ org, onClose }: { org: OrgWithAncestors; onClose: () => void }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const merge = useMergeOrgs();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('target', form) ?? 'this';
  const parent = org.ancestors[org.ancestors.length - 1];
  const level = names.typeLevel(org.typeCode);
  const sourcesLabel = t('merge.sources');
  const decisionLabel = t('merge.decisionNo');

  return (
    <FormDialog<Values>
      form={form}
      width={680}
      title={t('merge.title', { name: org.name })}
      okText={t('merge.ok')}
      onClose={onClose}
      initialValues={{
        target: 'this',
        sources: [],
        newTypeCode: org.typeCode,
        newKindCode: org.kindCode,
        newParent: parent && org.parentId ? { value: org.parentId, label: parent.name } : undefined,
      }}
      onSubmit={async (v) => {
        const picked = v.sources.map((s) => s.value);
        const common = {
          decisionNo: v.decisionNo.trim(),
          decisionDate: toIsoDate(v.decisionDate)!,
          effectiveDate: toIsoDate(v.effectiveDate)!,
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        };
        const result =
          v.target === 'this'
            ? await merge.mutateAsync({ ...common, targetId: org.id, sourceIds: picked })
            : await merge.mutateAsync({
                ...common,
                sourceIds: [org.id, ...picked],
                newTarget: { code: v.newCode!.trim(), name: v.newName!.trim(), parentId: v.newParent!.value, typeCode: v.newTypeCode!, kindCode: v.newKindCode! },
              });
        navigate(`/orgs/${result.target.id}`);
        return t('merge.done', { target: result.target.name, n: formatCount(result.unitsReduced) });
      }}
    >
      <Form.Item name="target" label={t('merge.targetMode')}>
        <Radio.Group
          options={[
            { value: 'this', label: t('merge.intoThis', { name: org.name }) },
            { value: 'new', label: t('merge.intoNew', { name: org.name }) },
          ]}
          optionType="default"
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        />
      </Form.Item>
      <Form.Item
        name="sources"
        label={target === 'this' ? sourcesLabel : t('merge.otherSources')}
        extra={t('merge.sourcesHint')}
        rules={[{ required: true, type: 'array', min: 1, message: t('validation.requiredField', { label: sourcesLabel }) }]}
      >
        <OrgPicker mode="multiple" excludeIds={[org.id]} />
      </Form.Item>
      {target === 'new' && (
        <>
          <Divider orientation="left" plain>
            {t('merge.newUnit')}
          </Divider>
          <OrgNameField name="newName" label={t('merge.newName')} />
          <Row gutter={12}>
            <Col span={12}>
              <OrgCodeField name="newCode" label={t('merge.newCode')} />
            </Col>
            <Col span={12}>
              <Form.Item name="newParent" label={t('merge.newParent')} rules={[{ required: true, message: t('validation.requiredField', { label: t('merge.newParent') }) }]}>
                <OrgPicker />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>
              <OrgTypeField name="newTypeCode" options={names.typeOptions().filter((o) => o.level === level)} />
            </Col>
            <Col span={12}>
              <OrgKindField name="newKindCode" options={names.kindOptions()} />
            </Col>
          </Row>
        </>
      )}
      <Divider orientation="left" plain>
        {t('merge.decision')}
      </Divider>
      <Form.Item name="decisionNo" label={decisionLabel} rules={[requiredRule(decisionLabel), zodRule(mergeOrgsRequestSchema.shape.decisionNo)]}>
        <Input placeholder={t('merge.decisionNoPlaceholder')} maxLength={100} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <DateField name="decisionDate" label={t('merge.decisionDate')} required />
        </Col>
        <Col span={12}>
          <DateField name="effectiveDate" label={t('merge.effectiveDate')} required />
        </Col>
      </Row>
      <Form.Item name="note" label={t('merge.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormDialog>
  );
}
