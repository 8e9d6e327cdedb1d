import { useState } from 'react';
import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../lib/ui/FormDialog.tsx';
import { OrgPicker, type PickedOrg } from '../OrgPicker.tsx';
import { type OrgWithAncestors, useMoveOrg } from '../orgs.api.ts';

type Values = { newParent: PickedOrg };

/** Chuyển: the unit and its whole subtree go under another unit; the server refuses cycles (ORG_MOVE_CYCLE). */
export function MoveOrgDialog({ org: current, onClose }: { org: OrgWithAncestors; onClose: () => void }) {
  // The unit as it was when the form opened: a save after someone else's change must conflict, not overwrite.
  const [org] = useState(current);
  const { t } = useTranslation();
  const move = useMoveOrg();
  const currentParent = org.ancestors[org.ancestors.length - 1];
  const label = t('orgs.dialogs.newParent');
  return (
    <FormDialog<Values>
      title={t('orgs.dialogs.moveTitle', { name: org.name })}
      okText={t('orgs.dialogs.moveOk')}
      onClose={onClose}
      onSubmit={async (v) => {
        await move.mutateAsync({ id: org.id, version: org.version, newParentId: v.newParent.value });
        return t('orgs.dialogs.moved', { name: org.name, parent: v.newParent.label });
      }}
    >
      {currentParent && (
        <Typography.Paragraph type="secondary">{t('orgs.dialogs.currentParent', { name: currentParent.name })}</Typography.Paragraph>
      )}
      <Form.Item name="newParent" label={label} rules={[{ required: true, message: t('validation.requiredField', { label }) }]}>
        <OrgPicker excludeIds={[org.id, ...(org.parentId ? [org.parentId] : [])]} />
      </Form.Item>
    </FormDialog>
  );
}
