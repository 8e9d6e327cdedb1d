import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgSearch } from './OrgSearch.tsx';
import { OrgTree } from './OrgTree.tsx';

export function OrgTreePanel({ selectedId }: { selectedId: number }) {
  const { t } = useTranslation();
  return (
    <Card title={t('orgs.treeTitle')} size="small" className="org-tree-card">
      <OrgSearch />
      <OrgTree selectedId={selectedId} />
    </Card>
  );
}
