/**
 * Which uploads we accept, decided by the bytes rather than the name the browser sent: a renamed
 * executable or a binary blob posing as text is refused. Pure, so it is unit-tested without I/O.
 */
export type AllowedType = { contentType: string; extensions: readonly string[]; label: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

export const allowedTypes: readonly AllowedType[] = [
  { contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word (.docx)' },
  { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel (.xlsx)' },
  { contentType: 'image/png', extensions: ['png'], label: 'PNG' },
  { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  { contentType: 'text/plain; charset=utf-8', extensions: ['txt'], label: 'văn bản (.txt)' },
];

export const allowedExtensionsText = allowedTypes.map((t) => t.extensions.map((e) => `.${e}`).join(', ')).join(', ');

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Text must be valid UTF-8 without control characters other than tab and line breaks. */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

function contentMatches(ext: string, bytes: Uint8Array): boolean {
  switch (ext) {
    case 'pdf':
      return startsWith(bytes, PDF);
    case 'docx':
    case 'xlsx':
      return startsWith(bytes, ZIP);
    case 'png':
      return startsWith(bytes, PNG);
    case 'jpg':
    case 'jpeg':
      return startsWith(bytes, JPEG);
    case 'txt':
      return isPlainText(bytes);
    default:
      return false;
  }
}

export type FileVerdict = { ok: true; type: AllowedType } | { ok: false; reason: 'extension' | 'content' | 'empty' };

/** The type of an upload from its name's extension, confirmed by its first bytes. */
export function classifyUpload(fileName: string, bytes: Uint8Array): FileVerdict {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const type = allowedTypes.find((t) => t.extensions.includes(ext));
  if (!type) return { ok: false, reason: 'extension' };
  return contentMatches(ext, bytes) ? { ok: true, type } : { ok: false, reason: 'content' };
}

/** A file name safe to store and show: no path, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'tep').slice(-255);
}
