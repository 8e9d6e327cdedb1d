import { Alert, Collapse, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format.ts';
import { formatDateTimeVi } from '../../../../shared/src/format.ts';
import type { Election } from './elections.api.ts';
import { RuleSettingControl } from './RuleSettingControl.tsx';

/** D, the base of "quá một nửa", with its formula and the article it comes from. */
export function DenominatorInfo({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  const d = e.denominator;
  if (!d) return <Alert type="error" showIcon message={t('elections.denominator.missing')} />;
  const terms = d.terms.filter((x) => x.count > 0);
  return (
    <section aria-label={t('elections.denominator.title')} className="election-denominator">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t(`elections.summonedLabel.${e.congressKind}`)}>{formatCount(e.summoned)}</Descriptions.Item>
        {terms.map((x) => (
          <Descriptions.Item key={x.category} label={x.labelVi}>
            {formatCount(x.count)} {!x.subtracted && <Tag>{t('elections.denominator.notSubtracted')}</Tag>}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('elections.denominator.d')}>
          <strong className="election-denominator__value">{formatCount(d.value)}</strong>{' '}
          <span className="election-denominator__formula">D = {d.formula.replace(/^\d+ = /, '')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('elections.denominator.threshold')}>
          <strong>{t('elections.denominator.thresholdValue', { n: formatCount(d.threshold) })}</strong>
        </Descriptions.Item>
      </Descriptions>
      {e.denominatorSource && (
        <Typography.Paragraph type="secondary" className="election-denominator__taken">
          {t(e.denominatorSource.exclusionsFromCheckIn ? 'elections.denominator.takenWithCheckIn' : 'elections.denominator.takenRegister', {
            at: formatDateTimeVi(e.denominatorSource.takenAt),
            sessions: e.denominatorSource.sessionsHeld,
          })}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" className="election-source">
        {t('elections.source', { source: d.source })}
      </Typography.Paragraph>
    </section>
  );
}

/** The list checks (R1.9–R1.13): errors block the list vote, warnings are to be read. */
export function ListChecks({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  const errors = e.listIssues.filter((i) => i.severity === 'error');
  const warnings = e.listIssues.filter((i) => i.severity === 'warning');
  if (e.listIssues.length === 0) return <Alert type="success" showIcon message={t('elections.listChecks.ok', { count: e.candidates.filter((c) => c.roundAdded === 1).length, seats: e.seats })} />;
  return (
    <div className="election-checks" role="list" aria-label={t('elections.listChecks.title')}>
      {[...errors, ...warnings].map((i, k) => (
        <Alert
          key={`${i.code}-${k}`}
          role="listitem"
          type={i.severity === 'error' ? 'error' : 'warning'}
          showIcon
          message={
            <>
              <Tag color={i.severity === 'error' ? 'red' : 'orange'}>{t(i.severity === 'error' ? 'elections.listChecks.error' : 'elections.listChecks.warning')}</Tag>
              {i.messageVi}
            </>
          }
          description={t('elections.source', { source: i.source })}
        />
      ))}
    </div>
  );
}

/** Settings the regulation does not fix: shown with their default and a "chưa xác nhận" tag. */
export function UnconfirmedRules({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  const reasons = e.invalidReasons.filter((r) => r.unconfirmed);
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'rules',
          label: (
            <>
              {t('elections.unconfirmed.title')} <Tag color="orange">{t('elections.unconfirmed.count', { count: e.unconfirmedRules.length + reasons.length })}</Tag>
            </>
          ),
          children: (
            <ul className="election-rules">
              {e.unconfirmedRules.map((r) => (
                <li key={r.id} data-rule={r.id}>
                  <Tag color="orange">{t('elections.unconfirmed.tag')}</Tag>
                  <span>{r.summary}</span>
                  <div className="election-rules__value">
                    {t('elections.settings.value')} <RuleSettingControl election={e} rule={r} />
                  </div>
                  <div className="election-source">{t('elections.source', { source: r.source })}</div>
                </li>
              ))}
              {reasons.map((r) => (
                <li key={r.code}>
                  <Tag color="orange">{t('elections.unconfirmed.tag')}</Tag>
                  <span>{t('elections.unconfirmed.invalidReason', { label: r.label })}</span>
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}

export function CandidatesTable({ election: e }: { election: Election }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="ballotNo"
      size="small"
      pagination={false}
      dataSource={e.candidates}
      columns={[
        { key: 'no', title: t('elections.candidates.no'), dataIndex: 'ballotNo', width: 70, align: 'right' },
        { key: 'name', title: t('elections.candidates.name'), dataIndex: 'fullName' },
        { key: 'by', title: t('elections.candidates.nominatedBy'), width: 220, render: (_, c) => t(`elections.nominatedBy.${c.nominatedBy}`) },
        ...(e.candidates.some((c) => c.roundAdded > 1)
          ? [{ key: 'round', title: t('elections.candidates.roundAdded'), width: 120, render: (_: unknown, c: Election['candidates'][number]) => c.roundAdded }]
          : []),
      ]}
    />
  );
}
