import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyUpload, cleanFileName } from './file-types.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('classifyUpload', () => {
  it('accepts a PDF whose bytes begin like a PDF', () => {
    const v = classifyUpload('Bài học.pdf', new TextEncoder().encode('%PDF-1.7\n…'));
    expect(v).toMatchObject({ ok: true, type: { contentType: 'application/pdf' } });
  });

  it('refuses a renamed executable and a binary blob posing as text', () => {
    expect(classifyUpload('bao-cao.pdf', bytes(0x4d, 0x5a, 0x90, 0x00))).toEqual({ ok: false, reason: 'content' });
    expect(classifyUpload('ghi-chu.txt', bytes(0x00, 0x01, 0x02, 0xff))).toEqual({ ok: false, reason: 'content' });
  });

  it('refuses unknown extensions and empty files', () => {
    expect(classifyUpload('virus.exe', bytes(0x4d, 0x5a))).toEqual({ ok: false, reason: 'extension' });
    expect(classifyUpload('trống.docx', bytes())).toEqual({ ok: false, reason: 'empty' });
  });

  it('accepts any Vietnamese UTF-8 text as .txt', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặ \n\t.,'.split('')), minLength: 1 }), (s) => {
        expect(classifyUpload('y-kien.txt', new TextEncoder().encode(s)).ok).toBe(true);
      }),
    );
  });
});

describe('cleanFileName', () => {
  it('keeps the Vietnamese name and drops any path', () => {
    expect(cleanFileName('C:\\Users\\a\\Bài học kinh nghiệm.docx')).toBe('Bài học kinh nghiệm.docx');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
  });

  it('never returns an empty name or a control character', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = cleanFileName(s);
        expect(n.length).toBeGreaterThan(0);
        expect(n.length).toBeLessThanOrEqual(255);
        // eslint-disable-next-line no-control-regex
        expect(/[\u0000-\u001f\u007f/\\]/.test(n)).toBe(false);
      }),
    );
  });
});
