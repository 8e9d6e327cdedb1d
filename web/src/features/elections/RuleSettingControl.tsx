import { App, InputNumber, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api.ts';
import { type Election, type UnconfirmedRule, useSetRuleSettings } from './elections.api.ts';
import { exclusionLabel, exclusionsByCongress } from './labels.ts';

type Range = { min: number; max: number };

/** How a setting's value reads in Vietnamese: a known choice, a percent range, a list of categories. */
export function useSettingValueLabel() {
  const { t, i18n } = useTranslation();
  return (rule: Pick<UnconfirmedRule, 'id'>, value: unknown): string => {
    if (value === null) return t('elections.settings.none');
    if (rule.id === 'conferenceDenominatorExclusions' && Array.isArray(value)) return value.map((c) => exclusionLabel('conference', String(c))).join('; ') || t('elections.settings.none');
    if (rule.id === 'conveningSurplusPercent' && typeof value === 'object') return `${(value as Range).min}–${(value as Range).max} %`;
    if (rule.id === 'delegateSurplusMaxPercent' || rule.id === 'surplusMaxPercent') return `${String(value)} %`;
    const key = `elections.settingValues.${String(value)}`;
    return i18n.exists(key) ? t(key as never) : String(value);
  };
}

/**
 * One [U] setting of the election's rule set (election-rules.md §0): its value, its default when
 * changed, and, while the election is set up, the control that changes it — saved at once.
 */
export function RuleSettingControl({ election: e, rule }: { election: Election; rule: UnconfirmedRule }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const set = useSetRuleSettings(e.id);
  const label = useSettingValueLabel();
  const save = async (value: unknown) => {
    try {
      await set.mutateAsync({ version: e.version, settings: { [rule.id]: value } });
      void message.success(t('elections.settings.saved'));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  const changed = rule.overridden && <Tag color="blue">{t('elections.settings.changed', { value: label(rule, rule.defaultValue) })}</Tag>;
  if (!rule.editable)
    return (
      <Space size={4} wrap>
        <strong>{label(rule, rule.value)}</strong>
        {changed}
      </Space>
    );
  const name = t('elections.settings.valueOf', { rule: rule.summary });
  let control: React.ReactNode;
  if (rule.options)
    control = (
      <Select
        aria-label={name}
        size="small"
        style={{ minWidth: 240 }}
        value={rule.value as string | number}
        disabled={set.isPending}
        options={rule.options.map((o) => ({ value: o as string | number, label: label(rule, o) }))}
        onChange={(v) => void save(v)}
      />
    );
  else if (rule.id === 'conferenceDenominatorExclusions')
    control = (
      <Select
        aria-label={name}
        size="small"
        mode="multiple"
        style={{ minWidth: 320 }}
        value={rule.value as string[]}
        disabled={set.isPending}
        options={exclusionsByCongress.conference.map((c) => ({ value: c, label: exclusionLabel('conference', c) }))}
        onChange={(v) => void save(v)}
      />
    );
  else if (rule.id === 'conveningSurplusPercent') {
    const r = rule.value as Range;
    control = (
      <Space size={4}>
        <InputNumber aria-label={t('elections.settings.rangeMin', { rule: rule.summary })} size="small" min={0} max={100} precision={0} value={r.min} disabled={set.isPending} onBlur={(ev) => void saveRange(ev.target.value, 'min')} />
        –
        <InputNumber aria-label={t('elections.settings.rangeMax', { rule: rule.summary })} size="small" min={0} max={100} precision={0} value={r.max} disabled={set.isPending} onBlur={(ev) => void saveRange(ev.target.value, 'max')} />%
      </Space>
    );
  } else
    control = (
      <Space size={4}>
        <InputNumber
          aria-label={name}
          size="small"
          min={0}
          max={100}
          precision={0}
          placeholder={t('elections.settings.none')}
          value={rule.value as number | null}
          disabled={set.isPending}
          onBlur={(ev) => void save(ev.target.value.trim() === '' ? null : Number(ev.target.value))}
        />
        %
      </Space>
    );

  async function saveRange(text: string, end: 'min' | 'max') {
    const r = rule.value as Range;
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n) || n === r[end]) return;
    await save({ ...r, [end]: n });
  }

  return (
    <Space size={4} wrap>
      {control}
      {changed}
    </Space>
  );
}
