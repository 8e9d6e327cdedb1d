import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api.ts';
import { type ApprovalChecklist, approvalChecklistQuery, type Congress, useConfirmLessonsRead } from './campaigns.api.ts';

type Item = ApprovalChecklist['items'][number];

function ItemTag({ item }: { item: Item }) {
  const { t } = useTranslation();
  if (item.ok) return <Tag color="green">{t('campaigns.approval.ok')}</Tag>;
  return item.blocking ? <Tag color="red">{t('campaigns.approval.notOk')}</Tag> : <Tag color="orange">{t('campaigns.approval.note')}</Tag>;
}

/** The items the upper level checks before approving (duyệt đại hội), from every domain that feeds the checklist. */
export function ApprovalChecklistCard({ c }: { c: Congress }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error } = useQuery(approvalChecklistQuery(c.id));
  const confirm = useConfirmLessonsRead();
  const sourceLabel = (s: string) => t(`campaigns.approval.sources.${s as 'campaigns'}`, { defaultValue: s });
  const onConfirm = async () => {
    try {
      await confirm.mutateAsync(c.id);
      void message.success(t('campaigns.approval.confirmed'));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <section aria-label={t('campaigns.approval.title')}>
      <Card
        title={t('campaigns.approval.title')}
        extra={data && (data.ready ? <Tag color="green">{t('campaigns.approval.ready')}</Tag> : <Tag color="red">{t('campaigns.approval.open', { n: data.open })}</Tag>)}
      >
        {error && <Alert type="error" showIcon message={errorMessage(error)} />}
        <List
          size="small"
          loading={!data && !error}
          dataSource={data?.items ?? []}
          renderItem={(i) => (
            <List.Item
              className="approval-checklist__item"
              data-key={`${i.source}.${i.key}`}
              actions={
                i.key === 'pilotLessons' && i.source === 'campaigns' && !i.ok && c.can.edit
                  ? [
                      <Button key="read" size="small" onClick={onConfirm} loading={confirm.isPending}>
                        {t('campaigns.approval.confirmRead')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <span>
                    <ItemTag item={i} /> {i.label} <Typography.Text type="secondary">· {sourceLabel(i.source)}</Typography.Text>
                  </span>
                }
                description={i.detail}
              />
            </List.Item>
          )}
        />
      </Card>
    </section>
  );
}

/** Open blocking items, shown in the approval dialog above the override reason. */
export function OpenApprovalItems({ items }: { items: Item[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      className="form-dialog__note"
      message={t('campaigns.approval.overrideIntro')}
      description={
        <ul className="campaign-warnings__inline">
          {items.map((i) => (
            <li key={`${i.source}.${i.key}`}>
              {i.label}
              {i.detail ? ` — ${i.detail}` : ''}
            </li>
          ))}
        </ul>
      }
    />
  );
}
