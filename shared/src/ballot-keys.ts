/**
 * One key per name (ADR 0007): the n-th name on a ballot is typed with the n-th key below, a
 * code printed beside its number. Names 1–9 keep their digit, 10 is "0", then the letters and a
 * few punctuation keys that need no Shift. "/" and "*" stay the typing field's commands, and
 * space , . ; stay separators, so none of them is a code.
 */
export const BALLOT_KEYS = "1234567890abcdefghijklmnopqrstuvwxyz[]\\'`=";
/** The longest list a one-key code covers; a longer list is typed by its numbers. */
export const MAX_KEYED_NAMES = BALLOT_KEYS.length;

export const entryKeysOptions = ['keys', 'numbers'] as const;
/** How typists enter a ballot: the one-key codes printed beside the names, or the printed numbers. */
export type EntryKeys = (typeof entryKeysOptions)[number];

export function keyOfPosition(position: number): string | null {
  return Number.isInteger(position) && position >= 1 && position <= MAX_KEYED_NAMES ? BALLOT_KEYS[position - 1]! : null;
}

/** The position a typed key stands for; capitals count as their small letter (Caps Lock left on). */
export function positionOfKey(key: string): number | null {
  if (key.length !== 1) return null;
  const i = BALLOT_KEYS.indexOf(key.toLowerCase());
  return i < 0 ? null : i + 1;
}

/** What a round is typed with: codes only when every name on its ballot has one. */
export function effectiveEntryKeys(setting: EntryKeys, names: number): EntryKeys {
  return setting === 'keys' && names <= MAX_KEYED_NAMES ? 'keys' : 'numbers';
}

/** The setting a new election starts with: codes whenever the list fits them. */
export const defaultEntryKeys = (names: number): EntryKeys => (names <= MAX_KEYED_NAMES ? 'keys' : 'numbers');
