import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { MAX_COMMENT_CHARS, type Section } from '../../../../shared/src/contracts/documents.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useMe } from '../accounts/session.tsx';
import { draftQuery, useComment } from './documents.api.ts';
import { StateTag } from './labels.tsx';
import './documents.css';

/** A signed-in member comments on the draft, section by section; an organizer may comment for their organization. */
export function CommentPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const me = useMe();
  const { data: c, error } = useQuery(draftQuery(id));
  usePageTitle(c ? t('documents.comment.title', { title: c.title }) : t('documents.title'));
  const [open, setOpen] = useState<string | null>(null);
  const [asOrg, setAsOrg] = useState<'member' | 'org'>('member');
  const mayComment = !!c && (c.can.commentAsMember || c.can.commentAsOrg);
  return (
    <div className="page">
      <Breadcrumb items={[{ title: <Link to="/documents">{t('documents.title')}</Link> }, { title: c?.title ?? '…' }]} />
      <div className="page__head">
        <Typography.Title level={2}>{c ? t('documents.comment.title', { title: c.document.title }) : '…'}</Typography.Title>
        {c && <StateTag state={c.state} />}
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      {c && (
        <>
          {c.state === 'closed' && <Alert type="warning" showIcon message={t('documents.comment.closedNote', { at: formatDateTime(c.closesAt) })} />}
          {c.state === 'notOpen' && <Alert type="info" showIcon message={t('documents.comment.notOpenNote', { at: formatDateTime(c.opensAt) })} />}
          {c.state === 'open' && !mayComment && <Alert type="warning" showIcon message={t('documents.comment.notAudience')} />}
          {mayComment && (
            <Alert
              type="info"
              showIcon
              message={t('documents.comment.intro', { org: me.scopeOrg.name })}
              action={
                c.can.commentAsOrg && (
                  <Space>
                    <span>{t('documents.comment.asOrg')}</span>
                    <Select
                      aria-label={t('documents.comment.asOrg')}
                      value={asOrg}
                      onChange={setAsOrg}
                      style={{ width: 280 }}
                      options={[
                        ...(c.can.commentAsMember ? [{ value: 'member' as const, label: t('documents.comment.asMember') }] : []),
                        { value: 'org' as const, label: t('documents.comment.asOrgOption', { org: me.scopeOrg.name }) },
                      ]}
                    />
                  </Space>
                )
              }
            />
          )}
          <Card title={`${c.document.title} — ${t('documents.round.version')} ${c.versionNo}`}>
            {c.sections.map((s) => (
              <SectionRow
                key={s.key}
                section={s}
                canComment={mayComment}
                open={open === s.key}
                onOpen={() => setOpen(open === s.key ? null : s.key)}
                consultationId={id}
                asOrgId={asOrg === 'org' || !c.can.commentAsMember ? me.scopeOrg.id : undefined}
              />
            ))}
          </Card>
          <Card title={t('documents.comment.mine')}>
            <List
              dataSource={c.myComments}
              locale={{ emptyText: t('documents.comment.mineEmpty') }}
              renderItem={(m) => (
                <List.Item>
                  <List.Item.Meta title={`${m.sectionKey} · ${formatDateTime(m.createdAt)}`} description={<span style={{ whiteSpace: 'pre-wrap' }}>{m.body}</span>} />
                  <Tag>{t(`documents.channel.${m.channel}`)}</Tag>
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
    </div>
  );
}

function SectionRow(props: { section: Section; canComment: boolean; open: boolean; onOpen: () => void; consultationId: number; asOrgId: number | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { section: s } = props;
  const [body, setBody] = useState('');
  const [err, setErr] = useState<string | null>(null);
  const send = useComment(props.consultationId);
  return (
    <div className={`comment-section${s.kind === 'heading' ? ' comment-section--heading' : ''}`} role="group" aria-label={`${t('documents.round.section')} ${s.key}`}>
      <div className="comment-section__text">
        <span className="doc-text__key">{s.key}</span> {s.text}
      </div>
      {props.canComment && (
        <Button size="small" type="link" onClick={props.onOpen} aria-expanded={props.open}>
          {t('documents.comment.onSection')}
        </Button>
      )}
      {props.open && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {err && <Alert type="error" showIcon role="alert" message={err} />}
          <Input.TextArea rows={4} value={body} onChange={(e) => setBody(e.target.value)} maxLength={MAX_COMMENT_CHARS} showCount aria-label={t('documents.comment.yourComment')} />
          <Button
            type="primary"
            loading={send.isPending}
            disabled={!body.trim()}
            onClick={() =>
              send.mutateAsync({ sectionKey: s.key, body: body.trim(), asOrgId: props.asOrgId }).then(
                () => {
                  setBody('');
                  setErr(null);
                  props.onOpen();
                  void message.success(t('documents.comment.sent'));
                },
                (e) => setErr(errorMessage(e)),
              )
            }
          >
            {t('documents.comment.send')}
          </Button>
        </Space>
      )}
    </div>
  );
}
