import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { OrgTreePanel } from './tree/OrgTreePanel.tsx';
import { OrgDetail } from './detail/OrgDetail.tsx';

/** Cây tổ chức: the tree (lazy, searchable) on the left, the selected unit on the right. */
export function OrgsPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return (
    <div className="orgs-page">
      <aside className="orgs-page__tree" aria-label={t('orgs.treeTitle')}>
        <OrgTreePanel selectedId={id} />
      </aside>
      <section className="orgs-page__detail" aria-label={t('orgs.detailTitle')}>
        <OrgDetail id={id} />
      </section>
    </div>
  );
}
