import type { BallotEntryInput } from '../../../../shared/src/contracts/elections.ts';
import { type EntryKeys, hasSecondGroup, KEYS_PER_GROUP, keyOfPosition, positionOfKey, SECOND_GROUP_KEY } from '../../../../shared/src/ballot-keys.ts';

/**
 * What a typist types for one ballot, read as they type it.
 *
 * Strike-out ballots: the numbers (positions on the printed ballot) of the struck names.
 * Agree/disagree ballots (no surplus, or one name): the numbers of the "không đồng ý" marks;
 * a number followed by "+" had both boxes marked, by "-" neither; names not typed were marked
 * "đồng ý". A leading "+" or "-" changes that default for the whole ballot ("-" alone: a ballot
 * with no mark at all).
 *
 * Numbers need no separator when they cannot be misread: a digit that cannot start a longer
 * number on this list ends the number by itself (with 11 names, "311" is 3 and 11). A space,
 * comma or dot separates where needed ("1 10").
 *
 * With one-key codes (ADR 0007) every key is one name: "1"–"9", "0" for 10, then "a", "b"…,
 * as printed beside the numbers; separators are allowed and never needed. On a list longer than
 * one group (ADR 0008) a dot opens the second group: keys after it are names 43, 44… until a
 * separator closes the group, so ".a.b", ".ab" and ".a .b" all mean the same two names.
 */

export type TypedMark = 'agree' | 'disagree' | 'both' | 'none';
export type TypingMode = 'strike' | 'marks';

export type TypedToken = { position: number; mark: TypedMark };

export type ParsedBallot = {
  /** Positions in the order typed, with their mark (strike mode: 'disagree' means struck). */
  tokens: TypedToken[];
  /** Marks mode: the mark of names not typed. */
  defaultMark: TypedMark;
  /** Numbers typed twice. */
  duplicates: number[];
  /** Pieces that are not a name on this ballot ("0", "12" on a list of 11, a stray letter). */
  unknown: string[];
  /** A modifier with no number before it (marks mode, after the first token). */
  strayModifier: boolean;
};

const SEPARATORS = new Set([' ', ',', '.', ';', '\t']);

export function parseTyped(text: string, n: number, mode: TypingMode, keys: EntryKeys = 'numbers'): ParsedBallot {
  if (keys === 'keys') return parseKeyed(text, n, mode);
  const tokens: TypedToken[] = [];
  const unknown: string[] = [];
  let defaultMark: TypedMark = mode === 'marks' ? 'agree' : 'disagree';
  let strayModifier = false;
  let pending: string | null = null;

  const commit = () => {
    if (pending === null) return;
    const value = Number(pending);
    if (value >= 1 && value <= n) tokens.push({ position: value, mark: 'disagree' });
    else unknown.push(pending);
    pending = null;
  };

  for (const ch of text) {
    if (ch >= '0' && ch <= '9') {
      if (pending !== null && Number(pending + ch) <= n && Number(pending) !== 0) pending += ch;
      else {
        commit();
        pending = ch;
      }
    } else if (SEPARATORS.has(ch)) {
      commit();
    } else if (ch === '+' || ch === '-') {
      if (mode === 'strike') {
        commit();
        continue;
      }
      const hadPending = pending !== null;
      commit();
      const mark: TypedMark = ch === '+' ? 'both' : 'none';
      const last = tokens.at(-1);
      if (hadPending && last) last.mark = mark;
      else if (tokens.length === 0 && unknown.length === 0) defaultMark = mark;
      else strayModifier = true;
    } else {
      commit();
      unknown.push(ch);
    }
  }
  commit();
  return { tokens, defaultMark, duplicates: duplicatesOf(tokens), unknown, strayModifier };
}

function parseKeyed(text: string, n: number, mode: TypingMode): ParsedBallot {
  const tokens: TypedToken[] = [];
  const unknown: string[] = [];
  let defaultMark: TypedMark = mode === 'marks' ? 'agree' : 'disagree';
  let strayModifier = false;
  // A modifier belongs to the name typed just before it, not to one typed earlier.
  let afterName = false;
  let group: 0 | 1 = 0;
  const twoGroups = hasSecondGroup(n);
  for (const ch of text) {
    if (twoGroups && ch === SECOND_GROUP_KEY) {
      group = 1;
      afterName = false;
      continue;
    }
    if (SEPARATORS.has(ch)) {
      group = 0;
      afterName = false;
      continue;
    }
    if (ch === '+' || ch === '-') {
      if (mode === 'strike') continue;
      const mark: TypedMark = ch === '+' ? 'both' : 'none';
      if (afterName) tokens.at(-1)!.mark = mark;
      else if (tokens.length === 0 && unknown.length === 0) defaultMark = mark;
      else strayModifier = true;
      afterName = false;
      continue;
    }
    const position = positionOfKey(ch, group);
    if (position !== null && position <= n) {
      tokens.push({ position, mark: 'disagree' });
      afterName = true;
    } else {
      unknown.push(group === 1 ? SECOND_GROUP_KEY + ch : ch);
      afterName = false;
    }
  }
  return { tokens, defaultMark, duplicates: duplicatesOf(tokens), unknown, strayModifier };
}

function duplicatesOf(tokens: readonly TypedToken[]): number[] {
  const seen = new Set<number>();
  const duplicates: number[] = [];
  for (const t of tokens) {
    if (seen.has(t.position) && !duplicates.includes(t.position)) duplicates.push(t.position);
    seen.add(t.position);
  }
  return duplicates;
}

/** What the typist presses for a position: its code, or its number. */
export const typedFor = (position: number, keys: EntryKeys): string => (keys === 'keys' ? (keyOfPosition(position) ?? String(position)) : String(position));

/**
 * The fewest keys that type a strike-out ballot with one-key codes: the first group's codes,
 * then one dot and the second group's. Enter comes on top.
 */
export function shortestKeyedTyping(struck: readonly number[]): string {
  const sorted = [...new Set(struck)].sort((a, b) => a - b);
  const first = sorted.filter((p) => p <= KEYS_PER_GROUP).map((p) => keyOfPosition(p)!);
  const second = sorted.filter((p) => p > KEYS_PER_GROUP).map((p) => keyOfPosition(p)!.slice(SECOND_GROUP_KEY.length));
  return first.join('') + (second.length ? SECOND_GROUP_KEY + second.join('') : '');
}

/** The ballot to send: the server canonicalizes it, so two teams agree however they typed it. */
export function toEntry(parsed: ParsedBallot, n: number, mode: TypingMode): BallotEntryInput {
  if (mode === 'strike') return { kind: 'strike', struck: [...new Set(parsed.tokens.map((t) => t.position))].sort((a, b) => a - b) };
  const marks: Record<string, TypedMark> = {};
  for (let p = 1; p <= n; p++) marks[String(p)] = parsed.defaultMark;
  // The last mark typed for a name wins.
  for (const t of parsed.tokens) marks[String(t.position)] = t.mark;
  return { kind: 'marks', marks };
}

/** The mark each position would get, for the live picture of the ballot. */
export function marksByPosition(parsed: ParsedBallot, n: number, mode: TypingMode): Map<number, TypedMark> {
  const out = new Map<number, TypedMark>();
  if (mode === 'marks') for (let p = 1; p <= n; p++) out.set(p, parsed.defaultMark);
  for (const t of parsed.tokens) out.set(t.position, t.mark);
  return out;
}

/** Text that, typed, gives back an entry: to prefill the chief's resolution from one team's entry. */
export function entryToText(entry: BallotEntryInput, keys: EntryKeys = 'numbers'): string {
  if (entry.kind === 'strike') return [...entry.struck].sort((a, b) => a - b).map((p) => typedFor(p, keys)).join(' ');
  if (entry.kind !== 'marks') return '';
  const marks = Object.entries(entry.marks).sort(([a], [b]) => Number(a) - Number(b));
  const count = (m: TypedMark) => marks.filter(([, v]) => v === m).length;
  // "Đồng ý" is the default; a ballot with no "đồng ý" at all starts with "-" or "+" instead.
  const def: TypedMark = count('agree') > 0 ? 'agree' : count('none') >= count('both') ? 'none' : 'both';
  const suffix: Record<TypedMark, string> = { agree: '', disagree: '', both: '+', none: '-' };
  const parts = marks.filter(([, m]) => m !== def).map(([k, m]) => `${typedFor(Number(k), keys)}${suffix[m]}`);
  const prefix = def === 'none' ? '-' : def === 'both' ? '+' : '';
  return [prefix, ...parts].filter(Boolean).join(' ');
}
