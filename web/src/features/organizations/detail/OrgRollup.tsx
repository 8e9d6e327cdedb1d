import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Row, Skeleton, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api.ts';
import { formatCount } from '../../../lib/format.ts';
import { rollupQuery } from '../orgs.api.ts';
import { useReferenceNames } from '../useReferenceNames.ts';

// The chart library is large and below the fold: it must not delay the first paint of the tree page.
const RollupChart = lazy(() => import('./RollupChart.tsx').then((m) => ({ default: m.RollupChart })));

const countFormatter = (v: number | string) => formatCount(Number(v));

/** Totals of the whole subtree: units by level, type and kind, members, and units saved by merges. */
export function OrgRollup({ orgId }: { orgId: number }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const { data, error, isPending } = useQuery(rollupQuery(orgId));
  if (isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;

  return (
    <section className="org-rollup" aria-label={t('rollup.title')}>
      <Typography.Title level={5}>{t('rollup.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title={t('rollup.totalOrgs')} value={data.totalOrgs} formatter={countFormatter} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('rollup.members')} value={data.fullMembers + data.probationaryMembers} formatter={countFormatter} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('rollup.membersSplit')}
            value={`${formatCount(data.fullMembers)} / ${formatCount(data.probationaryMembers)}`}
            valueStyle={{ fontSize: 20 }}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('rollup.merges')}
            value={data.unitsReducedByMerges > 0 ? t('rollup.unitsReduced', { n: formatCount(data.unitsReducedByMerges) }) : t('rollup.noMerges')}
            valueStyle={{ fontSize: 20 }}
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="org-rollup__breakdown">
        <Col xs={24} xl={12} className="org-rollup__tables">
          <CountTable
            title={t('rollup.byLevel')}
            rows={data.byLevel.map((l) => ({ key: String(l.level), label: names.levelName(l.level), count: l.count }))}
          />
          <CountTable title={t('rollup.byType')} rows={data.byType.map((b) => ({ key: b.typeCode, label: names.typeName(b.typeCode), count: b.count }))} />
        </Col>
        <Col xs={24} xl={12} className="org-rollup__tables">
          <Card size="small" title={t('rollup.chartTitle')}>
            <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 160 }} />}>
              <RollupChart bars={data.byType.map((b) => ({ label: names.typeName(b.typeCode), value: b.count }))} seriesName={t('rollup.orgCount')} />
            </Suspense>
          </Card>
          <CountTable title={t('rollup.byKind')} rows={data.byKind.map((k) => ({ key: k.kindCode, label: names.kindName(k.kindCode), count: k.count }))} />
        </Col>
      </Row>
    </section>
  );
}

function CountTable({ title, rows }: { title: string; rows: { key: string; label: string; count: number }[] }) {
  return <Descriptions size="small" bordered column={1} title={title} items={rows.map((r) => ({ key: r.key, label: r.label, children: formatCount(r.count) }))} />;
}
