import type { Dayjs } from 'dayjs';
import { Button, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { genders, politicalTheoryLevels, postRoles, type PersonProfile, type PostRole } from '../../../../shared/src/contracts/personnel.ts';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates.ts';
import { requiredRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { OrgPicker, type PickedOrg } from '../organizations/OrgPicker.tsx';
import { useCreatePerson, useUpdatePerson } from './personnel.api.ts';

type PostValues = { org?: PickedOrg; role: PostRole; title: string; nonLocal?: boolean };
type Values = {
  fullName: string;
  code?: string;
  org?: PickedOrg;
  birthDate?: Dayjs;
  gender: 'male' | 'female';
  ethnicity?: string;
  homePlace?: string;
  education?: string;
  politicalTheory?: (typeof politicalTheoryLevels)[number];
  partyJoinDate?: Dayjs;
  sciTech?: boolean;
  retirementDateEntered?: Dayjs;
  note?: string;
  posts?: PostValues[];
};

/** Create a person, or edit one (`person` given). Posts are edited as a list; dates dd/mm/yyyy. */
export function PersonFormDialog({ person, defaultOrg, onClose, onSaved }: { person?: PersonProfile; defaultOrg?: PickedOrg; onClose: () => void; onSaved?: (id: number) => void }) {
  const { t } = useTranslation();
  const create = useCreatePerson();
  const update = useUpdatePerson(person?.id ?? 0);
  const initial: Partial<Values> = person
    ? {
        fullName: person.fullName,
        code: person.code ?? undefined,
        org: { value: person.org.id, label: person.org.name },
        birthDate: fromIsoDate(person.birthDate),
        gender: person.gender,
        ethnicity: person.ethnicity,
        homePlace: person.homePlace ?? undefined,
        education: person.education ?? undefined,
        politicalTheory: person.politicalTheory ?? undefined,
        partyJoinDate: fromIsoDate(person.partyJoinDate),
        sciTech: person.sciTech,
        retirementDateEntered: fromIsoDate(person.retirementDateEntered),
        note: person.note ?? undefined,
        posts: person.postsDetail.filter((p) => !p.toDate).map((p) => ({ org: { value: p.orgId, label: p.orgName }, role: p.role, title: p.title, nonLocal: p.nonLocal })),
      }
    : { gender: 'male', ethnicity: 'Kinh', org: defaultOrg, posts: [] };

  const submit = async (v: Values) => {
    const body = {
      orgId: v.org?.value ?? 0,
      code: v.code?.trim() || null,
      fullName: v.fullName,
      birthDate: toIsoDate(v.birthDate) ?? '',
      gender: v.gender,
      ethnicity: v.ethnicity?.trim() || 'Kinh',
      homePlace: v.homePlace?.trim() || null,
      education: v.education?.trim() || null,
      politicalTheory: v.politicalTheory ?? null,
      partyJoinDate: toIsoDate(v.partyJoinDate) ?? null,
      sciTech: v.sciTech ?? false,
      retirementDateEntered: toIsoDate(v.retirementDateEntered) ?? null,
      note: v.note?.trim() || null,
      posts: [
        ...(v.posts ?? []).map((p) => ({ orgId: p.org?.value ?? 0, role: p.role, title: p.title, nonLocal: p.nonLocal ?? false })),
        // Past posts are not edited here; they go back unchanged (the server replaces the whole list).
        ...(person?.postsDetail ?? []).filter((p) => p.toDate).map((p) => ({ orgId: p.orgId, role: p.role, title: p.title, nonLocal: p.nonLocal, fromDate: p.fromDate, toDate: p.toDate })),
      ],
    };
    if (person) {
      await update.mutateAsync({ ...body, version: person.version });
      return t('personnel.people.saved');
    }
    const created = await create.mutateAsync(body);
    onSaved?.(created.id);
    return t('personnel.people.created', { name: created.fullName });
  };

  const L = (k: string): string => t(`personnel.people.${k}` as never);
  return (
    <FormDialog<Values> title={person ? t('personnel.profile.edit') : t('personnel.people.add')} okText={person ? t('personnel.people.save') : t('personnel.people.add')} onClose={onClose} onSubmit={submit} initialValues={initial} width={820}>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="fullName" label={L('fullName')} rules={[requiredRule(L('fullName'))]}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="org" label={L('org')} rules={[{ required: true, message: t('validation.requiredField', { label: L('org') }) }]}>
            <OrgPicker aria-label={L('org')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="birthDate" label={L('birthDate')} rules={[{ required: true, message: t('validation.requiredField', { label: L('birthDate') }) }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="gender" label={L('gender')}>
            <Select options={genders.map((g) => ({ value: g, label: t(`personnel.genders.${g}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="ethnicity" label={L('ethnicity')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="code" label={L('code')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="homePlace" label={L('homePlace')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="education" label={L('education')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="politicalTheory" label={L('politicalTheory')}>
            <Select allowClear options={politicalTheoryLevels.map((p) => ({ value: p, label: t(`personnel.theory.${p}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="partyJoinDate" label={L('partyJoinDate')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="retirementDateEntered" label={L('retirementEntered')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="sciTech" valuePropName="checked" label=" ">
            <Checkbox>{L('sciTech')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="posts">
        {(fields, { add, remove }) => (
          <fieldset className="personnel-posts">
            <legend>{t('personnel.profile.postsTitle')}</legend>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap className="personnel-posts__row">
                <Form.Item name={[f.name, 'org']} rules={[{ required: true, message: t('validation.requiredField', { label: t('personnel.profile.postOrg') }) }]}>
                  <OrgPicker aria-label={t('personnel.profile.postOrg')} placeholder={t('personnel.profile.postOrg')} />
                </Form.Item>
                <Form.Item name={[f.name, 'role']} initialValue="other">
                  <Select aria-label={t('personnel.profile.postRole')} style={{ width: 220 }} options={postRoles.map((r) => ({ value: r, label: t(`personnel.roles.${r}`) }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'title']} rules={[requiredRule(t('personnel.profile.postTitle'))]}>
                  <Input aria-label={t('personnel.profile.postTitle')} placeholder={t('personnel.profile.postTitle')} style={{ width: 220 }} maxLength={200} />
                </Form.Item>
                <Form.Item name={[f.name, 'nonLocal']} valuePropName="checked">
                  <Checkbox>{t('personnel.profile.nonLocal')}</Checkbox>
                </Form.Item>
                <Button type="text" aria-label={t('personnel.people.removePost')} icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ role: 'other', nonLocal: false })}>
              {t('personnel.profile.addPost')}
            </Button>
          </fieldset>
        )}
      </Form.List>
      <Form.Item name="note" label={L('note')}>
        <Input.TextArea maxLength={2000} rows={2} />
      </Form.Item>
    </FormDialog>
  );
}
