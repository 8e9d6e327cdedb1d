import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { credentialStatuses } from '../../../../shared/src/contracts/delegates.ts';
import { complaintStatuses } from '../../../../shared/src/contracts/personnel.ts';
import { auditEn, auditVi } from './audit.i18n.ts';
import { actionColor, auditDomains, domainOf, isKnownAction, knownAuditActions } from './audit-actions.ts';

// The web may not import the server; it may read its source. Every action code the server can
// write must have a label, or the clerk reads "delegates.checkedIn" instead of "Điểm danh đại biểu".
const serverSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../server/src');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : [],
  );

type Literal = { text: string; template: boolean; at: number };

/** Reads code up to the `)` or `}` closing the current level; collects every string and template literal on the way. */
function readCode(src: string, i: number, out: Literal[]): number {
  let depth = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '/' && src[i + 1] === '/') i = src.indexOf('\n', i) < 0 ? src.length : src.indexOf('\n', i);
    else if (ch === '/' && src[i + 1] === '*') i = src.indexOf('*/', i) + 2;
    else if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== ch) j += src[j] === '\\' ? 2 : 1;
      out.push({ text: src.slice(i + 1, j), template: false, at: i });
      i = j + 1;
    } else if (ch === '`') i = readTemplate(src, i, out);
    else {
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch) && depth-- === 0) return i;
      i++;
    }
  }
  throw new Error('unbalanced source');
}

function readTemplate(src: string, i: number, out: Literal[]): number {
  const start = i++;
  let text = '';
  while (i < src.length && src[i] !== '`') {
    if (src[i] === '\\') {
      text += src.slice(i, i + 2);
      i += 2;
    } else if (src[i] === '$' && src[i + 1] === '{') {
      const end = readCode(src, i + 2, out);
      text += src.slice(i, end + 1);
      i = end + 1;
    } else text += src[i++];
  }
  out.push({ text, template: true, at: start });
  return i + 1;
}

const actionLike = /^[a-z]+(?:\.(?:[A-Za-z_]+|\$\{[^}]+\}))+$/;

type Call = { file: string; line: number; name: string; actions: Literal[] };

/** Calls of `name(`, not its definition; the action literals among their arguments (entity types left out). */
function callsOf(file: string, src: string, name: string): Call[] {
  const calls: Call[] = [];
  for (const m of src.matchAll(new RegExp(`(?<![\\w.]|function )${name}\\(`, 'g'))) {
    const literals: Literal[] = [];
    readCode(src, m.index + m[0].length, literals);
    const actions = literals.filter((l) => actionLike.test(l.text) && !/\b(?:entityType|type)\s*:\s*$/.test(src.slice(Math.max(0, l.at - 40), l.at)));
    calls.push({ file: path.relative(serverSrc, file), line: src.slice(0, m.index).split('\n').length, name, actions });
  }
  return calls;
}

/** The values each action built from a template can take, read from where the server gets them. */
function registerNames(): string[] {
  const src = readFileSync(path.join(serverSrc, 'domains/reports/registers.service.ts'), 'utf8');
  const union = /\bname:\s*((?:'\w+'\s*\|\s*)*'\w+');/.exec(src)?.[1];
  return union ? [...union.matchAll(/'(\w+)'/g)].map((x) => x[1]!) : [];
}
const dynamicActions: Record<string, () => string[]> = {
  'delegates.credentials.${input.decision}': () => credentialStatuses.map((s) => `delegates.credentials.${s}`),
  'complaint.${input.to}': () => complaintStatuses.map((s) => `complaint.${s}`),
  'report.${spec.name}.created': () => registerNames().map((n) => `report.${n}.created`),
  'report.${spec.name}.updated': () => registerNames().map((n) => `report.${n}.updated`),
};

function scanServer() {
  const files = sourceFiles(serverSrc).map((f) => ({ f, src: readFileSync(f, 'utf8') }));
  // recordAudit itself, and every helper that passes its own `action` parameter on to it (audit, auditDelegates…).
  const recordCalls = files.flatMap(({ f, src }) => callsOf(f, src, 'recordAudit'));
  const helpers = new Set<string>();
  for (const c of recordCalls.filter((c) => c.actions.length === 0)) {
    const { src } = files.find((x) => path.relative(serverSrc, x.f) === c.file)!;
    const before = src.split('\n').slice(0, c.line).join('\n');
    const name = [...before.matchAll(/(?:const|function)\s+(\w+)/g)].at(-1)?.[1];
    if (name && name !== 'recordAudit') helpers.add(name);
  }
  const helperCalls = files.flatMap(({ f, src }) => [...helpers].flatMap((h) => callsOf(f, src, h)));
  const calls = [...recordCalls.filter((c) => c.actions.length > 0), ...helperCalls];
  const actions = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const c of calls)
    for (const l of c.actions) {
      if (!l.template || !l.text.includes('${')) actions.add(l.text);
      else if (dynamicActions[l.text]) for (const a of dynamicActions[l.text]!()) actions.add(a);
      else unknownTemplates.push(`${c.file}:${c.line} \`${l.text}\``);
    }
  return { helpers, calls, actions, unknownTemplates };
}

describe('audit action labels', () => {
  const scan = scanServer();

  it('finds the audit writes of every domain in the server source', () => {
    expect([...scan.helpers].sort()).toEqual(expect.arrayContaining(['audit', 'auditDelegates']));
    expect(scan.actions.size).toBeGreaterThanOrEqual(60);
    for (const a of ['auth.login', 'organization.merged', 'election.entry_opened', 'ballot.entered', 'congress.postponed', 'delegates.checkedIn', 'personnel.listApproved', 'complaint.concluded', 'consultation.publicComment', 'report.studySession.created'])
      expect(scan.actions, a).toContain(a);
    for (const prefix of ['auth.', 'user.', 'organization.', 'election.', 'ballot.', 'campaign.', 'congress.', 'personnel.', 'person.', 'complaint.', 'delegates.', 'document.', 'consultation.', 'synthesis.', 'report.'])
      expect([...scan.actions].some((a) => a.startsWith(prefix)), prefix).toBe(true);
  });

  it('sees the action of every call: a code or a template whose values it knows', () => {
    // An action in a variable cannot be checked: write the literal (or a ternary of literals) in the call.
    expect(scan.calls.filter((c) => c.actions.length === 0).map((c) => `${c.file}:${c.line} ${c.name}(…)`)).toEqual([]);
    // A new action built from a template: add its possible values to dynamicActions above.
    expect(scan.unknownTemplates).toEqual([]);
    expect(registerNames()).toEqual(expect.arrayContaining(['oversight', 'discipline', 'studySession']));
  });

  it('has a Vietnamese and an English label for every action the server writes', () => {
    const missing = [...scan.actions].filter((a) => !isKnownAction(a)).sort();
    expect(missing, 'add these actions to audit.i18n.ts').toEqual([]);
    for (const a of scan.actions) {
      expect(auditVi.actions[a as keyof typeof auditVi.actions]?.trim(), a).toBeTruthy();
      expect(auditEn.actions[a as keyof typeof auditEn.actions]?.trim(), a).toBeTruthy();
    }
  });

  it('puts every labelled action in a domain of the filter, coloured by domain, merges in orange', () => {
    expect(knownAuditActions.filter((a) => !domainOf(a))).toEqual([]);
    expect(actionColor('election.entry_opened')).toBe(actionColor('ballot.entered'));
    expect(actionColor('congress.postponed')).toBe(actionColor('campaign.created'));
    expect(new Set(auditDomains.map((d) => d.color)).size).toBe(auditDomains.length);
    expect(actionColor('organization.merged')).toBe('orange');
    expect(actionColor('organization.merged_away')).toBe('orange');
    expect(auditDomains.map((d) => d.color)).not.toContain('orange');
    expect(actionColor('something.unknown')).toBe('default');
  });

  it('writes the Vietnamese labels with diacritics, each different within its domain', () => {
    const labels = Object.values(auditVi.actions);
    // Whole labels without a single accented letter would be a sign of typing without Telex.
    expect(labels.filter((l) => !/[^\x20-\x7e]/.test(l))).toEqual([]);
    for (const { prefixes } of auditDomains) {
      const own = knownAuditActions.filter((a) => (prefixes as readonly string[]).includes(a.split('.')[0]!)).map((a) => auditVi.actions[a]);
      expect(new Set(own).size, prefixes.join()).toBe(own.length);
    }
  });
});
