import { useTranslation } from 'react-i18next';
import type { BallotPreview } from './BallotTypingInput.tsx';
import type { RoundCandidate } from './elections.api.ts';
import { type EntryKeys, keyOfPosition } from '../../../../shared/src/ballot-keys.ts';

/**
 * The ballot as printed (names in ballot order with their numbers), showing live what the typist
 * has typed: struck names crossed out, or the mark of each name on a ballot without surplus.
 */
export function BallotSheet({ candidates, preview, compact, keys = 'numbers' }: { candidates: RoundCandidate[]; preview: BallotPreview | null; compact?: boolean; keys?: EntryKeys }) {
  const { t } = useTranslation();
  const invalid = preview?.invalid ?? null;
  return (
    <div className={`ballot-sheet${compact ? ' ballot-sheet--compact' : candidates.length > 24 ? ' ballot-sheet--long' : ''}${invalid ? ' ballot-sheet--invalid' : ''}`}>
      {invalid && <div className="ballot-sheet__invalid">{t('elections.typing.invalidAs', { reason: invalid.label })}</div>}
      <ol className="ballot-sheet__list" aria-label={t('elections.entry.sheet')}>
        {candidates.map((c) => {
          const mark = preview?.marks.get(c.position);
          const struck = preview?.mode === 'strike' && mark === 'disagree';
          const cls = preview?.mode === 'marks' && mark ? ` ballot-sheet__item--${mark}` : struck ? ' ballot-sheet__item--struck' : '';
          return (
            <li key={c.position} className={`ballot-sheet__item${cls}`} aria-current={struck || (preview?.mode === 'marks' && mark !== 'agree') ? 'true' : undefined}>
              <span className="ballot-sheet__no">{c.position}</span>
              <span className="ballot-sheet__name">{c.fullName}</span>
              {keys === 'keys' && <kbd className="ballot-sheet__key">{keyOfPosition(c.position)}</kbd>}
              {preview?.mode === 'marks' && mark && <span className="ballot-sheet__mark">{t(`elections.marks.${mark}`)}</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
