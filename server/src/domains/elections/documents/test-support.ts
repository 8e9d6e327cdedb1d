// Helpers for the document tests: reading PDFs back with poppler when it is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** True when `tool` can be run (poppler's pdftotext/pdftoppm, zbar's zbarimg). */
export function hasTool(tool: string): boolean {
  const r = spawnSync(tool, ['-v'], { stdio: 'ignore' });
  return !r.error;
}

/** Pages of a PDF written by pdfkit: its page objects are plain dictionaries. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

function withTempPdf<T>(pdf: Buffer, fn: (file: string, dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-doc-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF (pdftotext -layout), or of one page. */
export function pdfText(pdf: Buffer, page?: number): string {
  return withTempPdf(pdf, (file) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' }),
  );
}

export type Word = { text: string; xMin: number; yMin: number; xMax: number; yMax: number; page: number };

/** Words with their boxes in PDF points (pdftotext -bbox). */
export function pdfWords(pdf: Buffer): { words: Word[]; pageWidth: number; pageHeight: number } {
  const html = withTempPdf(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-'], { encoding: 'utf8' }));
  const page = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html);
  const words: Word[] = [];
  let pageNo = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) pageNo++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'), page: pageNo });
  }
  return { words, pageWidth: Number(page?.[1] ?? 0), pageHeight: Number(page?.[2] ?? 0) };
}

/** The QR codes zbarimg reads on the pages rendered at `dpi`, in reading order. */
export function pdfQrCodes(pdf: Buffer, dpi = 150): string[] {
  return withTempPdf(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, path.join(dir, 'p')]);
    const pngs = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => path.join(dir, f));
    const r = spawnSync('zbarimg', ['-q', '--raw', ...pngs], { encoding: 'utf8' });
    return r.stdout.split('\n').filter(Boolean);
  });
}
