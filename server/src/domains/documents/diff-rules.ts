// The difference between two versions of a document: sections matched by their stable key,
// and inside a changed section the words inserted and deleted. Pure: no I/O.

export type DiffOp = { op: 'same' | 'add' | 'del'; text: string };
export type SectionDiff = {
  key: string;
  change: 'same' | 'changed' | 'added' | 'removed';
  kind: 'heading' | 'paragraph';
  level: number;
  ops: DiffOp[];
};

/** Words and the spaces after them stay together so the joined ops give back the text exactly. */
export function tokenize(s: string): string[] {
  return s.match(/\S+\s*|\s+/gu) ?? [];
}

/** Above this many token pairs a section is shown as replaced whole (the page stays fast). */
const MAX_CELLS = 4_000_000;

function push(out: DiffOp[], op: DiffOp['op'], text: string) {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

/** Word-level diff: joining the 'same' and 'del' ops gives `a`, the 'same' and 'add' ops give `b`. */
export function diffWords(a: string, b: string): DiffOp[] {
  const x = tokenize(a);
  const y = tokenize(b);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const out: DiffOp[] = [];
  push(out, 'same', x.slice(0, start).join(''));
  const xs = x.slice(start, endX);
  const ys = y.slice(start, endY);
  const n = xs.length;
  const m = ys.length;
  if (n * m > MAX_CELLS) {
    push(out, 'del', xs.join(''));
    push(out, 'add', ys.join(''));
  } else {
    const w = m + 1;
    const t = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--) t[i * w + j] = xs[i] === ys[j] ? t[(i + 1) * w + j + 1]! + 1 : Math.max(t[(i + 1) * w + j]!, t[i * w + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (xs[i] === ys[j]) {
        push(out, 'same', xs[i++]!);
        j++;
      } else if (t[(i + 1) * w + j]! >= t[i * w + j + 1]!) push(out, 'del', xs[i++]!);
      else push(out, 'add', ys[j++]!);
    }
    while (i < n) push(out, 'del', xs[i++]!);
    while (j < m) push(out, 'add', ys[j++]!);
  }
  push(out, 'same', x.slice(endX).join(''));
  return out;
}

type Sec = { key: string; kind: 'heading' | 'paragraph'; level: number; text: string };

/**
 * Sections of `to` in their order, each with its change against `from` (same key); sections
 * only in `from` are listed as removed right after the section that preceded them there.
 */
export function diffSections(from: readonly Sec[], to: readonly Sec[]): SectionDiff[] {
  const old = new Map(from.map((s) => [s.key, s]));
  const inTo = new Set(to.map((s) => s.key));
  const out: SectionDiff[] = [];
  const removedAfter = new Map<string | null, Sec[]>();
  let prevKey: string | null = null;
  for (const s of from) {
    if (!inTo.has(s.key)) removedAfter.set(prevKey, [...(removedAfter.get(prevKey) ?? []), s]);
    else prevKey = s.key;
  }
  const emitRemoved = (after: string | null) => {
    for (const s of removedAfter.get(after) ?? []) out.push({ key: s.key, change: 'removed', kind: s.kind, level: s.level, ops: [{ op: 'del', text: s.text }] });
  };
  emitRemoved(null);
  for (const s of to) {
    const o = old.get(s.key);
    if (!o) out.push({ key: s.key, change: 'added', kind: s.kind, level: s.level, ops: [{ op: 'add', text: s.text }] });
    else if (o.text === s.text) out.push({ key: s.key, change: 'same', kind: s.kind, level: s.level, ops: [{ op: 'same', text: s.text }] });
    else out.push({ key: s.key, change: 'changed', kind: s.kind, level: s.level, ops: diffWords(o.text, s.text) });
    emitRemoved(s.key);
  }
  return out;
}
