import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb, testEngines } from '../../../../test/support/db.ts';
import { DomainError } from '../http/errors.ts';
import { describeFiles, loadFile, storeFile } from './files.ts';

describe.each(testEngines)('file store on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(() => t.cleanup());

  const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('Bài học rút ra từ đại hội điểm', 'utf8')]);

  it('stores bytes and reads back exactly the same bytes, name and checksum', async () => {
    const stored = await t.db.transaction((tx) => storeFile(tx, { fileName: 'Bài học kinh nghiệm.docx', bytes: docx, uploadedBy: null }));
    const back = await loadFile(t.db, stored.id);
    expect(back.bytes.equals(docx)).toBe(true);
    expect(back.fileName).toBe('Bài học kinh nghiệm.docx');
    expect(back.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(back.sha256).toBe(stored.sha256);
    expect(await describeFiles(t.db, [stored.id])).toEqual([{ ...stored }]);
  });

  it('rolls the file back with the transaction that failed', async () => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM files');
    await expect(
      t.db.transaction(async (tx) => {
        await storeFile(tx, { fileName: 'a.pdf', bytes: Buffer.from('%PDF-1.4 x'), uploadedBy: null });
        throw new Error('the referring row failed');
      }),
    ).rejects.toThrow('the referring row failed');
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM files');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('refuses a file over the limit and one whose content lies about its type, with stable codes', async () => {
    const tooBig = t.db.transaction((tx) => storeFile(tx, { fileName: 'lớn.pdf', bytes: Buffer.alloc(2048, 0x25), uploadedBy: null, maxBytes: 1024 }));
    await expect(tooBig).rejects.toSatisfy((e: unknown) => e instanceof DomainError && e.code === 'FILE_TOO_LARGE');
    const fake = t.db.transaction((tx) => storeFile(tx, { fileName: 'bao-cao.pdf', bytes: Buffer.from([0x4d, 0x5a, 0, 0]), uploadedBy: null }));
    await expect(fake).rejects.toSatisfy((e: unknown) => e instanceof DomainError && e.code === 'FILE_TYPE_REFUSED' && e.message.includes('bao-cao.pdf'));
  });

  it('answers FILE_NOT_FOUND for an unknown id', async () => {
    await expect(loadFile(t.db, 987654)).rejects.toSatisfy((e: unknown) => e instanceof DomainError && e.code === 'FILE_NOT_FOUND');
  });
});
