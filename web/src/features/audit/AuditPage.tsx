import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Alert, AutoComplete, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditEntry } from '../../../../shared/src/contracts/accounts.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { DATE_FORMAT, toIsoDate } from '../../lib/dates.ts';
import { foldVietnamese, formatDateTime } from '../../lib/format.ts';
import { AuditActionLabel } from './AuditActionLabel.tsx';
import { actionsWithPrefix, auditDomains } from './audit-actions.ts';
import { type AuditFilters, auditQuery } from './audit.api.ts';

/** The kinds of record the log can be narrowed to; a kind also covers its sub-kinds on the server ("report" → every register). */
const AUDIT_ENTITY_TYPES = ['organization', 'user', 'import', 'campaign', 'congress', 'election', 'person', 'complaint', 'congressPersonnel', 'delegate', 'congressDocument', 'consultation', 'report'] as const;

/** Where an entry's record can be opened, when it has a page of its own. */
function entityLink(e: AuditEntry): string | null {
  const id = e.entityId;
  if (e.entityType === 'organization' && e.orgId) return `/orgs/${e.orgId}`;
  if (!id || !/^\d+$/.test(id)) return null;
  switch (e.entityType) {
    case 'election':
      return `/elections/${id}`;
    case 'campaign':
      return `/campaigns/${id}`;
    case 'congress':
      return `/congresses/${id}`;
    case 'person':
      return `/personnel/people/${id}`;
    case 'consultation':
      return `/consultations/${id}`;
    default:
      return null;
  }
}

type FilterValues = { action?: string; entityType?: string; actor?: string; from?: Dayjs | null; to?: Dayjs | null };

type ActionOption = { value?: string; label: string; search: string; options?: ActionOption[] };

/** A typed code selects by prefix (the server filters `LIKE code%`); words find the Vietnamese label, or a whole group by its name. */
const matchesAction = (input: string, o?: ActionOption) => {
  const q = input.trim();
  return !q || (o?.value ?? '').startsWith(q) || (o?.search ?? '').includes(foldVietnamese(q));
};

/** Nhật ký thay đổi: who changed what and when, newest first, filterable. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.audit'));
  const [filters, setFilters] = useState<AuditFilters>({});
  const [form] = Form.useForm<FilterValues>();
  const { data, error, isPending, fetchNextPage, hasNextPage, isFetchingNextPage } = useInfiniteQuery(auditQuery(filters));
  const entries = data?.pages.flatMap((p) => p.entries) ?? [];

  const apply = (v: FilterValues) =>
    setFilters({
      action: v.action?.trim() || undefined,
      entityType: v.entityType || undefined,
      actor: v.actor?.trim() || undefined,
      from: toIsoDate(v.from),
      to: toIsoDate(v.to),
    });

  const option = (value: string, label: string, shown = value): ActionOption => ({ value, label: `${shown} — ${label}`, search: foldVietnamese(label) });
  const actionOptions: ActionOption[] = auditDomains.map(({ domain, prefixes }) => ({
    label: t(`audit.domains.${domain}`),
    search: foldVietnamese(t(`audit.domains.${domain}`)),
    options: prefixes.flatMap((p) => [option(`${p}.`, t(`audit.prefixes.${p}`), `${p}.*`), ...actionsWithPrefix(p).map((a) => option(a, t(`audit.actions.${a}`)))]),
  }));

  return (
    <div className="page">
      <Typography.Title level={2}>{t('nav.audit')}</Typography.Title>
      <Card size="small" className="audit__filters">
        <Form<FilterValues> form={form} layout="vertical" onFinish={apply}>
          <Row gutter={12}>
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="action" label={t('audit.filters.action')}>
                <AutoComplete<string, ActionOption> options={actionOptions} virtual={false} allowClear placeholder={t('audit.filters.actionPlaceholder')} filterOption={matchesAction} popupMatchSelectWidth={420} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={4}>
              <Form.Item name="entityType" label={t('audit.filters.entityType')}>
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('audit.filters.all')}
                  options={AUDIT_ENTITY_TYPES.map((value) => ({ value, label: t(`audit.entities.${value}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8} xl={4}>
              <Form.Item name="actor" label={t('audit.filters.actor')}>
                <Input placeholder={t('audit.filters.actorPlaceholder')} allowClear />
              </Form.Item>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Form.Item name="from" label={t('audit.filters.from')}>
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Form.Item name="to" label={t('audit.filters.to')}>
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} placeholder={t('common.datePlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('audit.filters.apply')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
              }}
            >
              {t('audit.filters.clear')}
            </Button>
          </Space>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      <Card size="small">
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={isPending}
          dataSource={entries}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: t('audit.columns.at'), dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
            { title: t('audit.columns.actor'), dataIndex: 'actorUsername', width: 130, render: (a: string | null) => a ?? t('audit.system') },
            { title: t('audit.columns.action'), dataIndex: 'action', width: 190, render: (a: string) => <AuditActionLabel action={a} /> },
            {
              title: t('audit.columns.summary'),
              dataIndex: 'summary',
              render: (s: string, e) => {
                const to = entityLink(e);
                return to ? <Link to={to}>{s}</Link> : s;
              },
            },
          ]}
        />
        <div className="audit__more">
          {hasNextPage ? (
            <Button onClick={() => void fetchNextPage()} loading={isFetchingNextPage}>
              {t('audit.loadMore')}
            </Button>
          ) : (
            entries.length > 0 && <Typography.Text type="secondary">{t('audit.end', { count: entries.length })}</Typography.Text>
          )}
        </div>
      </Card>
    </div>
  );
}
