import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BALLOT_KEYS, defaultEntryKeys, effectiveEntryKeys, KEYS_PER_GROUP, keyOfPosition, MAX_KEYED_NAMES, positionOfKey, SECOND_GROUP_KEY } from './ballot-keys.ts';

describe('one-key codes for ballot names', () => {
  it('keeps the printed digit for names 1–9, gives 10 the "0", then letters', () => {
    expect([1, 9, 10, 11, 36].map(keyOfPosition)).toEqual(['1', '9', '0', 'a', 'z']);
    expect(keyOfPosition(0)).toBeNull();
    expect([43, 52, 53, 84].map(keyOfPosition)).toEqual(['.1', '.0', '.a', '.=']);
    expect(keyOfPosition(MAX_KEYED_NAMES + 1)).toBeNull();
  });

  it('never uses the typing field’s commands, separators or a key that needs Shift', () => {
    for (const reserved of ['/', '*', ' ', ',', '.', ';', '+', '-', '\t']) expect(BALLOT_KEYS).not.toContain(reserved);
    expect(BALLOT_KEYS).not.toContain(SECOND_GROUP_KEY);
    expect(BALLOT_KEYS).toBe(BALLOT_KEYS.toLowerCase());
    expect(new Set(BALLOT_KEYS).size).toBe(BALLOT_KEYS.length);
  });

  it('reads back every position from its key, capitals included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_KEYED_NAMES }), (p) => {
        const code = keyOfPosition(p)!;
        const group = p > KEYS_PER_GROUP ? 1 : 0;
        const k = group ? code.slice(SECOND_GROUP_KEY.length) : code;
        expect(k).toHaveLength(1);
        expect(positionOfKey(k, group)).toBe(p);
        expect(positionOfKey(k.toUpperCase(), group)).toBe(p);
      }),
    );
    expect(positionOfKey('/')).toBeNull();
    expect(positionOfKey('ab')).toBeNull();
  });

  it('types a list longer than the codes by its numbers, whatever the setting', () => {
    expect(defaultEntryKeys(41)).toBe('keys');
    expect(defaultEntryKeys(MAX_KEYED_NAMES + 1)).toBe('numbers');
    expect(effectiveEntryKeys('keys', MAX_KEYED_NAMES)).toBe('keys');
    expect(effectiveEntryKeys('keys', MAX_KEYED_NAMES + 1)).toBe('numbers');
    expect(effectiveEntryKeys('numbers', 5)).toBe('numbers');
  });
});
