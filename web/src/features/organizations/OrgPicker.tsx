import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { type OrgSearchHit, searchOrgs } from './orgs.api.ts';

export type PickedOrg = { value: number; label: string };

type CommonProps = {
  id?: string;
  placeholder?: string;
  /** Units that may not be chosen here (e.g. the unit itself). */
  excludeIds?: number[];
  disabled?: boolean;
  'aria-label'?: string;
};
type SingleProps = CommonProps & { mode?: undefined; value?: PickedOrg; onChange?: (v: PickedOrg | undefined) => void };
type MultipleProps = CommonProps & { mode: 'multiple'; value?: PickedOrg[]; onChange?: (v: PickedOrg[]) => void };

const SEARCH_DELAY_MS = 250;

/** Choose organizations by typing part of a name or code; results come from the server's search, within the user's scope. */
export function OrgPicker(props: SingleProps | MultipleProps) {
  const { t } = useTranslation();
  const [hits, setHits] = useState<OrgSearchHit[]>([]);
  const [searching, setSearching] = useState(false);
  const [text, setText] = useState('');
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setHits([]);
      return;
    }
    const timer = setTimeout(() => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setSearching(true);
      searchOrgs(q, 20, c.signal)
        .then((r) => setHits(r))
        .catch(() => setHits([]))
        .finally(() => {
          if (controller.current === c) setSearching(false);
        });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const options = hits
    .filter((h) => !props.excludeIds?.includes(h.id))
    .map((h) => ({
      value: h.id,
      label: h.name,
      path: h.pathNames.join(' › '),
    }));

  return (
    <Select<PickedOrg | PickedOrg[]>
      id={props.id}
      aria-label={props['aria-label']}
      mode={props.mode}
      labelInValue
      showSearch
      allowClear
      filterOption={false}
      virtual={false}
      disabled={props.disabled}
      placeholder={props.placeholder ?? t('picker.placeholder')}
      value={props.value}
      onChange={(v) => (props.onChange as ((x: unknown) => void) | undefined)?.(v ?? (props.mode ? [] : undefined))}
      onSearch={setText}
      onBlur={() => setText('')}
      notFoundContent={searching ? <Spin size="small" /> : text.trim() ? t('search.none') : t('picker.typeToSearch')}
      options={options}
      optionRender={(o) => (
        <div className="org-picker__option">
          <div>{o.data.label}</div>
          {o.data.path && <div className="org-picker__path">{o.data.path}</div>}
        </div>
      )}
      style={{ width: '100%' }}
    />
  );
}
