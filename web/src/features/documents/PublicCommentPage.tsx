import { useEffect, useState } from 'react';
import { Alert, Button, Input, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { PublicConsultation, Section } from '../../../../shared/src/contracts/documents.ts';
import { formatDateTime } from '../../lib/format.ts';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import './documents.css';

type Answer = { ok: true; receivedAt: string } | { ok: false; message: string };

/** The public form: no sign-in, no session cookie sent; readable and usable on a phone. */
async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: T | { error: { code: string; message: string } } }> {
  const res = await fetch(`/api/public/consultations/${path}`, {
    method,
    credentials: 'omit',
    headers: body ? { 'content-type': 'application/json', accept: 'application/json' } : { accept: 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json().catch(() => ({ error: { code: 'UNEXPECTED', message: '' } }))) as T };
}

export function PublicCommentPage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const [view, setView] = useState<PublicConsultation | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  usePageTitle(view?.documentTitle ?? t('documents.public.heading'));

  useEffect(() => {
    void call<PublicConsultation>('GET', encodeURIComponent(token)).then((r) => {
      if (r.status === 200) setView(r.json as PublicConsultation);
      else setFailed(r.status === 404 ? t('documents.public.notFound') : ((r.json as { error: { message: string } }).error.message ?? t('errors.unexpected')));
    });
  }, [token, t]);

  return (
    <main className="public-page">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('app.name')}</Typography.Text>
        <LanguageSwitch />
      </Space>
      {!view && !failed && <Spin />}
      {failed && <Alert type="error" showIcon message={failed} />}
      {view && (
        <>
          <Typography.Title level={1}>{t('documents.public.heading')}</Typography.Title>
          <Typography.Title level={2} style={{ fontSize: '1.15em' }}>
            {view.documentTitle} — {view.orgName}
          </Typography.Title>
          <Typography.Paragraph>{view.title}</Typography.Paragraph>
          {view.state === 'open' && <Alert type="info" showIcon message={t('documents.public.intro')} description={t('documents.public.until', { at: formatDateTime(view.closesAt) })} />}
          {view.state === 'closed' && <Alert type="warning" showIcon message={t('documents.public.closed', { at: formatDateTime(view.closesAt) })} />}
          {view.state === 'notOpen' && <Alert type="info" showIcon message={t('documents.public.notOpen', { at: formatDateTime(view.opensAt) })} />}
          <div style={{ marginTop: 16 }}>
            {view.sections.map((s) => (
              <PublicSection key={s.key} token={token} view={view} section={s} open={open === s.key} onOpen={() => setOpen(open === s.key ? null : s.key)} />
            ))}
          </div>
        </>
      )}
    </main>
  );
}

function PublicSection({ token, view, section: s, open, onOpen }: { token: string; view: PublicConsultation; section: Section; open: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [name, setName] = useState('');
  const [place, setPlace] = useState('');
  const [website, setWebsite] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const send = async () => {
    setBusy(true);
    const r = await call<{ id: number; receivedAt: string }>('POST', `${encodeURIComponent(token)}/comments`, {
      sectionKey: s.key,
      body,
      name: name.trim() || undefined,
      place: place.trim() || undefined,
      website,
      formToken: view.formToken,
    }).catch(() => ({ status: 0, json: { error: { code: 'NETWORK_ERROR', message: t('errors.network') } } }));
    setBusy(false);
    if (r.status === 201) {
      setAnswer({ ok: true, receivedAt: (r.json as { receivedAt: string }).receivedAt });
      setBody('');
    } else setAnswer({ ok: false, message: (r.json as { error: { message: string } }).error.message });
  };
  return (
    <section className={`comment-section${s.kind === 'heading' ? ' comment-section--heading' : ''}`} aria-label={`${t('documents.round.section')} ${s.key}`}>
      <div className="comment-section__text">{s.text}</div>
      {view.state === 'open' && (
        <Button size="small" type="link" onClick={onOpen} aria-expanded={open} style={{ paddingLeft: 0 }}>
          {t('documents.public.pick')}
        </Button>
      )}
      {answer?.ok && <Alert type="success" showIcon role="status" message={t('documents.public.sent', { at: formatDateTime(answer.receivedAt) })} />}
      {open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            {answer && !answer.ok && <Alert type="error" showIcon role="alert" message={answer.message} />}
            <label>
              {t('documents.public.body')}
              <Input.TextArea rows={5} value={body} onChange={(e) => setBody(e.target.value)} maxLength={view.maxChars} showCount />
            </label>
            <label>
              {t('documents.public.name')}
              <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} autoComplete="name" />
            </label>
            <label>
              {t('documents.public.place')}
              <Input value={place} onChange={(e) => setPlace(e.target.value)} maxLength={200} />
            </label>
            {/* Hidden from people and from screen readers; robots fill it and are refused. */}
            <div className="hp-field" aria-hidden="true">
              <label>
                {t('documents.public.website')}
                <input tabIndex={-1} autoComplete="off" value={website} onChange={(e) => setWebsite(e.target.value)} name="website" />
              </label>
            </div>
            <Button type="primary" htmlType="submit" loading={busy} disabled={body.trim().length === 0} block>
              {t('documents.public.send')}
            </Button>
          </Space>
        </form>
      )}
    </section>
  );
}
