import JSZip from 'jszip';
import { DomainError } from '../../platform/http/errors.ts';
import { type Block, parseDocxBody } from './section-rules.ts';

/** A Word body larger than this once unzipped is not a congress document (zip bomb guard). */
const MAX_XML_BYTES = 30 * 1024 * 1024;

/** The headings and paragraphs of a .docx file, in order. */
export async function readDocxBlocks(bytes: Buffer): Promise<Block[]> {
  let xml: string;
  try {
    const zip = await JSZip.loadAsync(bytes);
    const entry = zip.file('word/document.xml');
    if (!entry) throw new Error('no word/document.xml');
    // The declared size is checked before inflating the entry.
    const declared = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (declared > MAX_XML_BYTES) throw new Error('too large');
    xml = await entry.async('string');
    if (xml.length > MAX_XML_BYTES) throw new Error('too large');
  } catch {
    throw new DomainError('DOCUMENT_FILE_INVALID', undefined, [{ field: 'file', code: 'DOCUMENT_FILE_INVALID', message: 'Tệp không phải là tài liệu Word (.docx) đọc được.' }]);
  }
  return parseDocxBody(xml);
}
