import { App, Button, Space, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api.ts';
import { formatNumberVi } from '../../../../shared/src/format.ts';
import { lessonFileUrl, useAttachLessonFile } from './campaigns.api.ts';

type LessonFile = { id: number; fileName: string; size: number };

const sizeText = (n: number) => (n >= 1024 * 1024 ? `${formatNumberVi(n / 1024 / 1024, 1)} MB` : `${formatNumberVi(Math.max(1, Math.round(n / 1024)))} KB`);

/** A lesson's attachments as download links; the pilot's organizers may add more. */
export function LessonFiles({ congressId, lessonId, files, canAttach }: { congressId: number; lessonId: number; files: LessonFile[]; canAttach: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const attach = useAttachLessonFile();
  const upload = async (file: File) => {
    try {
      await attach.mutateAsync({ congressId, lessonId, file });
      void message.success(t('campaigns.lessonFiles.attached', { name: file.name }));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  if (files.length === 0 && !canAttach) return null;
  return (
    <Space wrap size={[12, 4]} className="lesson-files">
      {files.map((f) => (
        <a key={f.id} href={lessonFileUrl(congressId, lessonId, f.id)} download>
          <PaperClipOutlined aria-hidden /> {f.fileName} ({sizeText(f.size)})
        </a>
      ))}
      {canAttach && (
        <Upload accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.txt" multiple={false} showUploadList={false} beforeUpload={(f) => {
            void upload(f);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button size="small" icon={<UploadOutlined aria-hidden />} loading={attach.isPending}>
            {t('campaigns.lessonFiles.attach')}
          </Button>
        </Upload>
      )}
    </Space>
  );
}
