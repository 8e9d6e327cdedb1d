// The real `daihoi tally` process: Node with the tsx loader running server/src/cli.ts, as
// bin/daihoi.mjs does. Checks the exit codes, that stdout is exactly one JSON document,
// and that nothing else (stack traces, warnings) leaks onto stdout.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tally(arg: string, stdin?: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'tally', arg], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += d));
    proc.stderr.on('data', (d) => (stderr += d));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, stdout, stderr }));
    proc.stdin.end(stdin ?? '');
  });
}

// Ex 1 of election-rules.md §5: D = 300 − 4 − 16 = 280, T = 141, 17 seats, 20 names.
const EX1: Record<string, number> = {
  A: 270, B: 265, C: 262, D: 258, E: 250, F: 247, G: 240, H: 233, I: 228, K: 221,
  L: 215, M: 204, N: 198, O: 186, P: 175, Q: 163, R: 152, S: 147, T: 140, U: 120,
};
const ids = Object.keys(EX1);

function ex1Ballots(): object[] {
  const kept = Array.from({ length: 276 }, () => new Set<string>());
  let p = 0;
  for (const id of ids) {
    for (let k = 0; k < EX1[id]!; k += 1) {
      kept[p]!.add(id);
      p = (p + 1) % kept.length;
    }
  }
  return [
    ...kept.map((s) => ({ strike: ids.filter((id) => !s.has(id)) })),
    { strike: ['A', 'B'] },
    { strike: ['A', 'B'] },
    { invalid: 'NOT_ISSUED' },
  ];
}

const ex1 = {
  regulation: '2024',
  congress: 'delegates',
  summoned: 300,
  exclusions: {
    temporarilyElsewhereAbsent: 0, exemptAbsent: 0, suspended: 0, prosecutedOrDetained: 0, absentWholeCongressWithReason: 0,
    convenerMembersAbsentWhole: 4, delegatesAbsentWholeNotReplaced: 16,
  },
  seats: 17,
  alternateSeats: 0,
  candidates: ids.map((id) => ({ id, name: `Nguyễn Văn ${id}` })),
  ballots: ex1Ballots(),
};

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-tally-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('npx daihoi tally FILE.json (a real process)', () => {
  it('a good file: the result JSON on stdout, exit 0', async () => {
    const r = await tally(write('ex1.json', JSON.stringify(ex1)));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      denominator: 280,
      threshold: 141,
      ballots: { collected: 279, valid: 276, invalid: 3, invalidReasons: { KEEPS_TOO_MANY: 2, NOT_ISSUED: 1 } },
      elected: ids.slice(0, 17),
      alternates: [],
      unfilledSeats: 0,
      tie: null,
    });
    expect(out.candidates[0]).toEqual({ id: 'A', votes: 270, percent: 96.43 });
    expect(out.candidates.find((c: { id: string }) => c.id === 'T')).toEqual({ id: 'T', votes: 140, percent: 50 });
    expect(r.stdout).not.toMatch(/\d\.\d{3,}/); // no floating garbage such as 89.28571428571429
  });

  it('a bad file (a ballot strikes an unknown candidate): {"error":{code,message}} on stdout, exit 2', async () => {
    const bad = { ...ex1, ballots: [...ex1.ballots.slice(0, 5), { strike: ['A', 'Z9'] }] };
    const r = await tally(write('bad.json', JSON.stringify(bad)));
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['error']);
    expect(Object.keys(out.error)).toEqual(['code', 'message']);
    expect(out.error.code).toBe('BALLOT_UNKNOWN_CANDIDATE');
    expect(out.error.message).toContain('ballots[5] (phiếu thứ 6)');
    expect(out.error.message).toContain('"Z9"');
  });

  it('schema errors, invalid JSON and a missing file: exit 2 with their codes', async () => {
    const schema = await tally(write('schema.json', JSON.stringify({ ...ex1, kind: 'x' })));
    expect([schema.code, JSON.parse(schema.stdout).error.code]).toEqual([2, 'INVALID_INPUT']);
    const json = await tally(write('broken.json', '{"regulation": '));
    expect([json.code, JSON.parse(json.stdout).error.code]).toEqual([2, 'INVALID_JSON']);
    const missing = await tally(path.join(dir, 'missing.json'));
    expect([missing.code, JSON.parse(missing.stdout).error.code]).toEqual([2, 'FILE_UNREADABLE']);
  });

  it('"-" reads the input from stdin', async () => {
    const r = await tally('-', JSON.stringify(ex1));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ denominator: 280, threshold: 141, elected: ids.slice(0, 17) });
  });
});
