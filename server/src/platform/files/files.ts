import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/db.ts';
import { fail } from '../http/errors.ts';
import { allowedExtensionsText, classifyUpload, cleanFileName } from './file-types.ts';

export type StoredFile = { id: number; fileName: string; contentType: string; size: number; sha256: string; uploadedAt: string };

/** 10 MB: a scanned decision or a long Word draft fits; a video does not. Routes may ask for less. */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/**
 * Stores one upload in the caller's transaction, so the file and the row that refers to it
 * commit together. The type is decided from the content, not the name the browser sent.
 */
export async function storeFile(
  tx: Queryable,
  input: { fileName: string; bytes: Buffer; uploadedBy: number | null; maxBytes?: number },
): Promise<StoredFile> {
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const fileName = cleanFileName(input.fileName);
  if (input.bytes.length > maxBytes) fail('FILE_TOO_LARGE', `Tệp "${fileName}" lớn hơn ${mb(maxBytes)}.`, [{ field: 'file', code: 'FILE_TOO_LARGE', message: `Tối đa ${mb(maxBytes)}.` }]);
  const verdict = classifyUpload(fileName, input.bytes);
  if (!verdict.ok) {
    const message =
      verdict.reason === 'empty'
        ? `Tệp "${fileName}" rỗng.`
        : verdict.reason === 'extension'
          ? `Không nhận loại tệp của "${fileName}". Chỉ nhận: ${allowedExtensionsText}.`
          : `Nội dung tệp "${fileName}" không đúng với phần mở rộng của nó.`;
    return fail('FILE_TYPE_REFUSED', message, [{ field: 'file', code: `FILE_${verdict.reason.toUpperCase()}`, message }]);
  }
  const sha256 = crypto.createHash('sha256').update(input.bytes).digest('hex');
  const r = await tx.query<{ id: number; uploaded_at: Date }>(
    `INSERT INTO files (file_name, content_type, size, sha256, bytes, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, uploaded_at`,
    [fileName, verdict.type.contentType, input.bytes.length, sha256, input.bytes, input.uploadedBy],
  );
  const row = r.rows[0]!;
  return { id: row.id, fileName, contentType: verdict.type.contentType, size: input.bytes.length, sha256, uploadedAt: row.uploaded_at.toISOString() };
}

/** Metadata of stored files, without their bytes. */
export async function describeFiles(q: Queryable, ids: readonly number[]): Promise<StoredFile[]> {
  if (ids.length === 0) return [];
  const r = await q.query<{ id: number; file_name: string; content_type: string; size: number; sha256: string; uploaded_at: Date }>(
    `SELECT id, file_name, content_type, size, sha256, uploaded_at FROM files WHERE id = ANY($1::int[]) ORDER BY id`,
    [ids],
  );
  return r.rows.map((f) => ({ id: f.id, fileName: f.file_name, contentType: f.content_type, size: f.size, sha256: f.sha256, uploadedAt: f.uploaded_at.toISOString() }));
}

/** A stored file with its bytes; the caller has already checked that the actor may see what refers to it. */
export async function loadFile(q: Queryable, id: number): Promise<StoredFile & { bytes: Buffer }> {
  const r = await q.query<{ id: number; file_name: string; content_type: string; size: number; sha256: string; bytes: Uint8Array; uploaded_at: Date }>(
    `SELECT id, file_name, content_type, size, sha256, bytes, uploaded_at FROM files WHERE id = $1`,
    [id],
  );
  const f = r.rows[0];
  if (!f) fail('FILE_NOT_FOUND');
  return { id: f!.id, fileName: f!.file_name, contentType: f!.content_type, size: f!.size, sha256: f!.sha256, uploadedAt: f!.uploaded_at.toISOString(), bytes: Buffer.from(f!.bytes) };
}

export type Upload = { fileName: string; bytes: Buffer; fields: Record<string, string> };

/**
 * The one file of a multipart request, with its text fields. The body limit is enforced while
 * streaming (fastify-multipart throws FST_REQ_FILE_TOO_LARGE, answered 413 by the error handler).
 */
export async function readUpload(req: FastifyRequest, opts: { maxBytes?: number } = {}): Promise<Upload> {
  if (!req.isMultipart()) fail('UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi tệp dạng multipart/form-data.');
  const file = await req.file({ limits: { fileSize: opts.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES } });
  if (!file) fail('FILE_MISSING');
  const bytes = await file!.toBuffer();
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(file!.fields)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v && 'value' in v && typeof v.value === 'string') fields[name] = v.value;
  }
  return { fileName: file!.filename, bytes, fields };
}
