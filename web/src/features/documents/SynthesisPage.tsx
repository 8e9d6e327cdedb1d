import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Empty, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { responseKinds, type ResponseKind } from '../../../../shared/src/contracts/documents.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatCount } from '../../lib/format.ts';
import { type Comment, exportSynthesisUrl, overviewQuery, sectionQuery, type Theme, themeCommentsQuery, useAssign, useCreateTheme, useQuotes, useUpdateTheme } from './documents.api.ts';
import './documents.css';

/** Tổng hợp ý kiến: per section, counts, themes with responses and quotes, lower levels rolled up, and the Word report. */
export function SynthesisPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ? Number(params.get('orgId')) : undefined;
  const sectionKey = params.get('section');
  const { data: ov, error } = useQuery(overviewQuery(id, orgId));
  usePageTitle(ov ? t('documents.synth.title', { title: ov.consultation.document.title }) : t('documents.title'));
  const set = (k: string, v: string | undefined) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (v === undefined) n.delete(k);
      else n.set(k, v);
      return n;
    });
  return (
    <div className="page">
      <Breadcrumb items={[{ title: <Link to="/documents">{t('documents.title')}</Link> }, { title: ov?.consultation.title ?? '…' }]} />
      <div className="page__head">
        <Typography.Title level={2}>{ov ? t('documents.synth.title', { title: ov.consultation.document.title }) : '…'}</Typography.Title>
        {ov && (
          <a href={exportSynthesisUrl(id, ov.org.id)} download>
            <Button type="primary">{t('documents.synth.exportDocx')}</Button>
          </a>
        )}
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      {ov && (
        <>
          <Card size="small">
            <Space wrap>
              <span>{t('documents.synth.org')}</span>
              <Select
                aria-label={t('documents.synth.org')}
                value={ov.org.id}
                style={{ width: 360 }}
                options={ov.orgChoices.map((o) => ({ value: o.id, label: o.name }))}
                onChange={(v: number) => set('orgId', String(v))}
              />
              <Typography.Text strong>{t('documents.synth.totals', { total: formatCount(ov.totals.total), visible: formatCount(ov.totals.visible), themed: formatCount(ov.totals.themed) })}</Typography.Text>
            </Space>
          </Card>
          <div className="synth" style={{ marginTop: 16 }}>
            <Card title={t('documents.synth.sections')} size="small" className="synth__sections">
              <nav aria-label={t('documents.synth.sections')}>
                {ov.sections.map((s) => (
                  <button key={s.key} type="button" className={`synth__section${s.key === sectionKey ? ' synth__section--active' : ''}`} onClick={() => set('section', s.key)} aria-current={s.key === sectionKey}>
                    <div style={{ fontWeight: s.kind === 'heading' ? 600 : 400 }}>
                      <span className="doc-text__key">{s.key}</span> {s.text.length > 90 ? `${s.text.slice(0, 89)}…` : s.text}
                    </div>
                    <small>{t('documents.synth.sectionCounts', { total: formatCount(s.total), themes: s.themes })}</small>
                  </button>
                ))}
              </nav>
            </Card>
            {sectionKey ? <SectionPanel id={id} orgId={ov.org.id} sectionKey={sectionKey} /> : <Empty description={t('documents.synth.pickSection')} />}
          </div>
        </>
      )}
    </div>
  );
}

function SectionPanel({ id, orgId, sectionKey }: { id: number; orgId: number; sectionKey: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [offset, setOffset] = useState(0);
  const { data: s, error } = useQuery(sectionQuery(id, orgId, sectionKey, offset));
  const createTheme = useCreateTheme(id);
  const assign = useAssign(id);
  const update = useUpdateTheme();
  const [title, setTitle] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [target, setTarget] = useState<number | undefined>();
  const failed = (e: unknown) => void message.error(errorMessage(e));
  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;
  if (!s) return null;
  const edit = s.can.edit;
  return (
    <div>
      <Card size="small" title={`${s.section.key} — ${s.section.text.length > 200 ? `${s.section.text.slice(0, 199)}…` : s.section.text}`}>
        <Typography.Text>
          {t('documents.synth.counts', {
            total: formatCount(s.counts.total),
            visible: formatCount(s.counts.visible),
            hidden: formatCount(s.counts.hidden),
            merged: formatCount(s.counts.merged),
            themed: formatCount(s.counts.themed),
          })}
        </Typography.Text>
        <div>
          {(Object.keys(s.counts.byChannel) as (keyof typeof s.counts.byChannel)[])
            .filter((c) => s.counts.byChannel[c] > 0)
            .map((c) => (
              <Tag key={c}>
                {t(`documents.channel.${c}`)}: {formatCount(s.counts.byChannel[c])}
              </Tag>
            ))}
        </div>
      </Card>
      <Card
        size="small"
        title={t('documents.synth.themes')}
        style={{ marginTop: 12 }}
        extra={
          edit && (
            <Space.Compact>
              <Input value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('documents.synth.newTheme')} aria-label={t('documents.synth.newTheme')} maxLength={300} style={{ width: 280 }} />
              <Button
                disabled={!title.trim()}
                onClick={() =>
                  createTheme.mutateAsync({ orgId, sectionKey, title: title.trim() }).then(() => {
                    setTitle('');
                    void message.success(t('documents.synth.themeAdded'));
                  }, failed)
                }
              >
                {t('documents.synth.addTheme')}
              </Button>
            </Space.Compact>
          )
        }
      >
        {s.themes.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        {s.themes.map((th) => (
          <ThemeCard key={th.id} theme={th} edit={edit} />
        ))}
      </Card>
      <Card size="small" title={t('documents.synth.lower')} style={{ marginTop: 12 }}>
        {s.lowerThemes.length === 0 && <Typography.Text type="secondary">{t('documents.synth.lowerEmpty')}</Typography.Text>}
        {s.lowerThemes.map((th) => (
          <div key={th.id} className="theme-card" role="group" aria-label={th.title}>
            <Space wrap>
              <Typography.Text strong>{th.title}</Typography.Text>
              <Tag>{th.org.name}</Tag>
              <Tag color="blue">{t('documents.synth.count', { n: formatCount(th.count) })}</Tag>
              {th.response && <Tag color="green">{t(`documents.response.${th.response}`)}</Tag>}
              {edit && s.themes.length > 0 && (
                <Select
                  aria-label={`${t('documents.synth.rollInto')}: ${th.title}`}
                  placeholder={t('documents.synth.rollInto')}
                  style={{ width: 260 }}
                  options={s.themes.map((x) => ({ value: x.id, label: x.title }))}
                  onChange={(parentId: number) => update.mutateAsync({ id: th.id, version: th.version, parentId }).then(() => void message.success(t('documents.synth.rolled')), failed)}
                />
              )}
              <TraceButton theme={th} />
            </Space>
          </div>
        ))}
      </Card>
      <Card
        size="small"
        title={t('documents.synth.unthemed', { n: formatCount(s.unthemed.total) })}
        style={{ marginTop: 12 }}
        extra={
          edit && (
            <Space>
              <Select aria-label={t('documents.synth.assignTo')} placeholder={t('documents.synth.assignTo')} style={{ width: 240 }} value={target} onChange={setTarget} options={s.themes.map((x) => ({ value: x.id, label: x.title }))} />
              <Button
                type="primary"
                disabled={!target || selected.length === 0}
                onClick={() =>
                  assign.mutateAsync({ orgId, commentIds: selected, themeId: target! }).then((r) => {
                    setSelected([]);
                    void message.success(t('documents.synth.assigned', { n: r.assigned }));
                  }, failed)
                }
              >
                {t('documents.synth.assign')}
              </Button>
            </Space>
          )
        }
      >
        <Table<Comment>
          rowKey="id"
          size="small"
          dataSource={s.unthemed.items}
          rowSelection={edit ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
          pagination={{ total: s.unthemed.total, pageSize: 30, current: offset / 30 + 1, showSizeChanger: false, onChange: (p) => setOffset((p - 1) * 30) }}
          columns={[
            { title: '#', dataIndex: 'id', width: 80 },
            { title: t('documents.round.body'), render: (_, m) => <span style={{ whiteSpace: 'pre-wrap' }}>{m.body}</span> },
            { title: t('documents.round.author'), width: 220, render: (_, m) => m.authorOrg?.name ?? m.authorName ?? t('documents.round.anonymous') },
          ]}
        />
      </Card>
    </div>
  );
}

function ThemeCard({ theme: th, edit }: { theme: Theme; edit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateTheme();
  const [response, setResponse] = useState<ResponseKind | null>(th.response);
  const [text, setText] = useState(th.responseText ?? '');
  const failed = (e: unknown) => void message.error(errorMessage(e));
  return (
    <Card size="small" className="theme-card" title={th.title} extra={<Tag color="blue">{t('documents.synth.count', { n: formatCount(th.count) })}</Tag>} role="group" aria-label={th.title}>
      {th.children.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t('documents.synth.fromLower')}: {th.children.map((c) => `${c.org.name} — “${c.title}” (${formatCount(c.count)})`).join('; ')}
        </Typography.Paragraph>
      )}
      {th.quotes.length > 0 && (
        <>
          <Typography.Text strong>{t('documents.synth.quotes')}</Typography.Text>
          {th.quotes.map((q) => (
            <blockquote key={q.id}>
              “{q.body}” <Typography.Text type="secondary">({q.authorOrg?.name ?? q.authorName ?? t('documents.round.anonymous')})</Typography.Text>
            </blockquote>
          ))}
        </>
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <span>{t('documents.synth.response')}</span>
          <Select
            aria-label={`${t('documents.synth.response')}: ${th.title}`}
            disabled={!edit}
            value={response ?? undefined}
            placeholder={t('documents.response.none')}
            style={{ width: 200 }}
            allowClear
            onChange={(v: ResponseKind | undefined) => setResponse(v ?? null)}
            options={responseKinds.map((r) => ({ value: r, label: t(`documents.response.${r}`) }))}
          />
          <TraceButton theme={th} quotable={edit} />
        </Space>
        <Input.TextArea rows={2} disabled={!edit} value={text} onChange={(e) => setText(e.target.value)} aria-label={`${t('documents.synth.responseText')}: ${th.title}`} maxLength={4000} />
        {edit && (
          <Button onClick={() => update.mutateAsync({ id: th.id, version: th.version, response, responseText: text.trim() || null }).then(() => void message.success(t('documents.synth.saved')), failed)}>
            {t('documents.synth.saveResponse')}
          </Button>
        )}
      </Space>
    </Card>
  );
}

/** Traceability: the original comments behind a theme (its own and the lower themes rolled into it); quotes are picked here. */
function TraceButton({ theme, quotable }: { theme: Theme; quotable?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const { data } = useQuery({ ...themeCommentsQuery(theme.id), enabled: open });
  const quotes = useQuotes();
  const chosen = new Set(theme.quotes.map((q) => q.id));
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('documents.synth.trace')}
      </Button>
      {open && (
        <Modal open title={`${theme.title} — ${t('documents.synth.count', { n: formatCount(data?.total ?? theme.count) })}`} footer={null} onCancel={() => setOpen(false)} width={760}>
          <List
            dataSource={data?.items ?? []}
            renderItem={(m) => (
              <List.Item
                actions={
                  quotable && !chosen.has(m.id)
                    ? [
                        <Button
                          key="q"
                          size="small"
                          onClick={() =>
                            quotes.mutateAsync({ themeId: theme.id, commentIds: [...chosen, m.id].slice(-5) }).then(
                              () => void message.success(t('documents.synth.quoted')),
                              (e) => void message.error(errorMessage(e)),
                            )
                          }
                        >
                          {t('documents.synth.quote')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta title={`#${m.id} · ${m.authorOrg?.name ?? m.authorName ?? t('documents.round.anonymous')}`} description={<span style={{ whiteSpace: 'pre-wrap' }}>{m.body}</span>} />
              </List.Item>
            )}
          />
        </Modal>
      )}
    </>
  );
}
