import { useState } from 'react';
import { Alert, Button, Upload } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../lib/api.ts';

type Problem = { row: number; column: string; code: string; message: string };
type Read = { names: string[]; problems: Problem[] };

/**
 * "Lấy danh sách từ tệp Excel": the server reads the file and names every bad row; the names go
 * into the list box, where the user still sees and edits them before creating the election.
 */
export function CandidateFileButton({ onNames }: { onNames: (names: string[]) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<string | null>(null);

  const read = async (file: File) => {
    setBusy(true);
    setError(null);
    setProblems([]);
    try {
      const body = new FormData();
      body.append('file', file);
      const r = await api<Read>('/elections/candidate-file', { method: 'POST', body });
      setProblems(r.problems);
      if (r.names.length) onNames(r.names);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="election-form__file">
      <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => {
          void read(f);
          return false;
        }}>
        <Button icon={<FileExcelOutlined aria-hidden />} loading={busy}>
          {t('elections.create.fromFile')}
        </Button>
      </Upload>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={t('elections.create.fileProblems', { count: problems.length })}
          description={
            <ul className="election-form__problems">
              {problems.map((p) => (
                <li key={`${p.row}-${p.code}`}>{p.message}</li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}
