import { type ReactNode, useState } from 'react';
import { Alert, App, Form, type FormInstance, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api.ts';
import { showFieldErrors } from '../forms.ts';

type Props<T> = {
  title: ReactNode;
  okText: string;
  onClose: () => void;
  /** Resolves with the success message to show; throws an ApiError to keep the dialog open. */
  onSubmit: (values: T) => Promise<string>;
  initialValues?: Partial<T>;
  form?: FormInstance<T>;
  danger?: boolean;
  width?: number;
  children: ReactNode;
};

/**
 * A dialog holding one form. Server answers are shown where they belong: per-field messages
 * under their fields, the general Vietnamese message above the form. Mount it only while open.
 */
export function FormDialog<T extends object>({ title, okText, onClose, onSubmit, initialValues, form: given, danger, width, children }: Props<T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<T>(given);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      const done = await onSubmit(values);
      void message.success(done);
      onClose();
    } catch (e) {
      showFieldErrors(form, e);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ danger }}
      width={width ?? 560}
      maskClosable={false}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" message={error} className="form-dialog__error" />}
      <Form<T> form={form} layout="vertical" initialValues={initialValues} onFinish={finish} disabled={busy} scrollToFirstError>
        {/* No hidden submit button: Enter confirms a date or a choice, it must not send a half-filled form. */}
        {children}
      </Form>
    </Modal>
  );
}
