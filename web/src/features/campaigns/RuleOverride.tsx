import { useCallback, useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiErrorDetail } from '../../../../shared/src/contracts/errors.ts';
import { type ApiError, errorMessage } from '../../lib/api.ts';
import { isRuleWarnings } from './campaigns.api.ts';

type Override = { reason: string };
type Pending = {
  error: ApiError;
  retry: (override: Override) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
};

/**
 * A write that may break a rule: the server answers 422 CONGRESS_RULE_WARNINGS with every warning and saves nothing.
 * `run(send)` shows those warnings and asks for a reason; resending with `override` keeps the schedule as a
 * recorded exception. Cancelling rejects with the server's own message, so the calling form shows it.
 */
export function useRuleOverride() {
  const [pending, setPending] = useState<Pending | null>(null);
  const run = useCallback(
    <T,>(send: (override?: Override) => Promise<T>): Promise<T> =>
      send().catch((e: unknown) => {
        if (!isRuleWarnings(e)) throw e;
        return new Promise<T>((resolve, reject) =>
          setPending({ error: e as ApiError, retry: send, resolve: resolve as (v: unknown) => void, reject }),
        );
      }),
    [],
  );
  const dialog = pending ? <OverrideDialog pending={pending} onDone={() => setPending(null)} /> : null;
  return { run, dialog };
}

function OverrideDialog({ pending, onDone }: { pending: Pending; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Override>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const warnings: ApiErrorDetail[] = pending.error.details;
  const label = t('campaigns.override.reason');

  const submit = async ({ reason }: Override) => {
    setBusy(true);
    setError(null);
    try {
      const result = await pending.retry({ reason: reason.trim() });
      pending.resolve(result);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('campaigns.override.title')}
      okText={t('campaigns.override.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => {
        pending.reject(pending.error);
        onDone();
      }}
      confirmLoading={busy}
      maskClosable={false}
      destroyOnHidden
      width={600}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} className="form-dialog__error" />}
      <p>{t('campaigns.override.intro')}</p>
      <ul className="campaign-warnings" aria-label={t('campaigns.congress.warnings')}>
        {warnings.map((w, i) => (
          <li key={`${w.code ?? ''}-${i}`}>
            <Alert type="warning" showIcon message={w.message} />
          </li>
        ))}
      </ul>
      <Form<Override> form={form} name="override" layout="vertical" onFinish={submit} disabled={busy}>
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: t('validation.requiredField', { label }) }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
