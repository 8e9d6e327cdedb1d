// Sections of a document version: parsing pasted text or a DOCX body into headings and
// paragraphs, and giving each one a key that stays the same across versions so comments and
// themes keep pointing at "their" paragraph after an edit. Pure: no I/O.

export type SectionKind = 'heading' | 'paragraph';
export type Block = { kind: SectionKind; level: number; text: string };
export type KeyedBlock = Block & { key: string };

const ROMAN = /^(?:[IVXLC]+)[.)]\s+\S/u;
const PART = /^(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+(?:THỨ\s+)?\S+/u;
const NUMBERED = /^\d{1,2}[.)]\s+\S/u;
const LETTERED = /^[a-zđ][)]\s+\S/u;

/** Whitespace folded to single spaces, trimmed; zero-width and control characters removed. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u200B-\u200D\uFEFF]/gu, '')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
}

/** A short line is a heading when it looks like one in a party document (I., 1., Phần thứ nhất…). */
function headingLevel(line: string): number {
  if (line.length > 200) return 0;
  if (PART.test(line)) return 1;
  if (ROMAN.test(line)) return 1;
  if (NUMBERED.test(line) && line.length <= 160 && !/[.;:]$/u.test(line)) return 2;
  if (LETTERED.test(line) && line.length <= 120 && !/[.;]$/u.test(line)) return 3;
  // A whole line in capitals (the document title, "BÁO CÁO CHÍNH TRỊ").
  if (line.length >= 4 && line.length <= 160 && line === line.toLocaleUpperCase('vi') && /\p{Lu}{3}/u.test(line)) return 1;
  return 0;
}

/**
 * Pasted text: one section per non-empty line. "# ", "## ", "### " mark headings explicitly;
 * otherwise lines that look like numbered headings of a party document are headings.
 */
export function parseStructuredText(text: string): Block[] {
  const out: Block[] = [];
  for (const raw of text.replace(/\r\n?/gu, '\n').split('\n')) {
    const hashes = /^(#{1,3})\s+(.*)$/u.exec(raw.trim());
    if (hashes) {
      const t = cleanText(hashes[2]!);
      if (t) out.push({ kind: 'heading', level: hashes[1]!.length, text: t });
      continue;
    }
    const t = cleanText(raw);
    if (!t) continue;
    const level = headingLevel(t);
    out.push(level > 0 ? { kind: 'heading', level, text: t } : { kind: 'paragraph', level: 0, text: t });
  }
  return out;
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&#x([0-9a-f]+);/giu, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/gu, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/gu, '&');

/**
 * The body of a DOCX (`word/document.xml`) as blocks: every `<w:p>` with text is one section;
 * paragraph styles Title / Heading N (any language's "Heading" id) make headings, else the
 * text decides as for pasted text. Tables' paragraphs are read in order like the rest.
 */
export function parseDocxBody(documentXml: string): Block[] {
  const out: Block[] = [];
  const body = documentXml.replace(/<w:del\b[\s\S]*?<\/w:del>/gu, '');
  for (const m of body.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/gu)) {
    const p = m[0];
    const style = /<w:pStyle\s+w:val="([^"]*)"/u.exec(p)?.[1] ?? '';
    let text = '';
    for (const r of p.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>/gu)) text += r[1] !== undefined ? decodeXml(r[1]) : ' ';
    text = cleanText(text);
    if (!text) continue;
    const styled = /^(?:Title|Tieude)$/iu.test(style) ? 1 : Number(/^(?:Heading|Tieude|u)\s*(\d)$/iu.exec(style)?.[1] ?? 0);
    const level = styled > 0 ? Math.min(3, styled) : headingLevel(text);
    out.push(level > 0 ? { kind: 'heading', level, text } : { kind: 'paragraph', level: 0, text });
  }
  return out;
}

const words = (s: string) => new Set(cleanText(s).toLocaleLowerCase('vi').split(' ').filter(Boolean));

/** Share of words two texts have in common (Jaccard), 0…1. */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 && wb.size === 0) return 1;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / (wa.size + wb.size - common);
}

/** Below this word overlap an edited paragraph counts as a new one (it gets a new key). */
export const SAME_SECTION_SIMILARITY = 0.5;

/**
 * Keys for the blocks of a new version. Sections of the previous version keep their key when
 * their text is unchanged (matched in order first, then moved paragraphs), or when a block of the new version in the
 * same gap between unchanged sections is similar enough (edited in place). Every other block
 * gets a fresh key from `nextNo`. A key is never given to two blocks.
 */
export function assignSectionKeys(prev: readonly KeyedBlock[], next: readonly Block[], nextNo: number): { blocks: KeyedBlock[]; nextNo: number } {
  const n = prev.length;
  const m = next.length;
  // Longest common subsequence of exact texts anchors the alignment.
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = prev[i]!.text === next[j]!.text ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const keys: (string | null)[] = new Array<string | null>(m).fill(null);
  const anchors: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (prev[i]!.text === next[j]!.text) {
      anchors.push([i, j]);
      keys[j] = prev[i]!.key;
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  const usedPrev = new Set(anchors.map(([i]) => i));
  // A paragraph moved elsewhere keeps its key: the same text, not yet matched.
  for (let j = 0; j < m; j++) {
    if (keys[j] !== null) continue;
    const i = prev.findIndex((p, k) => !usedPrev.has(k) && p.text === next[j]!.text);
    if (i >= 0) {
      usedPrev.add(i);
      keys[j] = prev[i]!.key;
    }
  }
  // Between anchors, pair edited sections by similarity, greedily best first.
  const gaps: [number, number, number, number][] = [];
  let pi = 0;
  let pj = 0;
  for (const [ai, aj] of [...anchors, [n, m] as [number, number]]) {
    if (ai > pi && aj > pj) gaps.push([pi, ai, pj, aj]);
    pi = ai + 1;
    pj = aj + 1;
  }
  for (const [i0, i1, j0, j1] of gaps) {
    const pairs: { i: number; j: number; s: number }[] = [];
    for (let i = i0; i < i1; i++)
      for (let j = j0; j < j1; j++) {
        if (prev[i]!.kind !== next[j]!.kind) continue;
        const s = similarity(prev[i]!.text, next[j]!.text);
        if (s >= SAME_SECTION_SIMILARITY) pairs.push({ i, j, s });
      }
    pairs.sort((a, b) => b.s - a.s || a.i - b.i || a.j - b.j);
    for (const p of pairs) {
      if (usedPrev.has(p.i) || keys[p.j] !== null) continue;
      usedPrev.add(p.i);
      keys[p.j] = prev[p.i]!.key;
    }
  }
  let no = nextNo;
  const blocks = next.map((b, j) => ({ ...b, key: keys[j] ?? `s${no++}` }));
  return { blocks, nextNo: no };
}
