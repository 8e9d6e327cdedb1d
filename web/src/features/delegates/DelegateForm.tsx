import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { delegateKindLabels, delegateKinds, type DelegateKind, type DelegateWarning } from '../../../../shared/src/contracts/delegates.ts';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../../lib/dates.ts';
import { formatDateVi } from '../../lib/format.ts';
import { requiredRule } from '../../lib/forms.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { type Delegate, peopleSearchQuery, type Register, useUpdateDelegate } from './delegates.api.ts';

export type DelegateFormValues = {
  fullName: string;
  kind: DelegateKind;
  delegationOrgId?: number;
  personId?: number | null;
  birthDate?: Dayjs | null;
  gender?: 'male' | 'female' | null;
  partyJoinDate?: Dayjs | null;
  position?: string | null;
  alternateRank?: number | null;
  votes?: number | null;
  note?: string | null;
};

/** The request fields of the form's values; cleared fields are sent as null so an edit can empty them. */
export const delegateBody = (v: DelegateFormValues) => ({
  fullName: v.fullName,
  kind: v.kind,
  delegationOrgId: v.delegationOrgId,
  personId: v.personId ?? null,
  birthDate: toIsoDate(v.birthDate) ?? null,
  gender: v.gender ?? null,
  partyJoinDate: toIsoDate(v.partyJoinDate) ?? null,
  position: v.position?.trim() || null,
  alternateRank: v.kind === 'alternate' ? (v.alternateRank ?? null) : null,
  votes: v.votes ?? null,
  note: v.note?.trim() || null,
});

/** What the server saved but wants looked at (a bare name match, a personnel record that differs). */
export function useShowWarnings() {
  const { message } = App.useApp();
  return (warnings: DelegateWarning[]) => {
    for (const w of warnings) void message.warning({ content: w.message, duration: 8 });
  };
}

/** A personnel record, searched by name; choosing one fills the birth date and gender the form lacks. */
function PersonLink({ value, onChange, linkedLabel }: { value?: number | null; onChange?: (v: number | null) => void; linkedLabel: string | null }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<DelegateFormValues>();
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery(peopleSearchQuery(q));
  const found = data ?? [];
  const options = found.map((p) => ({ value: p.id, label: `${p.fullName} — ${formatDateVi(p.birthDate)} — ${p.org.name}` }));
  if (value != null && !options.some((o) => o.value === value)) options.unshift({ value, label: linkedLabel ?? t('delegates.edit.linkedPerson', { id: value }) });
  return (
    <Select
      showSearch
      allowClear
      filterOption={false}
      value={value ?? undefined}
      placeholder={t('delegates.edit.personPlaceholder')}
      notFoundContent={q.trim().length < 2 ? t('delegates.edit.personTypeMore') : isFetching ? t('common.loading') : t('delegates.edit.personNone')}
      onSearch={setQ}
      options={options}
      onChange={(id?: number) => {
        onChange?.(id ?? null);
        const p = found.find((x) => x.id === id);
        if (!p) return;
        const v = form.getFieldsValue();
        form.setFieldsValue({
          ...(v.birthDate ? {} : { birthDate: fromIsoDate(p.birthDate) }),
          ...(v.gender ? {} : { gender: p.gender }),
        });
      }}
    />
  );
}

/** The fields of a delegate, for registration and for an edit. `lock` fixes kind and delegation with its reason. */
export function DelegateFields({ reg, lock, withPerson, linkedLabel }: { reg: Register; lock?: string | null; withPerson?: boolean; linkedLabel?: string | null }) {
  const { t } = useTranslation();
  const kind = Form.useWatch('kind') as DelegateKind | undefined;
  const delegationOptions = reg.delegations.map((g) => ({ value: g.org.id, label: g.org.id === reg.congress.org.id ? t('delegates.register.ownDelegation') : g.org.name }));
  return (
    <>
      <Form.Item name="fullName" label={t('delegates.register.fullName')} rules={[requiredRule(t('delegates.register.fullName'))]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="kind" label={t('delegates.register.kind')} extra={lock ?? undefined}>
        <Select showSearch optionFilterProp="label" disabled={!!lock} options={delegateKinds.map((k) => ({ value: k, label: delegateKindLabels[k] }))} />
      </Form.Item>
      <Form.Item name="delegationOrgId" label={t('delegates.register.delegation')}>
        <Select showSearch optionFilterProp="label" allowClear={!lock} disabled={!!lock} options={delegationOptions} />
      </Form.Item>
      {withPerson && (
        <Form.Item name="personId" label={t('delegates.edit.person')}>
          <PersonLink linkedLabel={linkedLabel ?? null} />
        </Form.Item>
      )}
      <Space wrap>
        <Form.Item name="birthDate" label={t('delegates.register.birthDate')}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="gender" label={t('delegates.register.gender')}>
          <Select
            style={{ width: 120 }}
            allowClear
            options={[
              { value: 'male', label: t('delegates.register.male') },
              { value: 'female', label: t('delegates.register.female') },
            ]}
          />
        </Form.Item>
        <Form.Item name="partyJoinDate" label={t('delegates.register.partyJoinDate')}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
      </Space>
      <Form.Item name="position" label={t('delegates.register.position')}>
        <Input maxLength={300} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="votes" label={t('delegates.register.votes')}>
          <InputNumber min={0} />
        </Form.Item>
        {kind === 'alternate' && (
          <Form.Item name="alternateRank" label={t('delegates.edit.alternateRank')}>
            <InputNumber min={1} />
          </Form.Item>
        )}
      </Space>
      <Form.Item name="note" label={t('delegates.edit.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </>
  );
}

/** Corrects a delegate's details after registration: the server checks as at registration and refuses a stale version. */
export function EditDelegateDialog({ reg, delegate: d, onClose }: { reg: Register; delegate: Delegate; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateDelegate();
  const showWarnings = useShowWarnings();
  return (
    <FormDialog<DelegateFormValues>
      title={t('delegates.edit.title', { name: d.fullName })}
      okText={t('delegates.edit.save')}
      onClose={onClose}
      width={640}
      initialValues={{
        fullName: d.fullName,
        kind: d.kind,
        delegationOrgId: d.delegation.id,
        personId: d.personId,
        birthDate: fromIsoDate(d.birthDate) ?? null,
        gender: d.gender,
        partyJoinDate: fromIsoDate(d.partyJoinDate) ?? null,
        position: d.position,
        alternateRank: d.alternateRank,
        votes: d.votes,
        note: d.note,
      }}
      onSubmit={async (v) => {
        const saved = await update.mutateAsync({ id: d.id, version: d.version, ...delegateBody(v) });
        showWarnings(saved.warnings);
        return t('delegates.edit.saved', { name: v.fullName });
      }}
    >
      <DelegateFields reg={reg} lock={d.editLock.kindAndDelegation} withPerson linkedLabel={d.personId ? t('delegates.edit.linkedPersonOf', { name: d.fullName }) : null} />
    </FormDialog>
  );
}
