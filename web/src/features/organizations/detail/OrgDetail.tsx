import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorMessage, isApiError } from '../../../lib/api.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { orgQuery } from '../orgs.api.ts';
import { OrgActions } from '../actions/OrgActions.tsx';
import { OrgFacts } from './OrgFacts.tsx';
import { OrgHistory } from './OrgHistory.tsx';
import { OrgRollup } from './OrgRollup.tsx';
import { OrgStatusTag } from './OrgStatusTag.tsx';
import { PageSpinner } from '../../../app/PageSpinner.tsx';

// Elections load with their tab: the tree stays the light first page.
const OrgElections = lazy(() => import('../../elections/OrgElections.tsx').then((m) => ({ default: m.OrgElections })));

export function OrgDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data: org, error, isPending } = useQuery(orgQuery(id));
  usePageTitle(org?.name ?? t('nav.orgs'));

  if (isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (error) return <OrgLoadError error={error} />;

  return (
    <Card className="org-detail">
      {org.ancestors.length > 0 && (
        <Breadcrumb
          items={[
            ...org.ancestors.map((a) => ({ key: a.id, title: <Link to={`/orgs/${a.id}`}>{a.name}</Link> })),
            { key: org.id, title: org.name },
          ]}
        />
      )}
      <div className="org-detail__head">
        <Space align="center" wrap>
          <Typography.Title level={3} className="org-detail__title">
            {org.name}
          </Typography.Title>
          <OrgStatusTag status={org.status} />
        </Space>
        <OrgActions org={org} />
      </div>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'overview',
            label: t('orgs.tabs.overview'),
            children: (
              <>
                <OrgFacts org={org} />
                <OrgRollup orgId={org.id} />
              </>
            ),
          },
          {
            key: 'elections',
            label: t('orgs.tabs.elections'),
            children: (
              <Suspense fallback={<PageSpinner />}>
                <OrgElections org={org} />
              </Suspense>
            ),
          },
          { key: 'history', label: t('orgs.tabs.history'), children: <OrgHistory orgId={org.id} /> },
        ]}
      />
    </Card>
  );
}

/** Out of scope is a 403 with a message, never the unit's name: a district user must not learn what lies outside. */
function OrgLoadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.code === 'ORG_OUT_OF_SCOPE')
    return <Result status="403" title={t('orgs.outOfScopeTitle')} subTitle={error.message} extra={<Link to="/orgs">{t('orgs.backToMyTree')}</Link>} />;
  if (isApiError(error) && error.status === 404)
    return <Result status="404" title={t('orgs.notFoundTitle')} subTitle={error.message} extra={<Link to="/orgs">{t('orgs.backToMyTree')}</Link>} />;
  return <Alert type="error" showIcon message={errorMessage(error)} />;
}
