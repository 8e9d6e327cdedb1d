import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { errorMessage, isApiError } from '../../lib/api.ts';
import { type Election, electionQuery } from './elections.api.ts';
import { purposeLabel, statusColor } from './labels.ts';

export function useElectionId(): number | null {
  const id = Number(useParams().id);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** Loads the election of the URL and renders the page with it; a bad id, 403 or 404 gets its own screen. */
export function WithElection({ title, children }: { title?: (e: Election) => string; children: (e: Election) => ReactNode }) {
  const id = useElectionId();
  if (id === null) return <NotFoundPage />;
  return <ElectionLoader id={id} title={title}>{children}</ElectionLoader>;
}

function ElectionLoader({ id, title, children }: { id: number; title?: (e: Election) => string; children: (e: Election) => ReactNode }) {
  const { t } = useTranslation();
  const { data, error, isPending } = useQuery(electionQuery(id));
  usePageTitle(data ? (title ? title(data) : data.title) : t('elections.title'));
  if (isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (error) return <ElectionLoadError error={error} />;
  return <>{children(data)}</>;
}

export function ElectionLoadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.status === 403)
    return <Result status="403" title={t('elections.forbiddenTitle')} subTitle={error.message} extra={<Link to="/">{t('notFound.home')}</Link>} />;
  if (isApiError(error) && error.status === 404)
    return <Result status="404" title={t('elections.notFoundTitle')} subTitle={error.message} extra={<Link to="/">{t('notFound.home')}</Link>} />;
  return <Alert type="error" showIcon message={errorMessage(error)} />;
}

/** Breadcrumb (organization › election › page), the title and the tags every election page starts with. */
export function ElectionHeading({ election: e, page, extra }: { election: Election; page?: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  // The round being voted or last counted (while the next one waits to be opened, `round` already describes it).
  const counted = e.rounds.find((r) => r.round === e.currentRound);
  const current = e.round?.number === e.currentRound ? e.round : counted ? { number: counted.round, purpose: counted.purpose } : null;
  return (
    <div className="election-head">
      <Breadcrumb
        items={[
          { key: 'org', title: <Link to={`/orgs/${e.orgId}`}>{e.orgName}</Link> },
          ...(page ? [{ key: 'e', title: <Link to={`/elections/${e.id}`}>{e.title}</Link> }, { key: 'p', title: page }] : [{ key: 'e', title: e.title }]),
        ]}
      />
      <div className="election-head__row">
        <div>
          <Typography.Title level={3} className="election-head__title">
            {page ?? e.title}
          </Typography.Title>
          <Space wrap size={[4, 4]}>
            {page && <Typography.Text type="secondary">{e.title}</Typography.Text>}
            <Tag>{e.kindLabel}</Tag>
            <Tag color={statusColor[e.status]}>{t(`elections.status.${e.status}`)}</Tag>
            {current && current.number > 1 && <Tag color="purple">{t('elections.roundTag', { n: current.number, purpose: purposeLabel(current.purpose) })}</Tag>}
          </Space>
        </div>
        {extra && <Space wrap>{extra}</Space>}
      </div>
      {e.quorumWarning && <Alert type="warning" showIcon role="status" message={e.quorumWarning} className="election-head__warning" />}
    </div>
  );
}
