import { foldVietnamese } from '../../../../shared/src/text.ts';
import type { Cell } from '../organizations/tree-import-rules.ts';

/**
 * A list of candidates as the organizing committee keeps it in Excel: a "Họ và tên" column
 * (often after an "STT" column), one name per row. Every row that is not a clean name is
 * reported with its row and column as Excel shows them; nothing is guessed or dropped silently.
 */
export type CandidateSheetProblem = { row: number; column: string; code: 'NO_NAME_COLUMN' | 'FORMULA' | 'NOT_A_NAME' | 'NAME_LENGTH' | 'DUPLICATE' | 'EMPTY'; message: string };
export type CandidateSheet = { names: { row: number; fullName: string }[]; problems: CandidateSheetProblem[] };

const NAME_HEADERS = new Set(['ho va ten', 'ho ten', 'ho va ten day du', 'ho ten day du', 'ten ung cu vien', 'ho va ten ung cu vien', 'full name', 'name']);
const HEADER_SEARCH_ROWS = 10;

/** A = 1, …, Z = 26, AA = 27: the column letters Excel shows. */
export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const headerKey = (c: Cell | undefined) => (c && c.kind === 'text' ? foldVietnamese(c.value).toLowerCase().replace(/[^a-z ]/g, ' ').replace(/\s+/g, ' ').trim() : '');

export function readCandidateSheet(matrix: readonly (readonly Cell[])[]): CandidateSheet {
  let headerRow = -1;
  let col = -1;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, matrix.length) && headerRow < 0; r++) {
    const i = (matrix[r] ?? []).findIndex((c) => NAME_HEADERS.has(headerKey(c)));
    if (i >= 0) [headerRow, col] = [r, i];
  }
  if (headerRow < 0)
    return { names: [], problems: [{ row: 1, column: '', code: 'NO_NAME_COLUMN', message: 'Không thấy cột "Họ và tên" trong 10 dòng đầu của trang tính thứ nhất.' }] };

  const letter = columnLetter(col + 1);
  const names: CandidateSheet['names'] = [];
  const problems: CandidateSheetProblem[] = [];
  const firstRowOf = new Map<string, number>();
  for (let r = headerRow + 1; r < matrix.length; r++) {
    const row = r + 1;
    const cells = matrix[r] ?? [];
    const cell = cells[col] ?? { kind: 'empty' as const };
    if (cell.kind === 'empty') {
      // A row with something else on it but no name is a mistake; a blank row is not.
      if (cells.some((c) => c.kind !== 'empty')) problems.push({ row, column: letter, code: 'EMPTY', message: `Dòng ${row}: thiếu họ và tên.` });
      continue;
    }
    if (cell.kind === 'formula') {
      problems.push({ row, column: letter, code: 'FORMULA', message: `Dòng ${row}, cột ${letter}: là công thức (${cell.value}), không phải họ và tên. Hãy dán giá trị.` });
      continue;
    }
    if (cell.kind !== 'text') {
      problems.push({ row, column: letter, code: 'NOT_A_NAME', message: `Dòng ${row}, cột ${letter}: "${cell.value}" không phải họ và tên.` });
      continue;
    }
    const fullName = cell.value.replace(/\s+/g, ' ').trim();
    if (/[\d@#$%^&*=+<>{}[\]|\\/]/.test(fullName)) {
      problems.push({ row, column: letter, code: 'NOT_A_NAME', message: `Dòng ${row}, cột ${letter}: "${fullName}" có chữ số hoặc ký hiệu, không phải họ và tên.` });
      continue;
    }
    if (fullName.length < 2 || fullName.length > 200) {
      problems.push({ row, column: letter, code: 'NAME_LENGTH', message: `Dòng ${row}, cột ${letter}: họ và tên phải dài từ 2 đến 200 ký tự.` });
      continue;
    }
    // Diacritics tell people apart ("Hà" and "Hạ"); only case and spacing are ignored.
    const key = fullName.normalize('NFC').toLocaleLowerCase('vi');
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      problems.push({ row, column: letter, code: 'DUPLICATE', message: `Dòng ${row}: "${fullName}" trùng với dòng ${first}.` });
      continue;
    }
    firstRowOf.set(key, row);
    names.push({ row, fullName });
  }
  return { names, problems };
}
