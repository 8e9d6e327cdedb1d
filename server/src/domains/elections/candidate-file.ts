import { fail } from '../../platform/http/errors.ts';
import { readCsvCells, readFirstSheet, WorkbookError } from '../organizations/tree-workbook.ts';
import { type CandidateSheet, readCandidateSheet } from './candidate-sheet-rules.ts';

/**
 * The candidate list as the organizing committee keeps it (.xlsx or .csv) read into names and
 * per-row problems. Nothing is stored: the names fill the list being prepared, where the user
 * sees them before creating the election.
 */
export async function readCandidateFile(file: { fileName: string; bytes: Buffer }): Promise<CandidateSheet> {
  const name = file.fileName.toLowerCase();
  try {
    if (name.endsWith('.xlsx')) return readCandidateSheet(await readFirstSheet(file.bytes));
    if (name.endsWith('.csv')) return readCandidateSheet(readCsvCells(file.bytes.toString('utf8')));
  } catch (e) {
    if (e instanceof WorkbookError) fail('IMPORT_FILE_INVALID', e.message);
    throw e;
  }
  return fail('IMPORT_FILE_INVALID', 'Chỉ nhận tệp .xlsx hoặc .csv.');
}
