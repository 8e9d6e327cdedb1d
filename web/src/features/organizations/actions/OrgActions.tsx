import { lazy, Suspense, useState } from 'react';
import { Button, Dropdown, Space } from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { exportUrl, type OrgWithAncestors } from '../orgs.api.ts';

// Dialogs (forms, date pickers, validation) load when first opened, not with the tree page.
const CreateChildOrgDialog = lazy(() => import('./CreateChildOrgDialog.tsx').then((m) => ({ default: m.CreateChildOrgDialog })));
const EditOrgDialog = lazy(() => import('./EditOrgDialog.tsx').then((m) => ({ default: m.EditOrgDialog })));
const MoveOrgDialog = lazy(() => import('./MoveOrgDialog.tsx').then((m) => ({ default: m.MoveOrgDialog })));
const MergeOrgsDialog = lazy(() => import('./MergeOrgsDialog.tsx').then((m) => ({ default: m.MergeOrgsDialog })));
const CloseOrgDialog = lazy(() => import('./CloseOrgDialog.tsx').then((m) => ({ default: m.CloseOrgDialog })));

type Dialog = 'create' | 'edit' | 'move' | 'merge' | 'close' | null;

/** Write actions appear only when the server says this user may write this unit (`canWrite`). */
export function OrgActions({ org }: { org: OrgWithAncestors }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const isTopOfTree = org.parentId === null;

  return (
    <>
      <Space wrap className="org-actions">
        {org.canWrite && (
          <>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('create')}>
              {t('orgs.actions.createChild')}
            </Button>
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('edit')}>
              {t('orgs.actions.edit')}
            </Button>
            {!isTopOfTree && (
              <Button icon={<SwapOutlined aria-hidden />} onClick={() => setDialog('move')}>
                {t('orgs.actions.move')}
              </Button>
            )}
            <Button icon={<MergeCellsOutlined aria-hidden />} onClick={() => setDialog('merge')}>
              {t('orgs.actions.merge')}
            </Button>
            {!isTopOfTree && (
              <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => setDialog('close')}>
                {t('orgs.actions.close')}
              </Button>
            )}
          </>
        )}
        <Dropdown
          menu={{
            items: [
              { key: 'xlsx', label: <a href={exportUrl(org.id, 'xlsx')}>{t('orgs.actions.exportXlsx')}</a> },
              { key: 'csv', label: <a href={exportUrl(org.id, 'csv')}>{t('orgs.actions.exportCsv')}</a> },
            ],
          }}
        >
          <Button icon={<DownloadOutlined aria-hidden />}>{t('orgs.actions.export')}</Button>
        </Dropdown>
      </Space>
      <Suspense fallback={null}>
        {dialog === 'create' && <CreateChildOrgDialog parent={org} onClose={close} />}
        {dialog === 'edit' && <EditOrgDialog org={org} onClose={close} />}
        {dialog === 'move' && <MoveOrgDialog org={org} onClose={close} />}
        {dialog === 'merge' && <MergeOrgsDialog org={org} onClose={close} />}
        {dialog === 'close' && <CloseOrgDialog org={org} onClose={close} />}
      </Suspense>
    </>
  );
}
