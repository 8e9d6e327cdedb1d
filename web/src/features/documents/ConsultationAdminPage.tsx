import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { commentChannels, commentStatuses } from '../../../../shared/src/contracts/documents.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { DATE_FORMAT } from '../../lib/dates.ts';
import { formatCount, formatDateTime } from '../../lib/format.ts';
import { FormDialog } from '../../lib/ui/FormDialog.tsx';
import { type Comment, type CommentFilters, commentsQuery, draftQuery, exportCommentsUrl, roundQuery, useHide, useMerge, useMergeDuplicates, useUnhide, useUpdateRound } from './documents.api.ts';
import { StateTag } from './labels.tsx';
import './documents.css';

/** A consultation round for those who run it: open/close, the public link, moderation, export. */
export function ConsultationAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const { data: c, error } = useQuery(roundQuery(id));
  const draft = useQuery(draftQuery(id));
  usePageTitle(c?.title ?? t('documents.title'));
  const update = useUpdateRound(id);
  const [extendTo, setExtendTo] = useState<Dayjs | null>(null);
  const [filters, setFilters] = useState<CommentFilters>({ limit: 20, offset: 0 });
  const list = useQuery(commentsQuery(id, filters));
  const hide = useHide(id);
  const unhide = useUnhide(id);
  const mergeDup = useMergeDuplicates(id);
  const [hiding, setHiding] = useState<Comment | null>(null);
  const [merging, setMerging] = useState<Comment | null>(null);
  const publicUrl = c?.publicPath ? `${window.location.origin}${c.publicPath}` : null;
  const done = (text: string) => () => void message.success(text);
  const failed = (e: unknown) => void message.error(errorMessage(e));

  return (
    <div className="page">
      <Breadcrumb
        items={[
          { title: <Link to="/documents">{t('documents.title')}</Link> },
          { title: c ? <Link to={`/documents/${c.document.id}`}>{c.document.title}</Link> : '…' },
          { title: c?.title ?? '…' },
        ]}
      />
      <div className="page__head">
        <Typography.Title level={2}>{c?.title ?? '…'}</Typography.Title>
        {c && <StateTag state={c.state} />}
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      {c && (
        <>
          <Card
            extra={
              <Space wrap>
                <Link to={`/consultations/${id}/comment`}>{t('documents.round.toComment')}</Link>
                <Link to={`/consultations/${id}/synthesis`}>{t('documents.round.toSynthesis')}</Link>
              </Space>
            }
            title={t('documents.round.counts', { total: formatCount(c.counts.total), visible: formatCount(c.counts.visible) })}
          >
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={t('documents.hub.document')}>
                {c.document.title} ({t('documents.round.version')} {c.versionNo}) — {c.document.org.name}
              </Descriptions.Item>
              <Descriptions.Item label={t('documents.round.audience')}>
                {c.audienceOrg.name}: {[c.members && t('documents.round.members'), c.orgs && t('documents.round.orgs'), c.public && t('documents.round.public')].filter(Boolean).join('; ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('documents.round.opensAt')}>{formatDateTime(c.opensAt)}</Descriptions.Item>
              <Descriptions.Item label={t('documents.hub.closesAt')}>{formatDateTime(c.closesAt)}</Descriptions.Item>
              {(Object.keys(c.counts.byChannel) as (keyof typeof c.counts.byChannel)[]).map((ch) => (
                <Descriptions.Item key={ch} label={t(`documents.channel.${ch}`)}>
                  {formatCount(c.counts.byChannel[ch])}
                </Descriptions.Item>
              ))}
            </Descriptions>
            {publicUrl && (
              <Space style={{ marginTop: 12 }} wrap>
                <span>{t('documents.round.publicLink')}:</span>
                <Input readOnly value={publicUrl} style={{ width: 460 }} aria-label={t('documents.round.publicLink')} />
                <Button onClick={() => void navigator.clipboard?.writeText(publicUrl).then(done(t('documents.round.copied')), () => undefined)}>{t('documents.round.copy')}</Button>
              </Space>
            )}
            <Alert
              style={{ marginTop: 12 }}
              type="info"
              message={
                <>
                  {t('documents.round.limits', {
                    win: c.settings.perAddressPerWindow,
                    min: c.settings.windowMinutes,
                    day: c.settings.perAddressPerDay,
                    secs: c.settings.minFillSeconds,
                    minChars: c.settings.minChars,
                    maxChars: formatCount(c.settings.maxChars),
                  })}{' '}
                  <Tag color="orange">{t('documents.congress.unconfirmed')}</Tag>
                </>
              }
            />
            {c.can.manage && (
              <Space style={{ marginTop: 12 }} wrap>
                {c.state !== 'closed' && (
                  <Popconfirm
                    title={t('documents.round.closeConfirm')}
                    okText={t('documents.round.closeNow')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => update.mutateAsync({ version: c.version, closeNow: true }).then(done(t('documents.round.closed')), failed)}
                  >
                    <Button danger>{t('documents.round.closeNow')}</Button>
                  </Popconfirm>
                )}
                <span>{t('documents.round.extend')}</span>
                <DatePicker format={DATE_FORMAT} value={extendTo} onChange={setExtendTo} aria-label={t('documents.round.extend')} />
                <Button
                  disabled={!extendTo}
                  onClick={() => extendTo && update.mutateAsync({ version: c.version, closesAt: extendTo.endOf('day').toISOString() }).then(done(t('documents.round.extended')), failed)}
                >
                  {t('common.save')}
                </Button>
              </Space>
            )}
          </Card>
          <Card
            title={t('documents.round.moderation')}
            extra={
              <Space wrap>
                {c.can.manage && (
                  <Button onClick={() => mergeDup.mutateAsync().then((r) => void message.success(t('documents.round.mergedN', { n: formatCount(r.merged) })), failed)}>
                    {t('documents.round.mergeDuplicates')}
                  </Button>
                )}
                <a href={exportCommentsUrl(id)} download>
                  {t('documents.round.exportXlsx')}
                </a>
              </Space>
            }
          >
            <Space wrap style={{ marginBottom: 12 }}>
              <Select
                allowClear
                style={{ width: 220 }}
                aria-label={t('documents.round.section')}
                placeholder={t('documents.round.allSections')}
                options={(draft.data?.sections ?? []).map((s) => ({ value: s.key, label: `${s.key} — ${s.text.slice(0, 40)}` }))}
                onChange={(v: string | undefined) => setFilters((f) => ({ ...f, sectionKey: v, offset: 0 }))}
              />
              <Select
                allowClear
                style={{ width: 170 }}
                aria-label={t('documents.round.allStatuses')}
                placeholder={t('documents.round.allStatuses')}
                options={commentStatuses.map((s) => ({ value: s, label: t(`documents.status.${s}`) }))}
                onChange={(v: string | undefined) => setFilters((f) => ({ ...f, status: v, offset: 0 }))}
              />
              <Select
                allowClear
                style={{ width: 190 }}
                aria-label={t('documents.round.allChannels')}
                placeholder={t('documents.round.allChannels')}
                options={commentChannels.map((s) => ({ value: s, label: t(`documents.channel.${s}`) }))}
                onChange={(v: string | undefined) => setFilters((f) => ({ ...f, channel: v, offset: 0 }))}
              />
              <Input.Search allowClear placeholder={t('documents.round.search')} aria-label={t('documents.round.search')} onSearch={(q) => setFilters((f) => ({ ...f, q: q || undefined, offset: 0 }))} style={{ width: 260 }} />
            </Space>
            <Table<Comment>
              rowKey="id"
              size="small"
              loading={list.isFetching}
              dataSource={list.data?.items ?? []}
              scroll={{ x: 900 }}
              pagination={{
                total: list.data?.total ?? 0,
                pageSize: filters.limit,
                current: Math.floor((filters.offset ?? 0) / (filters.limit ?? 20)) + 1,
                showSizeChanger: false,
                onChange: (page) => setFilters((f) => ({ ...f, offset: (page - 1) * (f.limit ?? 20) })),
              }}
              columns={[
                { title: '#', dataIndex: 'id', width: 80 },
                { title: t('documents.round.section'), dataIndex: 'sectionKey', width: 80 },
                { title: t('documents.round.body'), render: (_, m) => <span style={{ whiteSpace: 'pre-wrap' }}>{m.body}</span> },
                {
                  title: t('documents.round.author'),
                  width: 220,
                  render: (_, m) => (
                    <>
                      <Tag>{t(`documents.channel.${m.channel}`)}</Tag> {m.authorOrg?.name ?? m.authorName ?? t('documents.round.anonymous')}
                    </>
                  ),
                },
                { title: t('documents.doc.createdAt'), width: 140, render: (_, m) => formatDateTime(m.createdAt) },
                {
                  title: t('common.actions'),
                  width: 220,
                  render: (_, m) =>
                    c.can.manage && (
                      <Space wrap>
                        {m.status === 'visible' ? (
                          <>
                            <Button size="small" onClick={() => setHiding(m)}>
                              {t('documents.round.hide')}
                            </Button>
                            <Button size="small" onClick={() => setMerging(m)}>
                              {t('documents.round.merge')}
                            </Button>
                          </>
                        ) : (
                          <>
                            <Tag>{t(`documents.status.${m.status}`)}</Tag>
                            {m.hiddenReason && <Typography.Text type="secondary">{m.hiddenReason}</Typography.Text>}
                            <Button size="small" onClick={() => unhide.mutateAsync(m.id).then(() => undefined, failed)}>
                              {t('documents.round.unhide')}
                            </Button>
                          </>
                        )}
                      </Space>
                    ),
                },
              ]}
            />
          </Card>
        </>
      )}
      {hiding && (
        <FormDialog<{ reason: string }>
          title={`${t('documents.round.hide')} #${hiding.id}`}
          okText={t('documents.round.hide')}
          danger
          onClose={() => setHiding(null)}
          onSubmit={async (v) => {
            await hide.mutateAsync({ commentId: hiding.id, reason: v.reason.trim() });
            return t('documents.round.hidden');
          }}
        >
          <Typography.Paragraph>{hiding.body}</Typography.Paragraph>
          <Form.Item name="reason" label={t('documents.round.hideReason')} rules={[{ required: true, min: 3 }]}>
            <Input maxLength={500} />
          </Form.Item>
        </FormDialog>
      )}
      {merging && <MergeDialog id={id} comment={merging} onClose={() => setMerging(null)} />}
    </div>
  );
}

function MergeDialog({ id, comment, onClose }: { id: number; comment: Comment; onClose: () => void }) {
  const { t } = useTranslation();
  const merge = useMerge(id);
  return (
    <FormDialog<{ intoId: number }>
      title={`${t('documents.round.merge')} #${comment.id}`}
      okText={t('documents.round.merge')}
      onClose={onClose}
      onSubmit={async (v) => {
        await merge.mutateAsync({ commentId: comment.id, intoId: v.intoId });
        return t('documents.round.merged');
      }}
    >
      <Typography.Paragraph>{comment.body}</Typography.Paragraph>
      <Form.Item name="intoId" label={t('documents.round.mergeInto')} rules={[{ required: true }]}>
        <InputNumber min={1} style={{ width: 200 }} />
      </Form.Item>
    </FormDialog>
  );
}
