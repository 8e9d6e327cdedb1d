/**
 * One key per name (ADR 0007): the n-th name on a ballot is typed with the n-th key below, a
 * code printed beside its number. Names 1–9 keep their digit, 10 is "0", then the letters and a
 * few punctuation keys that need no Shift. "/" and "*" stay the typing field's commands, and
 * space , . ; stay separators, so none of them is a code.
 *
 * A list longer than the keys (a provincial committee: 55 seats, some 60–70 names) has a second
 * group (ADR 0008): names 43–84 are printed ".1", ".2"… ".a"…; the dot opens the second group
 * and every key after it is read there until a separator closes it. A typist presses the codes
 * of the first group, then one dot, then the second group's codes: one key per struck name plus
 * at most one dot, which stays within (struck names + 2) with Enter.
 */
export const BALLOT_KEYS = "1234567890abcdefghijklmnopqrstuvwxyz[]\\'`=";
/** How many names one group of codes covers. */
export const KEYS_PER_GROUP = BALLOT_KEYS.length;
/** Opens the second group of codes on a list longer than one group. */
export const SECOND_GROUP_KEY = '.';
/** The longest list the codes cover (two groups); a longer list is typed by its numbers. */
export const MAX_KEYED_NAMES = 2 * KEYS_PER_GROUP;

export const entryKeysOptions = ['keys', 'numbers'] as const;
/** How typists enter a ballot: the one-key codes printed beside the names, or the printed numbers. */
export type EntryKeys = (typeof entryKeysOptions)[number];

/** The code printed beside a name: one key, or the dot and one key in the second group. */
export function keyOfPosition(position: number): string | null {
  if (!Number.isInteger(position) || position < 1 || position > MAX_KEYED_NAMES) return null;
  return position <= KEYS_PER_GROUP ? BALLOT_KEYS[position - 1]! : SECOND_GROUP_KEY + BALLOT_KEYS[position - KEYS_PER_GROUP - 1]!;
}

/**
 * The position a typed key stands for in a group (0 the first, 1 the second); capitals count as
 * their small letter (Caps Lock left on).
 */
export function positionOfKey(key: string, group: 0 | 1 = 0): number | null {
  if (key.length !== 1) return null;
  const i = BALLOT_KEYS.indexOf(key.toLowerCase());
  return i < 0 ? null : group * KEYS_PER_GROUP + i + 1;
}

/** Whether a list needs the second group, so the dot is its key rather than a separator. */
export const hasSecondGroup = (names: number): boolean => names > KEYS_PER_GROUP;

/** What a round is typed with: codes only when every name on its ballot has one. */
export function effectiveEntryKeys(setting: EntryKeys, names: number): EntryKeys {
  return setting === 'keys' && names <= MAX_KEYED_NAMES ? 'keys' : 'numbers';
}

/** The setting a new election starts with: codes whenever the list fits them. */
export const defaultEntryKeys = (names: number): EntryKeys => (names <= MAX_KEYED_NAMES ? 'keys' : 'numbers');
