import { electionKindLabels, electionKinds } from '../../../../shared/src/contracts/elections.ts';
import type { BallotEntryInput } from '../../../../shared/src/contracts/elections.ts';
import i18n from '../../app/i18n.ts';
import type { CongressKind, ElectionStatus, InvalidReason, RoundPurpose } from './elections.api.ts';

export const electionKindOptions = electionKinds.map((k) => ({ value: k, label: electionKindLabels[k] }));

export const statusColor: Record<ElectionStatus, string> = { setup: 'default', entry: 'processing', counted: 'orange', published: 'green' };
export const statusStep: Record<ElectionStatus, number> = { setup: 0, entry: 1, counted: 2, published: 3 };

export const congressKinds: CongressKind[] = ['members', 'delegates', 'conference'];

/**
 * The categories a creation form offers per kind of congress, in the order of the regulation.
 * The server decides (an exclusion of another kind is refused); an existing election lists its
 * own as `exclusionCategories`.
 */
export const exclusionsByCongress: Record<CongressKind, readonly string[]> = {
  members: ['temporarilyElsewhereAbsent', 'exemptAbsent', 'suspended', 'prosecutedOrDetained', 'absentWholeCongressWithReason'],
  delegates: ['convenerMembersAbsentWhole', 'delegatesAbsentWholeNotReplaced'],
  conference: ['temporarilyElsewhereAbsent', 'suspended', 'prosecutedOrDetained', 'absentWholeMeeting'],
};

type ExclusionKey = `elections.exclusions.${CongressKind}.${string}`;
export const exclusionLabel = (congress: CongressKind, category: string): string =>
  i18n.exists(`elections.exclusions.${congress}.${category}`) ? i18n.t(`elections.exclusions.${congress}.${category}` as ExclusionKey as never) : category;

export const purposeLabel = (p: RoundPurpose): string => i18n.t(`elections.purpose.${p}`);

/** A ballot as the chief and the typists read it back: "Gạch 3, 11", "Không hợp lệ: …". */
export function describeEntry(entry: BallotEntryInput, reasons: InvalidReason[]): string {
  if (entry.kind === 'strike')
    return entry.struck.length ? i18n.t('elections.entryText.struck', { list: [...entry.struck].sort((a, b) => a - b).join(', ') }) : i18n.t('elections.entryText.noneStruck');
  if (entry.kind === 'invalid') {
    const label = reasons.find((r) => r.code === entry.reason)?.label ?? entry.reason;
    return `${i18n.t('elections.entryText.invalid', { reason: label })}${entry.note ? ` (${entry.note})` : ''}`;
  }
  const groups: Record<'disagree' | 'both' | 'none', number[]> = { disagree: [], both: [], none: [] };
  let agree = 0;
  for (const [k, m] of Object.entries(entry.marks).sort(([a], [b]) => Number(a) - Number(b))) {
    if (m === 'agree') agree++;
    else groups[m].push(Number(k));
  }
  const parts = [
    groups.disagree.length ? i18n.t('elections.entryText.disagree', { list: groups.disagree.join(', ') }) : null,
    groups.both.length ? i18n.t('elections.entryText.both', { list: groups.both.join(', ') }) : null,
    groups.none.length ? i18n.t('elections.entryText.none', { list: groups.none.join(', ') }) : null,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : agree ? i18n.t('elections.entryText.allAgree') : i18n.t('elections.entryText.blank');
}
