import { type KeyboardEvent, type Ref, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Input, type InputRef, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BallotEntryInput } from '../../../../shared/src/contracts/elections.ts';
import { type EntryKeys, positionOfKey } from '../../../../shared/src/ballot-keys.ts';
import { entryToText, marksByPosition, parseTyped, toEntry, type ParsedBallot, type TypedMark, type TypingMode } from './ballot-typing.ts';
import type { BallotForm, InvalidReason } from './elections.api.ts';

export type BallotTypingHandle = {
  focus: () => void;
  /** Empties the field for the next ballot (keeping what was typed ahead while the last one was being saved). */
  reset: () => void;
  /** The save failed: what was typed ahead is dropped, the failed ballot stays in the field. */
  discardTypedAhead: () => void;
  /** Shows a given entry as if typed (the chief taking one team's reading as a start). */
  setEntry: (entry: BallotEntryInput) => void;
};

export type BallotPreview = { marks: Map<number, TypedMark>; invalid: InvalidReason | null; mode: TypingMode };

type Mode = 'type' | 'confirmEmpty' | 'pick' | 'note' | 'invalid';

type Props = {
  id: string;
  label: string;
  form: BallotForm;
  /** Names on this round's ballot. */
  n: number;
  /** One-key codes or printed numbers (ADR 0007). */
  keys: EntryKeys;
  /** The most names a ballot may keep (this round). */
  seats: number;
  /** Invalid-ballot rulings offered by "/" then a digit, in that order. */
  reasons: InvalidReason[];
  busy?: boolean;
  onSubmit: (entry: BallotEntryInput) => void;
  onPreview?: (p: BallotPreview) => void;
  /** "*": the typist wants to change the serial. */
  onStar?: () => void;
  onTyping?: () => void;
  ref?: Ref<BallotTypingHandle>;
};

/** The rulings a typist may pick: those not already following from the marks. */
export const rulingReasons = (reasons: InvalidReason[]) => reasons.filter((r) => !r.derivedFromMarks).slice(0, 9);

/**
 * The field where one ballot is typed, keyboard only: numbers, Enter. "/" then a digit marks the
 * ballot invalid with that reason; Esc goes back. It reads what is typed as it is typed (see
 * ballot-typing.ts) and tells what the ballot will be before it is saved.
 */
export function BallotTypingInput({ id, label, form, n, keys, seats, reasons, busy, onSubmit, onPreview, onStar, onTyping, ref }: Props) {
  const { t } = useTranslation();
  const mode: TypingMode = form === 'strike' ? 'strike' : 'marks';
  const [text, setText] = useState('');
  const [state, setState] = useState<Mode>('type');
  const [reason, setReason] = useState<InvalidReason | null>(null);
  const [note, setNote] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const inputRef = useRef<InputRef>(null);
  const noteRef = useRef<InputRef>(null);
  // Keys typed while the previous ballot is being saved belong to the next ballot: kept, not lost.
  const typedAhead = useRef('');

  const rulings = rulingReasons(reasons);
  const parsed: ParsedBallot = useMemo(() => parseTyped(text, n, mode, keys), [text, n, mode, keys]);
  const invalid = state === 'invalid' || state === 'note' ? reason : null;

  // Before paint: the ballot picture never lags behind the field.
  useLayoutEffect(() => {
    onPreview?.({ marks: invalid ? new Map() : marksByPosition(parsed, n, mode), invalid, mode });
  }, [parsed, invalid, n, mode, onPreview]);

  useEffect(() => {
    if (state === 'note') noteRef.current?.focus();
  }, [state]);

  useImperativeHandle(
    ref,
    () => ({
      focus: () => inputRef.current?.focus(),
      reset: () => {
        setText(typedAhead.current);
        typedAhead.current = '';
        setState('type');
        setReason(null);
        setNote('');
        setLocalError(null);
      },
      discardTypedAhead: () => {
        typedAhead.current = '';
      },
      setEntry: (entry) => {
        setLocalError(null);
        if (entry.kind === 'invalid') {
          const r = reasons.find((x) => x.code === entry.reason) ?? { code: entry.reason, label: entry.reason, unconfirmed: false };
          setText('');
          setReason(r);
          setNote(entry.note ?? '');
          setState('invalid');
        } else {
          setText(entryToText(entry, keys));
          setReason(null);
          setState('type');
        }
        inputRef.current?.focus();
      },
    }),
    [reasons, keys],
  );

  const submitTyped = () => {
    if (parsed.unknown.length) return setLocalError(t(keys === 'keys' ? 'elections.typing.unknownKey' : 'elections.typing.unknown', { list: parsed.unknown.join(', '), n }));
    if (parsed.strayModifier) return setLocalError(t('elections.typing.strayModifier'));
    if (mode === 'strike' && parsed.tokens.length === 0 && state !== 'confirmEmpty') {
      setState('confirmEmpty');
      return;
    }
    setLocalError(null);
    onSubmit(toEntry(parsed, n, mode));
  };

  const pick = (r: InvalidReason) => {
    setReason(r);
    setLocalError(null);
    if (r.requiresNote) {
      setState('note');
      return;
    }
    setState('invalid');
    onSubmit({ kind: 'invalid', reason: r.code as never });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (busy) {
      if (e.key !== 'Tab') e.preventDefault();
      if (/^[0-9 ,.;+-]$/.test(e.key) || (keys === 'keys' && positionOfKey(e.key) !== null)) typedAhead.current += e.key;
      return;
    }
    if (state === 'pick') {
      e.preventDefault();
      if (e.key === 'Escape') setState('type');
      const d = Number(e.key);
      if (/^[1-9]$/.test(e.key) && rulings[d - 1]) pick(rulings[d - 1]!);
      return;
    }
    if (state === 'invalid') {
      if (e.key === 'Enter') {
        e.preventDefault();
        if (reason) onSubmit({ kind: 'invalid', reason: reason.code as never, ...(note.trim() ? { note: note.trim() } : {}) });
      } else if (e.key === 'Escape' || e.key === 'Backspace') {
        e.preventDefault();
        setState('type');
        setReason(null);
      } else if (e.key !== 'Tab') e.preventDefault();
      return;
    }
    if (e.key === '/') {
      e.preventDefault();
      setState('pick');
      setLocalError(null);
      return;
    }
    if (e.key === '*') {
      e.preventDefault();
      onStar?.();
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      submitTyped();
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      if (state === 'confirmEmpty') setState('type');
      else setText('');
      setLocalError(null);
      return;
    }
    if (state === 'confirmEmpty') setState('type');
  };

  const onNoteKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (!note.trim()) return setLocalError(t('elections.typing.noteRequired'));
      setState('invalid');
      setLocalError(null);
      if (reason) onSubmit({ kind: 'invalid', reason: reason.code as never, note: note.trim() });
      inputRef.current?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setState('type');
      setReason(null);
      inputRef.current?.focus();
    }
  };

  const struck = mode === 'strike' ? [...new Set(parsed.tokens.map((x) => x.position))] : [];
  const kept = n - struck.length;

  return (
    <div className="ballot-typing">
      <label htmlFor={id} className="ballot-typing__label">
        {label}
      </label>
      <Input
        id={id}
        ref={inputRef}
        size="large"
        className="ballot-typing__input"
        autoComplete="off"
        spellCheck={false}
        inputMode={keys === 'keys' ? 'text' : 'numeric'}
        value={state === 'invalid' || state === 'note' ? '' : text}
        placeholder={state === 'invalid' || state === 'note' ? t('elections.typing.invalidPlaceholder') : t(`elections.typing.${keys === 'keys' ? 'keyed' : 'placeholder'}${mode === 'strike' ? 'Strike' : 'Marks'}`)}
        readOnly={busy}
        onChange={(ev) => {
          if (state === 'type' || state === 'confirmEmpty') {
            setText(ev.target.value);
            setLocalError(null);
            onTyping?.();
          }
        }}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-reading`}
      />
      <div id={`${id}-reading`} className="ballot-typing__reading" aria-live="polite">
        {state === 'pick' ? null : invalid ? (
          <Tag color="red" className="ballot-typing__tag">
            {t('elections.typing.invalidAs', { reason: invalid.label })}
          </Tag>
        ) : mode === 'strike' ? (
          <>
            <span>{struck.length ? t('elections.typing.struck', { list: struck.join(' · ') }) : t('elections.typing.noneStruck')}</span>
            {kept > seats && struck.length > 0 && <Tag color="orange">{t('elections.typing.keepsTooMany', { kept, seats })}</Tag>}
            {kept === 0 && <Tag color="orange">{t('elections.typing.strikesAll')}</Tag>}
          </>
        ) : (
          <MarksReading parsed={parsed} />
        )}
        {parsed.duplicates.length > 0 && <Tag color="orange">{t('elections.typing.duplicates', { list: parsed.duplicates.join(', ') })}</Tag>}
      </div>
      {state === 'confirmEmpty' && (
        <div className="ballot-typing__confirm" role="alert">
          {t('elections.typing.confirmEmpty', { kept: n, seats })}
        </div>
      )}
      {state === 'pick' && (
        <div className="ballot-typing__picker" role="dialog" aria-label={t('elections.typing.pickTitle')}>
          <div className="ballot-typing__picker-title">{t('elections.typing.pickTitle')}</div>
          <ol>
            {rulings.map((r, i) => (
              <li key={r.code}>
                <kbd>{i + 1}</kbd> {r.label}
                {r.unconfirmed && <Tag color="orange" className="ballot-typing__unconfirmed">{t('elections.unconfirmed.tag')}</Tag>}
              </li>
            ))}
          </ol>
          <div className="muted">{t('elections.typing.pickHint')}</div>
        </div>
      )}
      {state === 'note' && reason && (
        <div className="ballot-typing__note">
          <label htmlFor={`${id}-note`}>{t('elections.typing.note', { reason: reason.label })}</label>
          <Input id={`${id}-note`} ref={noteRef} value={note} onChange={(ev) => setNote(ev.target.value)} onKeyDown={onNoteKeyDown} maxLength={500} autoComplete="off" />
        </div>
      )}
      {localError && (
        <div className="ballot-typing__error" role="alert">
          {localError}
        </div>
      )}
    </div>
  );
}

function MarksReading({ parsed }: { parsed: ParsedBallot }) {
  const { t } = useTranslation();
  const by = (m: TypedMark) => parsed.tokens.filter((x) => x.mark === m).map((x) => x.position);
  const parts = [
    parsed.defaultMark !== 'agree' ? t(parsed.defaultMark === 'none' ? 'elections.typing.defaultNone' : 'elections.typing.defaultBoth') : null,
    by('disagree').length ? t('elections.entryText.disagree', { list: by('disagree').join(' · ') }) : null,
    by('both').length ? t('elections.entryText.both', { list: by('both').join(' · ') }) : null,
    by('none').length ? t('elections.entryText.none', { list: by('none').join(' · ') }) : null,
  ].filter(Boolean);
  return <span>{parts.length ? parts.join('; ') : t('elections.entryText.allAgree')}</span>;
}
