import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

// One place that turns a pdfmake document definition into bytes. The font is Roboto as
// shipped inside pdfmake (full Vietnamese coverage, stacked diacritics included), read
// from node_modules so the output does not depend on the fonts of the host. pdfmake may
// fetch URLs and read local files named in a document; both are refused except the four
// font files, so text that ends up in a document can never make the server read or fetch.

const robotoDir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');

export const PDF_FONT = 'Roboto';
const fontFiles = {
  normal: path.join(robotoDir, 'Roboto-Regular.ttf'),
  bold: path.join(robotoDir, 'Roboto-Medium.ttf'),
  italics: path.join(robotoDir, 'Roboto-Italic.ttf'),
  bolditalics: path.join(robotoDir, 'Roboto-MediumItalic.ttf'),
};
const allowedFiles = new Set(Object.values(fontFiles));

/** 1 cm in PDF points. */
export const CM = 72 / 2.54;

export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  // pdfmake keeps this configuration globally; set it on every call so that nothing
  // configured elsewhere in the process can loosen it for our documents.
  pdfmake.setFonts({ [PDF_FONT]: { ...fontFiles } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => allowedFiles.has(path.resolve(p)));
  const out = await pdfmake.createPdf({ ...doc, defaultStyle: { font: PDF_FONT, ...doc.defaultStyle } }).getBuffer();
  return Buffer.from(out);
}
