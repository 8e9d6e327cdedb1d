import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, List, Row, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api.ts';
import { foldVietnamese } from '../../lib/format.ts';
import { type Counter, type Election, eligibleCountersQuery, useAssignCounters } from './elections.api.ts';

type Values = { chief?: number; teamA: number[]; teamB: number[] };

/** The counting committee as assigned: the chief and the typists of teams A and B. */
export function CountersList({ counters }: { counters: Counter[] }) {
  const { t } = useTranslation();
  if (counters.length === 0) return <Alert type="info" showIcon message={t('elections.counters.none')} />;
  return (
    <List
      size="small"
      dataSource={counters}
      renderItem={(c) => (
        <List.Item>
          <span>
            <strong>{c.fullName}</strong> <span className="muted">({c.username})</span>
          </span>
          <Tag color={c.isChief ? 'red' : c.team ? 'blue' : 'default'}>
            {c.isChief ? t('elections.counters.chief') : c.team ? t('elections.counters.teamOf', { team: c.team }) : t('elections.counters.member')}
          </Tag>
        </List.Item>
      )}
    />
  );
}

/**
 * Phân công Ban kiểm phiếu: one chief and at least one typist in each of teams A and B, chosen
 * among the users whose scope reaches this congress (the server lists them).
 */
export function CountersEditor({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const eligible = useQuery(eligibleCountersQuery(e.id));
  const assign = useAssignCounters(e.id);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const chief = Form.useWatch('chief', form);
  const teamA = Form.useWatch('teamA', form) ?? [];
  const teamB = Form.useWatch('teamB', form) ?? [];

  const initial: Values = {
    chief: e.counters.find((c) => c.isChief)?.userId,
    teamA: e.counters.filter((c) => c.team === 'A').map((c) => c.userId),
    teamB: e.counters.filter((c) => c.team === 'B').map((c) => c.userId),
  };
  const users = eligible.data ?? [];
  // One person, one place: a user chosen elsewhere is not offered again.
  const options = (exclude: (number | undefined)[]) =>
    users
      .filter((u) => !exclude.includes(u.id))
      .map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})`, search: foldVietnamese(`${u.fullName} ${u.username}`) }));
  const filterOption = (input: string, option?: { search: string }) => (option?.search ?? '').includes(foldVietnamese(input));

  const save = async (v: Values) => {
    setError(null);
    try {
      await assign.mutateAsync([
        ...(v.chief ? [{ userId: v.chief, isChief: true, team: null }] : []),
        ...v.teamA.map((userId) => ({ userId, isChief: false, team: 'A' as const })),
        ...v.teamB.map((userId) => ({ userId, isChief: false, team: 'B' as const })),
      ]);
      void message.success(t('elections.counters.saved'));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  if (eligible.error) return <Alert type="error" showIcon message={errorMessage(eligible.error)} />;
  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={save} disabled={assign.isPending} className="counters-editor">
      {error && <Alert type="error" showIcon role="alert" message={error} className="form-dialog__error" />}
      <Form.Item name="chief" label={t('elections.counters.chief')} rules={[{ required: true, message: t('elections.counters.chiefRequired') }]}>
        <Select
          showSearch
          allowClear
          loading={eligible.isPending}
          placeholder={t('elections.counters.pick')}
          options={options([...teamA, ...teamB])}
          filterOption={filterOption}
          virtual={false}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="teamA" label={t('elections.counters.teamA')} rules={[{ required: true, type: 'array', min: 1, message: t('elections.counters.teamRequired') }]}>
            <Select mode="multiple" showSearch placeholder={t('elections.counters.pick')} options={options([chief, ...teamB])} filterOption={filterOption} virtual={false} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="teamB" label={t('elections.counters.teamB')} rules={[{ required: true, type: 'array', min: 1, message: t('elections.counters.teamRequired') }]}>
            <Select mode="multiple" showSearch placeholder={t('elections.counters.pick')} options={options([chief, ...teamA])} filterOption={filterOption} virtual={false} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={assign.isPending}>
        {t('elections.counters.save')}
      </Button>
    </Form>
  );
}
