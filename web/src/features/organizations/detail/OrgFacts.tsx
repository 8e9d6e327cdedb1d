import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatCount, formatDateVi } from '../../../lib/format.ts';
import type { OrgWithAncestors } from '../orgs.api.ts';
import { useReferenceNames } from '../useReferenceNames.ts';
import { OrgStatusTag } from './OrgStatusTag.tsx';

/** The unit's own record; subtree totals are in the roll-up below. */
export function OrgFacts({ org }: { org: OrgWithAncestors }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const level = names.typeLevel(org.typeCode);
  return (
    <Descriptions
      className="org-facts"
      size="small"
      bordered
      column={{ xs: 1, sm: 1, md: 2, xl: 2, xxl: 3 }}
      items={[
        { key: 'code', label: t('orgs.fields.code'), children: org.code },
        { key: 'type', label: t('orgs.fields.type'), children: names.typeName(org.typeCode) },
        { key: 'level', label: t('orgs.fields.level'), children: level !== undefined ? names.levelName(level) : '' },
        { key: 'kind', label: t('orgs.fields.kind'), children: names.kindName(org.kindCode) },
        { key: 'full', label: t('orgs.fields.fullMembers'), children: formatCount(org.fullMembers) },
        { key: 'prob', label: t('orgs.fields.probationaryMembers'), children: formatCount(org.probationaryMembers) },
        { key: 'children', label: t('orgs.fields.childCount'), children: formatCount(org.childCount) },
        { key: 'status', label: t('orgs.fields.status'), children: <OrgStatusTag status={org.status} /> },
        { key: 'from', label: t('orgs.fields.activeFrom'), children: formatDateVi(org.activeFrom) || '—' },
        ...(org.activeTo ? [{ key: 'to', label: t('orgs.fields.activeTo'), children: formatDateVi(org.activeTo) }] : []),
        ...(org.mergedIntoId
          ? [{ key: 'mergedInto', label: t('orgs.fields.mergedInto'), children: <Link to={`/orgs/${org.mergedIntoId}`}>{t('orgs.openMergedInto')}</Link> }]
          : []),
      ]}
    />
  );
}
