import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';
import JSZip from 'jszip';
import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';
import { gone, launchBrowser, newUserPage, screenshot, screenshotsDir, seen, signIn, takeScriptErrors, textOf } from './support/browser.ts';
import { apiAs, repoRoot, startServer, type TestServer } from './support/server.ts';
import { buildWorkbook, readFirstSheet, xlsxMime } from './support/workbooks.ts';
import { type EntryKeys, keyOfPosition, positionOfKey } from '../shared/src/ballot-keys.ts';
import { pdfPageCount, pdfQrCodes, pdfText, pdfWords } from '../server/src/domains/elections/documents/test-support.ts';
import { execFileSync } from 'node:child_process';

// Congress day in the browser: the organizer sets up an election, two entry teams type 40 paper
// ballots each with the keyboard only (3 discrepancies, 2 invalid ballots), the counting chief
// reconciles, counts and publishes, and the hall's projector shows the result without a reload.
// Every figure on screen is checked against a computation made here from the paper ballots.

type Org = { id: number; code: string; name: string };
type RoundCandidate = { position: number; ballotNo: number; fullName: string };

let server: TestServer;
let browser: Browser;
let ward: Org;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const admin = await apiAs(server.url, 'admin', 'QuangNinh@2020');
  // A grassroots party committee of Móng Cái: its members' congress elects a committee of 10.
  ward = (await admin.get<Org[]>('/orgs/search?q=QN-MC-001'))[0]!;
});

afterEach(async (ctx) => {
  // A failing step leaves a picture of every open page, to see what the user would have seen.
  if (ctx.task.result?.state === 'fail') {
    let i = 0;
    for (const c of contexts)
      for (const p of c.pages()) {
        console.log(`failed step: page ${++i} at ${p.url()}`);
        await screenshot(p, `elections-failed-${i}`).catch(() => undefined);
      }
  }
  expect(takeScriptErrors()).toEqual([]);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** A signed-in API client that writes too (CSRF header), to prepare data the way a script would. */
async function client(username: string, password: string) {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!login.ok) throw new Error(`login ${username}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/api${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}

async function userPage(username: string, password: string): Promise<Page> {
  const { context, page } = await newUserPage(browser, server.url);
  contexts.push(context);
  await signIn(page, username, password);
  return page;
}

// ---- The paper ballots, and what the counting must give (computed here, independently) ----

const N = 11; // names on the ballot
const SEATS = 10;
const SUMMONED = 45;
const EXCLUDED = { suspended: 1, absentWholeCongressWithReason: 2 };
const D = SUMMONED - EXCLUDED.suspended - EXCLUDED.absentWholeCongressWithReason; // 42
const THRESHOLD = Math.floor(D / 2) + 1; // more than half: 22
const BALLOTS = 40;

const names = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em',
  'Vũ Thị Giang',
  'Đặng Văn Hùng',
  'Bùi Thị Lan',
  'Đỗ Văn Minh',
  'Ngô Thị Nga',
  'Dương Văn Phúc',
];

type Paper = { serial: number } & ({ kind: 'strike'; struck: number[] } | { kind: 'invalid'; reason: string });

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOT_STAMPED = 'Phiếu không có dấu của cấp ủy triệu tập đại hội';
const EXTRA_MARK = 'Phiếu ghi thêm nội dung khác, ký tên hoặc có dấu hiệu nhận biết';

/**
 * 40 ballots as voters mark them on a list of 11 for 10 seats: most strike one name, some two or
 * three; one name is struck far more often (so the result has a clear last place). Ballot 7 has no
 * stamp; ballot 21 strikes nobody (keeps 11 > 10: invalid by its marks).
 */
function paperBallots(): Paper[] {
  const rnd = mulberry32(20200915);
  const weights = Array.from({ length: N }, (_, i) => (i === 3 ? 6 : 1));
  const pick = (exclude: Set<number>) => {
    const total = weights.reduce((s, w, i) => s + (exclude.has(i + 1) ? 0 : w), 0);
    let r = rnd() * total;
    for (let i = 0; i < N; i++) {
      if (exclude.has(i + 1)) continue;
      r -= weights[i]!;
      if (r <= 0) return i + 1;
    }
    return N;
  };
  const out: Paper[] = [];
  for (let serial = 1; serial <= BALLOTS; serial++) {
    if (serial === 7) {
      out.push({ serial, kind: 'invalid', reason: NOT_STAMPED });
      continue;
    }
    if (serial === 21) {
      out.push({ serial, kind: 'strike', struck: [] });
      continue;
    }
    const r = rnd();
    const count = serial === 17 ? 2 : r < 0.6 ? 1 : r < 0.9 ? 2 : 3;
    const struck = new Set<number>();
    while (struck.size < count) struck.add(pick(struck));
    out.push({ serial, kind: 'strike', struck: [...struck].sort((a, b) => a - b) });
  }
  return out;
}

/** The typist reads numbers the way the page does: a digit extends the number while it stays on the list. */
function greedyRead(text: string, n: number): number[] {
  const out: number[] = [];
  let pending = '';
  for (const ch of text) {
    if (/\d/.test(ch)) {
      if (pending && Number(pending + ch) <= n && Number(pending) !== 0) pending += ch;
      else {
        if (pending) out.push(Number(pending));
        pending = ch;
      }
    } else if (pending) {
      out.push(Number(pending));
      pending = '';
    }
  }
  if (pending) out.push(Number(pending));
  return out;
}

/** Keystrokes measured here are the figures `npm run bench -- elections` reports (issue 3, Performance). */
function recordKeystrokes(list: string, figures: Record<string, number>) {
  const file = path.join(repoRoot, '.tmp', 'keystrokes.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const before = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  fs.writeFileSync(file, JSON.stringify({ ...before, [list]: { ...figures, measuredAt: new Date().toISOString() } }, null, 2));
}

/**
 * Types strike-out ballots with one-key codes on the entry screen open in `page`, checks that the
 * screen reads each as the struck names, saves it, and records what each cost (issue 3's budget).
 */
async function typeKeyedBallots(page: Page, ballots: number[][], list: { names: number; seats: number; shot: string; label?: string }) {
  const measured: { keys: number; struck: number }[] = [];
  const costs: string[] = [];
  for (const [i, struck] of ballots.entries()) {
    const text = keysFor(struck, list.names);
    await page.keyboard.type(text);
    const onScreen = page.locator('.ballot-sheet__item--struck .ballot-sheet__no');
    await expect.poll(async () => (await onScreen.allInnerTexts()).map(Number)).toEqual(struck);
    if (i === 1) await screenshot(page, list.shot, { fullPage: false });
    await page.keyboard.press('Enter');
    await waitForAck(page, i + 1, i + 1);
    costs.push(`[${struck.join(',')}] typed "${text}" + Enter = ${text.length + 1} keys for ${struck.length} names`);
    measured.push({ keys: text.length + 1, struck: struck.length });
  }
  recordKeystrokes(`list${list.names}for${list.seats}`, {
    ballots: measured.length,
    keysPerBallot: +(measured.reduce((sum, x) => sum + x.keys, 0) / measured.length).toFixed(2),
    struckPerBallot: +(measured.reduce((sum, x) => sum + x.struck, 0) / measured.length).toFixed(2),
    maxKeysOverStruck: Math.max(...measured.map((x) => x.keys - x.struck)),
    ballotsOverBudget: measured.filter((x) => x.keys > x.struck + 2).length,
  });
  console.log(`elections journey, ${list.names} names / ${list.seats} seats${list.label ? ` (${list.label})` : ''}: ${costs.join('; ')}`);
  return measured;
}

/**
 * What a typist types for the struck names, top to bottom as on the paper. With one-key codes
 * (new elections' default, ADR 0007): the code printed beside each name. With the printed
 * numbers: no separator unless the screen would read the digits as another name (then one space).
 */
function keysFor(struck: number[], n = N, keys: EntryKeys = 'keys'): string {
  if (keys === 'keys') {
    // As a typist does on a list of more than 42 names: the first group's codes, then one dot and the second group's keys.
    const codes = [...struck].sort((a, b) => a - b).map((k) => keyOfPosition(k)!);
    const first = codes.filter((c) => c.length === 1);
    const second = codes.filter((c) => c.length === 2).map((c) => c.slice(1));
    return first.join('') + (second.length ? `.${second.join('')}` : '');
  }
  let text = '';
  for (const k of struck) {
    const joined = text + String(k);
    const sofar = [...greedyRead(text, n), k];
    text = JSON.stringify(greedyRead(joined, n)) === JSON.stringify(sofar) ? joined : `${text} ${k}`;
  }
  return text;
}

function expectedResult(papers: Paper[]) {
  const valid = papers.filter((p) => p.kind === 'strike' && N - p.struck.length <= SEATS && p.struck.length < N);
  const votes = new Map<number, number>();
  for (let pos = 1; pos <= N; pos++) votes.set(pos, valid.filter((p) => p.kind === 'strike' && !p.struck.includes(pos)).length);
  const ranked = [...votes].filter(([, v]) => v >= THRESHOLD).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  // The data must not tie at the cut-off (that would be a tie-break round, another journey).
  if (ranked.length > SEATS) expect(ranked[SEATS - 1]![1]).toBeGreaterThan(ranked[SEATS]![1]);
  const elected = ranked.slice(0, SEATS).map(([pos]) => pos);
  // % of D, rounded half up to 2 decimals, written the Vietnamese way: 85,71%.
  const percent = (v: number) => {
    const scaled = Math.floor((v * 10_000 * 2 + D) / (2 * D));
    return `${Math.floor(scaled / 100)},${String(scaled % 100).padStart(2, '0')}%`;
  };
  return { valid: valid.length, invalid: papers.length - valid.length, votes, elected, percent };
}

const papers = paperBallots();
const expected = expectedResult(papers);

/** One team's typing: what it types for each ballot (team B mistypes 3 of them). */
type Typing = { serial: number; struck: number; action: { type: 'numbers'; text: string } | { type: 'invalid'; reason: string } | { type: 'nobody' } };

function typingFor(team: 'A' | 'B'): Typing[] {
  return papers.map((p) => {
    if (p.kind === 'invalid') return { serial: p.serial, struck: 0, action: { type: 'invalid', reason: p.reason } };
    if (team === 'B' && p.serial === 5) return { serial: 5, struck: 1, action: { type: 'numbers', text: keysFor([p.struck[0] === 1 ? 2 : 1]) } };
    if (team === 'B' && p.serial === 17) return { serial: 17, struck: 1, action: { type: 'numbers', text: keysFor(p.struck.slice(0, 1)) } };
    if (team === 'B' && p.serial === 33) return { serial: 33, struck: 0, action: { type: 'invalid', reason: EXTRA_MARK } };
    if (p.struck.length === 0) return { serial: p.serial, struck: 0, action: { type: 'nobody' } };
    return { serial: p.serial, struck: p.struck.length, action: { type: 'numbers', text: keysFor(p.struck) } };
  });
}

/** Waits until the page acknowledged `count` saves, the last one being `serial`: the server answered 200. */
async function waitForAck(page: Page, count: number, serial: number) {
  const list = page.locator('.entry-saved__list > li');
  await expect.poll(() => list.count(), { timeout: 10_000 }).toBe(count);
  expect(await list.first().getAttribute('data-serial')).toBe(String(serial));
}

type Measured = { serial: number; struck: number; keys: number };

/** Types a team's 40 ballots with the keyboard only, counting every key pressed per ballot. */
async function typeTeam(page: Page, typings: Typing[], opts: { shoot: boolean; correctTwelve: boolean; typeAheadAt?: number }): Promise<Measured[]> {
  const measured: Measured[] = [];
  let acks = 0;
  for (let i = 0; i < typings.length; i++) {
    const t = typings[i]!;
    try {
      // The serial moved on by itself: nothing to type for it.
      expect(await page.locator('#ballot-serial').inputValue()).toBe(String(t.serial));
      const next = typings[i + 1];
      if (t.serial === opts.typeAheadAt && t.action.type === 'numbers' && next?.action.type === 'numbers') {
        // A fast typist starts the next ballot before the last one is acknowledged: nothing typed is lost.
        for (const ch of t.action.text) await page.keyboard.press(ch === ' ' ? 'Space' : ch);
        await page.keyboard.press('Enter');
        for (const ch of next.action.text) await page.keyboard.press(ch === ' ' ? 'Space' : ch);
        await waitForAck(page, ++acks, t.serial);
        await expect.poll(() => page.locator('#ballot-marks').inputValue()).toBe(next.action.text);
        expect(await page.locator('#ballot-serial').inputValue()).toBe(String(next.serial));
        await page.keyboard.press('Enter');
        await waitForAck(page, ++acks, next.serial);
        measured.push({ serial: t.serial, struck: t.struck, keys: t.action.text.length + 1 }, { serial: next.serial, struck: next.struck, keys: next.action.text.length + 1 });
        i++;
        continue;
      }
      measured.push(await typeOne(page, t, ++acks, opts.shoot));
      if (opts.correctTwelve && t.serial === 13) await correctTwelve(page, ++acks);
    } catch (e) {
      await screenshot(page, `elections-failed-at-${t.serial}`);
      throw e;
    }
  }
  return measured;
}

/** Ballot 12 as team A first typed it: one name off. */
function mistypeFirst12(t: Typing[]): Typing[] {
  return t.map((b) => {
    if (b.serial !== 12 || b.action.type !== 'numbers') return b;
    const right = (papers[11] as { struck: number[] }).struck;
    const wrong = right.map((k) => (k === N ? 1 : k + 1));
    return { ...b, action: { type: 'numbers', text: keysFor([...new Set(wrong)].sort((a, c) => a - c)) } };
  });
}

describe('congress day: an election from setup to the published result, in the browser', () => {
  let organizer: Page;
  let projector: Page;
  let electionId: number;
  let ballot: RoundCandidate[];
  let typistA: Page;

  it('the organizer creates the election with its list, sees D and the list checks', async () => {
    organizer = await userPage('mongcai', 'MongCai@2020');
    await organizer.goto(`/orgs/${ward.id}`);
    await seen(organizer.getByRole('heading', { name: ward.name, level: 3 }));
    await organizer.getByRole('tab', { name: 'Bầu cử' }).click();
    // The demo province already has the ward's secretary election of 2020; this journey adds its committee election.
    await seen(organizer.getByRole('button', { name: 'Tạo cuộc bầu cử' }));
    await organizer.getByRole('button', { name: 'Tạo cuộc bầu cử' }).click();
    const dialog = organizer.getByRole('dialog', { name: `Tạo cuộc bầu cử — ${ward.name}` });
    await dialog.getByLabel('Tên cuộc bầu cử').fill(`Bầu Ban Chấp hành ${ward.name} khóa 2020–2025`);
    // A select showing a value: the keyboard opens its list.
    await dialog.getByLabel('Hình thức đại hội').focus();
    await dialog.getByLabel('Hình thức đại hội').press('ArrowDown');
    await organizer.getByRole('option', { name: 'Đại hội đảng viên', exact: true }).click();
    await dialog.getByLabel('Số lượng cần bầu').fill(String(SEATS));
    await dialog.getByLabel('Đảng viên chính thức được triệu tập').fill(String(SUMMONED));
    // Only the members' congress categories are offered.
    await gone(dialog.getByLabel('Đại biểu chính thức vắng mặt suốt đại hội, không có dự khuyết thay thế'));
    await dialog.getByLabel('Đảng viên bị đình chỉ sinh hoạt đảng').fill(String(EXCLUDED.suspended));
    await dialog.getByLabel('Đảng viên vắng mặt suốt đại hội có lý do chính đáng').fill(String(EXCLUDED.absentWholeCongressWithReason));
    // The committee's Excel file: a title row, STT and "Họ và tên"; a formula row is named, not taken.
    const file = await buildWorkbook([['DANH SÁCH BẦU CỬ'], ['STT', 'Họ và tên'], ...names.slice(0, 3).map((n, i) => [i + 1, n]), [4, { formula: 'B3&B4' }]]);
    await dialog.locator('input[type=file]').setInputFiles({ name: 'danh-sach-bau-cu.xlsx', mimeType: xlsxMime, buffer: file });
    await seen(dialog.getByRole('alert').filter({ hasText: 'Dòng 7, cột B: là công thức (=B3&B4), không phải họ và tên.' }));
    await seen(dialog.getByText('Đã nhận 3 người'));
    // Pasted from Excel: a number column, then the name; in reverse order, the server orders the ballot.
    await dialog.getByLabel('Danh sách bầu cử').fill([...names].reverse().map((n, i) => `${i + 1}\t${n}`).join('\n'));
    await seen(dialog.getByText('Đã nhận 11 người'));
    await screenshot(organizer, 'elections-01-create', { fullPage: false });
    await dialog.getByRole('button', { name: 'Tạo cuộc bầu cử' }).click();
    await organizer.waitForURL(/\/elections\/\d+$/);
    electionId = Number(/\/elections\/(\d+)$/.exec(organizer.url())![1]);

    await seen(organizer.getByRole('heading', { name: `Bầu Ban Chấp hành ${ward.name} khóa 2020–2025`, level: 3 }));
    const dBox = organizer.getByRole('region', { name: 'Cách tính số phiếu trúng cử' });
    expect(await textOf(dBox)).toContain(`Số làm căn cứ (D) ${D} D = ${SUMMONED} − ${EXCLUDED.suspended} − ${EXCLUDED.absentWholeCongressWithReason}`);
    expect(await textOf(dBox)).toContain(`từ ${THRESHOLD} phiếu trở lên`);
    await seen(organizer.getByText('Danh sách hợp lệ: 11 người cho 10 chỗ.'));
    // The settings the regulation does not fix are labelled as such.
    await organizer.getByText('Quy định chưa xác nhận (đang dùng giá trị mặc định)').click();
    await seen(organizer.getByText('chưa xác nhận', { exact: true }));
    // The ballot order is the regulation's (given name), not the order pasted.
    const rows = await organizer.locator('.ant-table-tbody tr td:nth-child(2)').allInnerTexts();
    expect(rows).toEqual(names);
    await screenshot(organizer, 'elections-02-setup');

    const api = await apiAs(server.url, 'mongcai', 'MongCai@2020');
    ballot = (await api.get<{ round: { candidates: RoundCandidate[] } }>(`/elections/${electionId}`)).round.candidates;
    expect(ballot.map((c) => c.fullName)).toEqual(names);

    // A name proposed from the floor: 12 of 40 present is not more than 30 %; the vote is kept, the list is not changed.
    const nominations = organizer.getByRole('region', { name: 'Đề cử, ứng cử tại đại hội' });
    await nominations.getByLabel('Họ và tên').fill('Lý Văn Tâm');
    await nominations.getByLabel('Tổng số có mặt (biểu quyết đề cử)').fill('40');
    await nominations.getByLabel('Số đồng ý').fill('12');
    await seen(nominations.getByText('Cần ít nhất 13 người đồng ý (hơn 30% của 40).'));
    await nominations.getByRole('button', { name: 'Ghi kết quả biểu quyết' }).click();
    await seen(organizer.getByText('Lý Văn Tâm không đủ số đồng ý (12/40, cần 13); đã ghi kết quả, không đưa vào danh sách.'));
    await seen(nominations.getByRole('row').filter({ hasText: 'Lý Văn Tâm' }).getByText('Không đủ số đồng ý'));
    await seen(organizer.getByText('Danh sách bầu cử (11 người)'));
    await screenshot(organizer, 'elections-02b-nomination-refused', { fullPage: false });

    // How the ballots are typed is chosen before printing: new elections start on one-key codes (ADR 0007).
    const keysChoice = organizer.getByRole('radiogroup', { name: 'Cách nhập phiếu' });
    await expect.poll(() => keysChoice.getByRole('radio', { name: 'Mã một phím' }).isChecked()).toBe(true);
    await keysChoice.getByText('Số thứ tự', { exact: true }).click();
    await seen(organizer.getByText('Đã lưu cách nhập phiếu. In lại phiếu nếu đã in.'));
    await seen(organizer.getByText(/Người nhập gõ số thứ tự của các tên bị gạch/));
    await keysChoice.getByText('Mã một phím', { exact: true }).click();
    await expect.poll(() => keysChoice.getByRole('radio', { name: 'Mã một phím' }).isChecked()).toBe(true);
    await seen(organizer.getByText(/in nhỏ màu xám bên phải họ tên trên phiếu/));

    // Print the ballots as the committee does, render them to PNG and read them back.
    await organizer.getByLabel('Số phiếu cần in').fill(String(3));
    const href = await organizer.getByRole('link', { name: 'In phiếu bầu vòng 1 (PDF)' }).getAttribute('href');
    const pdf = Buffer.from(await (await organizer.request.get(href!)).body());
    expect(pdfPageCount(pdf)).toBe(2);
    const png = path.join(screenshotsDir, 'elections-02c-ballots');
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', '-singlefile', '-', png], { input: pdf });
    expect(fs.statSync(`${png}.png`).size).toBeGreaterThan(10_000);
    const { words } = pdfWords(pdf);
    // The 11th name (the last given name in order) carries the code "a" on its line; 10th the code "0".
    const last = names[10]!.split(' ').at(-1)!;
    const lastWord = words.find((w) => w.text === last && w.page === 1)!;
    expect(words.some((w) => w.text === 'a' && w.page === 1 && Math.abs(w.yMin - lastWord.yMin) < 6 && w.xMin > lastWord.xMax)).toBe(true);
    const qr = pdfQrCodes(pdf, 100).map((c) => JSON.parse(c) as { e: number; r: number; s: number });
    expect(qr.map((c) => c.s).sort((x, y) => x - y)).toEqual([1, 2, 3]);
    expect(qr.every((c) => c.e === electionId && c.r === 1)).toBe(true);
  });

  it('assigns the counting committee and opens entry once the quorum holds', async () => {
    const pickUser = async (label: string, field: string, username: string) => {
      const box = organizer.getByLabel(label, { exact: true });
      await box.focus();
      await box.pressSequentially(username);
      // Keyboard: the only suggestion left is active; Enter takes it.
      await seen(organizer.locator(`[id^="${field}_list_"].ant-select-item-option-active`).filter({ hasText: `(${username})` }));
      await organizer.keyboard.press('Enter');
      await organizer.keyboard.press('Escape');
    };
    await pickUser('Trưởng Ban kiểm phiếu', 'chief', 'kiemphieu');
    await pickUser('Tổ nhập phiếu A', 'teamA', 'nhapphieu.a');
    await pickUser('Tổ nhập phiếu B', 'teamB', 'nhapphieu.b');
    await organizer.getByRole('button', { name: 'Lưu phân công' }).click();
    await seen(organizer.getByText('Đã lưu phân công Ban kiểm phiếu.'));

    // Below two thirds of those summoned: the server refuses and says why, in Vietnamese.
    await organizer.getByLabel('Số có mặt', { exact: true }).fill('29');
    await organizer.getByLabel('Số phiếu phát ra').fill('29');
    await organizer.getByLabel('Số phiếu thu vào').fill('29');
    await organizer.getByLabel('Tán thành', { exact: true }).fill('29');
    await organizer.getByLabel('Không tán thành').fill('0');
    await organizer.getByRole('button', { name: 'Bắt đầu nhập phiếu' }).click();
    await seen(organizer.getByRole('alert').filter({ hasText: 'Có mặt 29/45, cần ít nhất 30 (hai phần ba số được triệu tập)' }));
    await screenshot(organizer, 'elections-03-quorum-refused', { fullPage: false });

    await organizer.getByLabel('Số có mặt', { exact: true }).fill('40');
    await organizer.getByLabel('Có mặt khi biểu quyết').fill('40');
    await organizer.getByLabel('Số phiếu phát ra').fill(String(BALLOTS));
    await organizer.getByLabel('Số phiếu thu vào').fill(String(BALLOTS));
    await organizer.getByLabel('Tán thành', { exact: true }).fill('39');
    await organizer.getByLabel('Không tán thành').fill('1');
    await organizer.getByRole('button', { name: 'Bắt đầu nhập phiếu' }).click();
    await seen(organizer.getByText('Đã mở nhập phiếu.'));
    await seen(organizer.locator('.election-head').getByText('Đang nhập phiếu', { exact: true }));
    await screenshot(organizer, 'elections-04-entry-open');
  });

  it('the projector, opened before publication, waits', async () => {
    projector = await organizer.context().newPage();
    await projector.setViewportSize({ width: 1600, height: 900 });
    await projector.goto(`/elections/${electionId}/projector`);
    await seen(projector.getByText('Đang chờ công bố kết quả'));
    await screenshot(projector, 'elections-08-projector-waiting', { fullPage: false });
  });

  it('two teams enter the 40 ballots independently, keyboard only, within (struck names + 2) keys a ballot', async () => {
    const openEntry = async (username: string, password: string) => {
      const page = await userPage(username, password);
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Bầu cử của tôi' }).click();
      const row = page.getByRole('row').filter({ hasText: `Bầu Ban Chấp hành ${ward.name}` });
      if (username === 'nhapphieu.a') await screenshot(page, 'elections-00-my-elections', { fullPage: false });
      await row.getByRole('button', { name: 'Nhập phiếu' }).click();
      await seen(page.getByLabel('Số phiếu', { exact: true }));
      // The cursor waits in the numbers field, the serial already filled in.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 15_000 }).toBe('ballot-marks');
      expect(await page.locator('#ballot-serial').inputValue()).toBe('1');
      return page;
    };
    const [a, b] = await Promise.all([openEntry('nhapphieu.a', 'NhapPhieuA@2020'), openEntry('nhapphieu.b', 'NhapPhieuB@2020')]);
    typistA = a;

    // Typist A first mistypes ballot 12 (and corrects it after ballot 13); the measure counts the first typing.
    const [measuredA, measuredB] = await Promise.all([
      typeTeam(a, mistypeFirst12(typingFor('A')), { shoot: true, correctTwelve: true }),
      typeTeam(b, typingFor('B'), { shoot: false, correctTwelve: false, typeAheadAt: 25 }),
    ]);

    for (const [team, page] of [['A', a], ['B', b]] as const) {
      expect(await textOf(page.getByTestId('team-count'))).toBe(`Đã nhập ${BALLOTS} / ${BALLOTS} phiếu thu vào`);
      await seen(page.getByText(`Tổ ${team} đã nhập đủ ${BALLOTS} phiếu.`));
    }
    await screenshot(a, 'elections-09-entry-done');

    // A failed save stays in the field with the server's message.
    await a.keyboard.press('*');
    await a.keyboard.type('41');
    await a.keyboard.press('Enter');
    await a.keyboard.type('3');
    await a.keyboard.press('Enter');
    await seen(a.getByRole('alert').filter({ hasText: 'Số phiếu 41 vượt quá số phiếu phát ra (40).' }));
    expect(await a.locator('#ballot-marks').inputValue()).toBe('3');
    await screenshot(a, 'elections-10-entry-refused', { fullPage: false });
    await a.keyboard.press('Escape');

    // A typist never sees the other team's entries.
    expect((await b.request.get(`/api/elections/${electionId}/reconciliation`)).status()).toBe(403);
    const mineB = (await (await b.request.get(`/api/elections/${electionId}/ballots/mine`)).json()) as { team: string; entries: { serial: number; entry: unknown }[] };
    expect(mineB.team).toBe('B');
    expect(mineB.entries.find((x) => x.serial === 33)!.entry).toMatchObject({ kind: 'invalid', reason: 'EXTRA_CONTENT_OR_MARK' });

    const report = (team: string, m: Measured[]) => {
      const over = m.filter((x) => x.keys > x.struck + 2);
      const total = m.reduce((s, x) => s + x.keys, 0);
      const struck = m.reduce((s, x) => s + x.struck, 0);
      console.log(
        `elections journey, team ${team}: ${m.length} ballots, ${total} keystrokes (${(total / m.length).toFixed(2)} per ballot, max ${Math.max(...m.map((x) => x.keys))}); ` +
          `struck names ${struck} (${(struck / m.length).toFixed(2)} per ballot); keystrokes − struck names per ballot: max ${Math.max(...m.map((x) => x.keys - x.struck))}; ` +
          `ballots over (struck + 2): ${over.length}${over.length ? ` (${over.map((x) => `#${x.serial}: ${x.keys} keys for ${x.struck}`).join(', ')})` : ''}`,
      );
      return over;
    };
    const overA = report('A', measuredA);
    const overB = report('B', measuredB);
    console.log(`KEYSTROKES_PER_BALLOT ${JSON.stringify({ teamA: +(measuredA.reduce((s, x) => s + x.keys, 0) / measuredA.length).toFixed(2), teamB: +(measuredB.reduce((s, x) => s + x.keys, 0) / measuredB.length).toFixed(2), maxOverStruck: Math.max(...[...measuredA, ...measuredB].map((x) => x.keys - x.struck)) })}`);
    const all = [...measuredA, ...measuredB];
    recordKeystrokes('list11for10', {
      ballots: all.length,
      keysPerBallot: +(all.reduce((sum, x) => sum + x.keys, 0) / all.length).toFixed(2),
      struckPerBallot: +(all.reduce((sum, x) => sum + x.struck, 0) / all.length).toFixed(2),
      maxKeysOverStruck: Math.max(...all.map((x) => x.keys - x.struck)),
      ballotsOverBudget: overA.length + overB.length,
    });
    expect(overA).toEqual([]);
    expect(overB).toEqual([]);
  });

  it('the chief reconciles the 3 discrepancies against the paper, counts and publishes; the projector follows live', async () => {
    const chief = await userPage('kiemphieu', 'KiemPhieu@2020');
    await chief.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Bầu cử của tôi' }).click();
    await chief.getByRole('row').filter({ hasText: `Bầu Ban Chấp hành ${ward.name}` }).getByRole('button', { name: 'Đối chiếu và kiểm phiếu' }).click();
    const counts = chief.getByLabel('Tình hình đối chiếu');
    await seen(counts);
    await expect.poll(async () => textOf(counts)).toContain('Đã thống nhất 37 / 40');
    expect(await textOf(counts)).toContain('Hai tổ khác nhau 3');
    const problems = chief.locator('.reconcile__problem');
    expect(await problems.locator('.reconcile__serial').allInnerTexts()).toEqual(['Phiếu số 5', 'Phiếu số 17', 'Phiếu số 33']);
    expect(await textOf(chief.getByRole('region', { name: 'Phiếu số 33 cần đối chiếu' }))).toContain(`Không hợp lệ: ${EXTRA_MARK}`);
    // Nothing is counted while ballots disagree.
    expect(await chief.getByRole('button', { name: 'Kiểm phiếu' }).isDisabled()).toBe(true);
    await screenshot(chief, 'elections-11-reconcile');

    // Keyboard: the first problem has the cursor; type what the paper says, Enter, the reason, Enter.
    for (const [i, serial] of [5, 17, 33].entries()) {
      const paper = papers[serial - 1] as { struck: number[] };
      await expect.poll(() => chief.evaluate(() => document.activeElement?.id), { timeout: 15_000 }).toBe(`resolve-${serial}`);
      await chief.keyboard.type(keysFor(paper.struck));
      await chief.keyboard.press('Enter');
      if (i === 0) {
        await chief.keyboard.type('Đối chiếu với phiếu giấy');
        await chief.keyboard.press('Enter');
      }
      await gone(chief.getByRole('region', { name: `Phiếu số ${serial} cần đối chiếu` }));
    }
    await expect.poll(async () => textOf(counts)).toContain('Đã thống nhất 40 / 40');
    await seen(chief.getByText('Cả 40 phiếu đã thống nhất. Có thể kiểm phiếu.'));
    await chief.getByRole('button', { name: 'Kiểm phiếu' }).click();
    await seen(chief.getByText('Đã kiểm phiếu.'));

    // The count, checked against the paper ballots.
    await checkResultOnScreen(chief);
    // Not public yet: the projector still waits.
    await seen(projector.getByText('Đang chờ công bố kết quả'));
    await screenshot(chief, 'elections-12-counted');

    await chief.getByRole('button', { name: 'Công bố kết quả' }).click();
    await chief.getByRole('tooltip').getByRole('button', { name: 'Công bố kết quả' }).click();
    await chief.waitForURL(new RegExp(`/elections/${electionId}/results$`));
    await seen(chief.getByRole('heading', { name: 'Kết quả bầu cử', level: 3 }));
    await checkResultOnScreen(chief);
    await seen(chief.getByText('Chờ cấp trên chuẩn y'));
    await screenshot(chief, 'elections-13-results');

    // The projector shows the result without a reload, pushed by the server.
    await seen(projector.getByText(`Trúng cử (${SEATS})`), 10_000);
    const shown = await projector.locator('.projector__elected .projector__list li .projector__name').allInnerTexts();
    expect(shown.map((n) => ballot.find((c) => c.fullName === n)!.position)).toEqual(expected.elected);
    const facts = await textOf(projector.locator('.projector__facts'));
    expect(facts).toContain(`${D} Số làm căn cứ (D)`);
    expect(facts).toContain(`${THRESHOLD} Số phiếu tối thiểu để trúng cử`);
    expect(facts).toContain(`${expected.valid} Hợp lệ`);
    expect(facts).toContain(`${expected.invalid} Không hợp lệ`);
    await screenshot(projector, 'elections-14-projector-result', { fullPage: false });
  });

  it('shows the complaint window and the deadlines, and the committee above records the approval (chuẩn y)', async () => {
    const api = await client('mongcai', 'MongCai@2020');
    const view = await api<{ approval: { closedOn: string; canApprove: boolean; deadlines: { complaintsUntil: string } } }>('GET', `/elections/${electionId}`);
    // Móng Cái's committee sits above the ward: it approves. The window is at least 15 weekdays (holidays only lengthen it).
    expect(view.approval.canApprove).toBe(true);
    const weekdays = (from: string, to: string) => {
      let n = 0;
      for (let d = new Date(`${from}T00:00:00Z`); d < new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
        const next = new Date(d.getTime() + 86_400_000).getUTCDay();
        if (next !== 0 && next !== 6) n++;
      }
      return n;
    };
    expect(weekdays(view.approval.closedOn, view.approval.deadlines.complaintsUntil)).toBeGreaterThanOrEqual(15);
    const vi = (iso: string) => iso.split('-').reverse().join('/');

    await organizer.goto(`/elections/${electionId}/results`);
    expect(await textOf(organizer.getByTestId('complaints-until'))).toBe(vi(view.approval.deadlines.complaintsUntil));
    await organizer.getByLabel('Số quyết định').fill('125-QĐ/ThU');
    await organizer.getByLabel('Ngày quyết định').fill(vi(view.approval.closedOn));
    await screenshot(organizer, 'elections-18-approval', { fullPage: false });
    // Enter takes the typed date and sends the form.
    await organizer.getByLabel('Ngày quyết định').press('Enter');
    await seen(organizer.getByText('Đã ghi quyết định chuẩn y.'));
    await seen(organizer.getByText(`Quyết định số 125-QĐ/ThU ngày ${vi(view.approval.closedOn)}`));
    await seen(organizer.getByText('Đã chuẩn y', { exact: true }));
  });

  it('offers the minutes and the entry log once counted: the files downloaded from the results page hold the paper ballots\' figures', async () => {
    await organizer.goto(`/elections/${electionId}/results`);
    await seen(organizer.getByRole('heading', { name: 'Kết quả bầu cử', level: 3 }));
    const docs = organizer.getByRole('link', { name: 'Biên bản kiểm phiếu (DOCX)' });
    await docs.scrollIntoViewIfNeeded();
    await screenshot(organizer, 'elections-19-documents', { fullPage: false });
    const title = `Bầu Ban Chấp hành ${ward.name} khóa 2020–2025`;
    const api = await apiAs(server.url, 'mongcai', 'MongCai@2020');
    const { counters } = await api.get<{ counters: { username: string; fullName: string; isChief: boolean; team: 'A' | 'B' | null }[] }>(`/elections/${electionId}`);
    const fullName = (username: string) => counters.find((c) => c.username === username)!.fullName;

    // Word: what the user saves with the button, read from word/document.xml.
    const docx = await downloadThroughPage(organizer, docs, 'minutes.docx');
    expect(docx.name).toMatch(/^Biên bản kiểm phiếu - .*\.docx$/);
    expect(docx.body.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    checkMinutes('DOCX', minutesFromDocx(xml), title, fullName);

    // PDF: the button opens a new tab, which receives the file; its text read back with poppler.
    const pdf = await downloadThroughPage(organizer, organizer.getByRole('link', { name: 'Biên bản kiểm phiếu (PDF)' }), 'minutes.pdf');
    expect(pdf.name).toMatch(/^Biên bản kiểm phiếu - .*\.pdf$/);
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    checkMinutes('PDF', minutesFromPdf(pdf.body), title, fullName);
    // The first page as the committee will print it, to look at.
    const png = path.join(screenshotsDir, 'elections-20-minutes-pdf');
    execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '1', '-singlefile', '-', png], { input: pdf.body });
    expect(fs.statSync(`${png}.png`).size).toBeGreaterThan(20_000);

    // The entry log: every save of both teams, the correction of ballot 12 and the chief's 3 decisions.
    const log = await downloadThroughPage(organizer, organizer.getByRole('link', { name: 'Nhật ký nhập phiếu (Excel)' }), 'entry-log.xlsx');
    expect(log.name).toMatch(/^Nhật ký nhập phiếu - .*\.xlsx$/);
    checkEntryLog(await readFirstSheet(log.body), title, fullName);
  });

  it('the demo congress: 41 names for 37 seats on one screen, and what a ballot costs there', async () => {
    // The organizer sets up the seeded election of Móng Cái city's delegates' congress.
    const api = await apiAs(server.url, 'mongcai', 'MongCai@2020');
    const mongCai = (await api.get<Org[]>('/orgs/search?q=QN-MC'))[0]!;
    await organizer.goto(`/orgs/${mongCai.id}`);
    await organizer.getByRole('tab', { name: 'Bầu cử' }).click();
    await organizer.getByRole('link', { name: /^Bầu Ban Chấp hành Đảng bộ thành phố Móng Cái/ }).click();
    await seen(organizer.getByText('Danh sách bầu cử (41 người)'));
    const dBox = organizer.getByRole('region', { name: 'Cách tính số phiếu trúng cử' });
    expect(await textOf(dBox)).toContain('Số làm căn cứ (D) 250');
    expect(await textOf(dBox)).toContain('từ 126 phiếu trở lên');
    for (const [label, field, user] of [
      ['Trưởng Ban kiểm phiếu', 'chief', 'kiemphieu'],
      ['Tổ nhập phiếu A', 'teamA', 'nhapphieu.a'],
      ['Tổ nhập phiếu B', 'teamB', 'nhapphieu.b'],
    ] as const) {
      await organizer.getByLabel(label, { exact: true }).focus();
      await organizer.getByLabel(label, { exact: true }).pressSequentially(user);
      await seen(organizer.locator(`[id^="${field}_list_"].ant-select-item-option-active`).filter({ hasText: `(${user})` }));
      await organizer.keyboard.press('Enter');
      await organizer.keyboard.press('Escape');
    }
    await organizer.getByRole('button', { name: 'Lưu phân công' }).click();
    await seen(organizer.getByText('Đã lưu phân công Ban kiểm phiếu.'));
    for (const [label, value] of [
      ['Số có mặt', '240'],
      ['Số phiếu phát ra', '240'],
      ['Số phiếu thu vào', '240'],
      ['Tán thành', '238'],
      ['Không tán thành', '2'],
    ] as const) {
      await organizer.getByLabel(label, { exact: true }).fill(value);
    }
    await organizer.getByRole('button', { name: 'Bắt đầu nhập phiếu' }).click();
    await seen(organizer.locator('.election-head').getByText('Đang nhập phiếu', { exact: true }));
    const demoId = Number(/\/elections\/(\d+)$/.exec(organizer.url())![1]);

    // A typist of team A types three ballots: a valid ballot keeps at most 37 of 41, so strikes 4 or more.
    const typist = typistA;
    await typist.goto(`/elections/${demoId}/entry`);
    await expect.poll(() => typist.evaluate(() => document.activeElement?.id), { timeout: 15_000 }).toBe('ballot-marks');
    const ballots = [
      [3, 14, 22, 40],
      [7, 9, 18, 33, 41],
      [1, 10, 25, 36],
    ];
    const keys41 = await typeKeyedBallots(typist, ballots, { names: 41, seats: 37, shot: 'elections-15-entry-41-names', label: 'the demo congress' });
    // One key per struck name plus Enter: within the issue's (struck + 2) on the demo's long list too.
    expect(keys41.filter((x) => x.keys > x.struck + 2)).toEqual([]);
  });

  it('after a tie at the cut-off, the organizer opens the tie-break round from the results page', async () => {
    // Prepared through the API: a cell congress of 12 elects 2 of 3; An 10, Bình 7, Cường 7 — Bình and Cường tie for the last seat.
    const org = await client('mongcai', 'MongCai@2020');
    const e = await org<{ id: number; version: number }>('POST', '/elections', {
      orgId: ward.id,
      title: 'Bầu Ban Thường vụ (thử bằng phiếu)',
      kind: 'executiveCommittee',
      regulation: '2024',
      congressKind: 'members',
      seats: 2,
      summoned: 12,
      candidates: [{ fullName: 'Lê Văn An' }, { fullName: 'Lê Thị Bình' }, { fullName: 'Lê Văn Cường' }],
    });
    const users = await org<{ id: number; username: string }[]>('GET', `/elections/${e.id}/eligible-counters`);
    const idOf = (u: string) => users.find((x) => x.username === u)!.id;
    const assigned = await org<{ version: number }>('PUT', `/elections/${e.id}/counters`, {
      counters: [{ userId: idOf('kiemphieu'), isChief: true }, { userId: idOf('nhapphieu.a'), team: 'A' }, { userId: idOf('nhapphieu.b'), team: 'B' }],
    });
    await org('POST', `/elections/${e.id}/open-entry`, { version: assigned.version, present: 12, ballotsIssued: 12, ballotsCollected: 12, listVote: { agree: 12, disagree: 0, present: 12 } });
    const [a, b, chief] = await Promise.all([client('nhapphieu.a', 'NhapPhieuA@2020'), client('nhapphieu.b', 'NhapPhieuB@2020'), client('kiemphieu', 'KiemPhieu@2020')]);
    const struck = [1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3];
    for (const [i, n] of struck.entries()) for (const team of [a, b]) await team('POST', `/elections/${e.id}/ballots`, { serial: i + 1, entry: { kind: 'strike', struck: [n] } });
    await chief('POST', `/elections/${e.id}/count`);
    await chief('POST', `/elections/${e.id}/publish`);

    await organizer.goto(`/elections/${e.id}/results`);
    await seen(organizer.getByText('Bằng phiếu ở vị trí cuối: Lê Thị Bình, Lê Văn Cường (7 phiếu) cho 1 chỗ.'));
    await seen(organizer.getByText('Vòng 2: bầu lại giữa những người bằng phiếu, bầu 1.'));
    await organizer.getByLabel('Số có mặt', { exact: true }).fill('12');
    await organizer.getByLabel('Số phiếu phát ra').fill('12');
    await organizer.getByLabel('Số phiếu thu vào').fill('12');
    await screenshot(organizer, 'elections-16-tie-next-round');
    await organizer.getByRole('button', { name: 'Mở vòng 2' }).click();
    await seen(organizer.getByText('Đã mở vòng 2.'));
    await seen(organizer.locator('.election-head').getByText('Vòng 2 — bầu lại giữa những người bằng phiếu'));

    // The typists now get the tie-break ballot: the two tied names, one to keep.
    await typistA.goto(`/elections/${e.id}/entry`);
    await seen(typistA.getByText('Phiếu bầu: 2 tên, bầu 1'));
    expect(await typistA.locator('.ballot-sheet__name').allInnerTexts()).toEqual(['Lê Thị Bình', 'Lê Văn Cường']);
  });

  it('a list without surplus: the typist types the "không đồng ý" numbers, "+" for both boxes, "-" for none', async () => {
    const org = await client('mongcai', 'MongCai@2020');
    const e = await org<{ id: number; version: number; form: string }>('POST', '/elections', {
      orgId: ward.id,
      title: 'Bầu Phó Bí thư (danh sách không dư)',
      kind: 'deputySecretary',
      regulation: '2024',
      congressKind: 'conference',
      seats: 2,
      summoned: 9,
      candidates: [{ fullName: 'Lê Văn An' }, { fullName: 'Lê Thị Bình' }],
    });
    expect(e.form).toBe('agreeDisagree');
    const users = await org<{ id: number; username: string }[]>('GET', `/elections/${e.id}/eligible-counters`);
    const idOf = (u: string) => users.find((x) => x.username === u)!.id;
    const assigned = await org<{ version: number }>('PUT', `/elections/${e.id}/counters`, {
      counters: [{ userId: idOf('kiemphieu'), isChief: true }, { userId: idOf('nhapphieu.a'), team: 'A' }, { userId: idOf('nhapphieu.b'), team: 'B' }],
    });
    await org('POST', `/elections/${e.id}/open-entry`, { version: assigned.version, present: 9, ballotsIssued: 9, ballotsCollected: 9, listVote: { agree: 9, disagree: 0, present: 9 } });

    await typistA.goto(`/elections/${e.id}/entry`);
    await seen(typistA.getByLabel('Các tên "không đồng ý"'));
    // The desk puts the cursor in the ballot field once the round is loaded; type only then.
    await expect.poll(() => typistA.evaluate(() => document.activeElement?.id), { timeout: 15_000 }).toBe('ballot-marks');
    // Typed → what the server must hold (names not typed were marked "đồng ý").
    const cases: [string, Record<string, string>][] = [
      ['', { 1: 'agree', 2: 'agree' }],
      ['2', { 1: 'agree', 2: 'disagree' }],
      ['1+', { 1: 'both', 2: 'agree' }],
      ['-', { 1: 'none', 2: 'none' }],
    ];
    for (const [i, [typed]] of cases.entries()) {
      await typistA.keyboard.type(typed);
      if (i === 2) {
        await expect.poll(() => typistA.locator('.ballot-sheet__item--both .ballot-sheet__name').allInnerTexts()).toEqual(['Lê Văn An']);
        await screenshot(typistA, 'elections-17-entry-no-surplus', { fullPage: false });
      }
      await typistA.keyboard.press('Enter');
      await waitForAck(typistA, i + 1, i + 1);
    }
    const mine = (await (await typistA.request.get(`/api/elections/${e.id}/ballots/mine`)).json()) as { entries: { serial: number; entry: { kind: string; marks: Record<string, string> } }[] };
    for (const [i, [, marks]] of cases.entries()) expect(mine.entries.find((x) => x.serial === i + 1)!.entry).toEqual({ kind: 'marks', marks });
  });

  it('a provincial-size list of 61 names for 55 seats: one dot opens the second group of codes, still within (struck names + 2) keys', async () => {
    const org = await client('mongcai', 'MongCai@2020');
    const given = ['An', 'Bình', 'Cường', 'Dung', 'Em', 'Giang', 'Hùng', 'Lan', 'Minh', 'Nga', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Uyên', 'Vinh', 'Xuân', 'Yến', 'Anh', 'Bảo', 'Chi', 'Duy', 'Đạt', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hòa', 'Huệ', 'Hương', 'Khánh', 'Khoa', 'Kiên', 'Linh', 'Long', 'Mai', 'Nam', 'Ngân', 'Nghĩa', 'Ngọc', 'Nhung', 'Oanh', 'Phong', 'Phương', 'Quang', 'Quyên', 'Sáng', 'Thảo', 'Thắng', 'Thanh', 'Thủy', 'Tiến', 'Toàn', 'Trang', 'Trung', 'Tuấn', 'Tùng', 'Vân', 'Việt', 'Yên'];
    const families = ['Nguyễn Văn', 'Trần Thị', 'Lê Đức', 'Phạm Thu', 'Hoàng Minh', 'Vũ Ngọc', 'Đặng Quang'];
    const candidates = given.map((g, i) => ({ fullName: `${families[i % families.length]} ${g}` }));
    expect(candidates).toHaveLength(61);
    const e = await org<{ id: number; version: number; entryKeys: string; roundEntryKeys: string }>('POST', '/elections', {
      orgId: ward.id,
      title: 'Bầu Ban Chấp hành (danh sách 61 người, bầu 55)',
      kind: 'executiveCommittee',
      regulation: '2024',
      congressKind: 'delegates',
      seats: 55,
      summoned: 348,
      candidates,
    });
    expect(e).toMatchObject({ entryKeys: 'keys', roundEntryKeys: 'keys' });
    const users = await org<{ id: number; username: string }[]>('GET', `/elections/${e.id}/eligible-counters`);
    const idOf = (u: string) => users.find((x) => x.username === u)!.id;
    const assigned = await org<{ version: number }>('PUT', `/elections/${e.id}/counters`, {
      counters: [{ userId: idOf('kiemphieu'), isChief: true }, { userId: idOf('nhapphieu.a'), team: 'A' }, { userId: idOf('nhapphieu.b'), team: 'B' }],
    });
    await org('POST', `/elections/${e.id}/open-entry`, { version: assigned.version, present: 348, ballotsIssued: 348, ballotsCollected: 348, listVote: { agree: 348, disagree: 0, present: 348 } });

    await typistA.goto(`/elections/${e.id}/entry`);
    await expect.poll(() => typistA.evaluate(() => document.activeElement?.id), { timeout: 15_000 }).toBe('ballot-marks');
    expect(await textOf(typistA.locator('.entry-keys'))).toContain('mở nhóm mã thứ hai (tên thứ 43 trở đi');
    expect(await textOf(typistA.locator('.ballot-sheet__item').nth(42).locator('.ballot-sheet__key'))).toBe('.1');
    // A valid ballot keeps at most 55 of 61 names: it strikes 6 or more.
    const ballots = [
      [2, 11, 30, 43, 50, 61],
      [5, 44, 45, 52, 53, 58, 60],
      [1, 2, 3, 4, 5, 6],
    ];
    const keys61 = await typeKeyedBallots(typistA, ballots, { names: 61, seats: 55, shot: 'elections-18-entry-61-names' });
    const mine = (await (await typistA.request.get(`/api/elections/${e.id}/ballots/mine`)).json()) as { entries: { serial: number; entry: { kind: string; struck: number[] } }[] };
    for (const [i, struck] of ballots.entries()) expect(mine.entries.find((x) => x.serial === i + 1)!.entry).toEqual({ kind: 'strike', struck });
    expect(keys61.filter((x) => x.keys > x.struck + 2)).toEqual([]);
  });

  /** D, threshold, ballots, and every candidate's votes and % of D as the page shows them. */
  async function checkResultOnScreen(page: Page) {
    expect(await textOf(page.getByTestId('result-d'))).toBe(String(D));
    expect(await textOf(page.getByTestId('result-threshold'))).toBe(`từ ${THRESHOLD} phiếu trở lên (quá một nửa D)`);
    expect(await textOf(page.getByTestId('result-valid'))).toBe(String(expected.valid));
    expect(await textOf(page.getByTestId('result-invalid'))).toBe(String(expected.invalid));
    const rows = page.getByTestId('result-table').locator('.ant-table-tbody tr');
    expect(await rows.count()).toBe(N);
    for (let i = 0; i < N; i++) {
      const cells = (await rows.nth(i).locator('td').allInnerTexts()).map((c) => c.trim());
      const pos = Number(cells[0]);
      const votes = expected.votes.get(pos)!;
      expect([cells[1], Number(cells[2]), cells[3]]).toEqual([names[pos - 1], votes, expected.percent(votes)]);
      expect(cells[5]).toBe(expected.elected.includes(pos) ? 'Trúng cử' : votes >= THRESHOLD ? 'Đủ phiếu, hết chỗ' : 'Không quá một nửa');
    }
    const electedNames = await page.getByTestId('elected-list').locator('.result-view__name').allInnerTexts();
    expect(electedNames).toEqual(expected.elected.map((p) => names[p - 1]));
  }
});

/** One ballot: the keys a typist presses, then the wait for the server's acknowledgement. */
async function typeOne(page: Page, t: Typing, ackNo: number, shoot: boolean): Promise<Measured> {
  let keys = 0;
  const press = async (key: string) => {
    await page.keyboard.press(key);
    keys++;
  };
  if (t.action.type === 'numbers') {
    for (const ch of t.action.text) await press(ch === ' ' ? 'Space' : ch);
    if (shoot && t.serial === 3) {
      const struckOnScreen = page.locator('.ballot-sheet__item--struck .ballot-sheet__no');
      await expect.poll(async () => (await struckOnScreen.allInnerTexts()).map(Number)).toEqual((papers[2] as { struck: number[] }).struck);
      await screenshot(page, 'elections-05-entry-typing');
    }
    await press('Enter');
  } else if (t.action.type === 'nobody') {
    await press('Enter');
    await seen(page.getByText('Phiếu không gạch tên nào: để lại 11 tên'));
    await press('Enter');
  } else {
    const reason = t.action.reason;
    await press('/');
    const picker = page.getByRole('dialog', { name: 'Phiếu không hợp lệ — chọn lý do' });
    const index = (await picker.locator('li').allInnerTexts()).findIndex((r) => r.includes(reason));
    expect(index).toBeGreaterThanOrEqual(0);
    if (shoot && t.serial === 7) await screenshot(page, 'elections-06-entry-invalid-picker', { fullPage: false });
    await press(String(index + 1));
  }
  await waitForAck(page, ackNo, t.serial);
  return { serial: t.serial, struck: t.struck, keys };
}

/** Typist A goes back to ballot 12 ("*", serial, Enter), retypes it and gives the reason the server asks for. */
async function correctTwelve(page: Page, ackNo: number) {
  const paper12 = papers[11] as { struck: number[] };
  await page.keyboard.press('*');
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await seen(page.locator('.entry-desk__previous'));
  await page.keyboard.type(keysFor(paper12.struck));
  await page.keyboard.press('Enter');
  await seen(page.getByText('Phiếu số 12 đã được tổ A nhập; sửa lại cần ghi lý do.'));
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('correction-reason');
  await page.keyboard.type('Gõ nhầm số');
  await screenshot(page, 'elections-07-entry-correction');
  await page.keyboard.press('Enter');
  await waitForAck(page, ackNo, 12);
  await seen(page.locator('.entry-saved__list > li').first().getByText('đã sửa'));
  // Back where the typist was: the next ballot not entered yet.
  expect(await page.locator('#ballot-serial').inputValue()).toBe('14');
}

// ---- The minutes and the entry log, read back from the files a user downloads ----

/** Present when the ballots were cast, as typed in the quorum step ("Số có mặt"). */
const PRESENT = 40;
const KEEPS_TOO_MANY = 'Phiếu để lại nhiều tên hơn số lượng cần bầu';

type DownloadedFile = { name: string; body: Buffer };

/**
 * Clicks a document button as a user does and returns the file the browser received. A button
 * that opens a new tab (the PDF) gets its file in that tab. No file within 15 s fails with what
 * the server answers at the button's address (a 404 of a missing route included).
 */
async function downloadThroughPage(page: Page, link: Locator, file: string): Promise<DownloadedFile> {
  const href = await link.getAttribute('href');
  expect(href, `the button for ${file}`).toMatch(new RegExp(`/api/elections/\\d+/${file.replace('.', '\\.')}(\\?|$)`));
  const context = page.context();
  let onDownload: (d: Download) => void = () => undefined;
  const downloaded = new Promise<Download>((resolve) => (onDownload = resolve));
  const onTab = (tab: Page) => tab.once('download', onDownload);
  page.once('download', onDownload);
  context.once('page', onTab);
  let timer: NodeJS.Timeout | undefined;
  try {
    await link.click();
    const download = await Promise.race([downloaded, new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 15_000)))]);
    if (!download) {
      const res = await page.request.get(href!);
      throw new Error(`${file}: clicking "${await link.innerText()}" gave no file; ${href} answers HTTP ${res.status()} ${(await res.text()).slice(0, 300)}`);
    }
    expect(await download.failure(), `${file}: the download failed`).toBeNull();
    const body = fs.readFileSync((await download.path())!);
    const tab = download.page();
    if (tab !== page) await tab.close();
    // A JSON error saved under the document's name would start with "{": the real files are ZIP or PDF.
    expect(body.subarray(0, file.endsWith('.pdf') ? 5 : 2).toString('latin1'), `${file} is not the document`).toBe(file.endsWith('.pdf') ? '%PDF-' : 'PK');
    return { name: download.suggestedFilename(), body };
  } finally {
    clearTimeout(timer);
    page.off('download', onDownload);
    context.off('page', onTab);
  }
}

/** Figures in words by the read-vietnamese-number package (issue 3), not by the project's own reader. */
const wordsConfig = (() => {
  const c = new ReadingConfig();
  c.unit = [];
  c.units = [[], ['nghìn'], ['triệu'], ['tỷ']];
  c.oddText = 'linh';
  c.fourToneText = 'tư';
  return c;
})();
const inWords = (n: number) => doReadNumber(String(n), wordsConfig);
/** "38 (ba mươi tám)": every figure of the minutes is written twice. */
const figure = (n: number) => `${n} (${inWords(n)})`;
/** "90,48%" → "chín mươi phẩy bốn mươi tám phần trăm": the two printed decimals read as a number (",05" → "phẩy không năm"), none when ",00". */
function percentInWords(text: string): string {
  const [whole, decimals] = text.replace('%', '').split(',') as [string, string];
  const zeros = /^0*/.exec(decimals)![0].length;
  const fraction = Number(decimals) === 0 ? '' : ` phẩy ${'không '.repeat(zeros)}${inWords(Number(decimals))}`;
  return `${inWords(Number(whole))}${fraction} phần trăm`;
}

type MinutesRow = { no: number; name: string; votes: string; votesWords: string; percent: string; percentWords: string };
type MinutesRead = { text: string; tables: MinutesRow[][] };

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const paragraphsOf = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => unescapeXml([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).trim()).filter(Boolean);
const unbracket = (s: string | undefined) => /^\((.*)\)$/.exec(s ?? '')?.[1] ?? `not in brackets: ${s}`;

/** The minutes' text and its candidate tables (STT, name, votes, % of D), from word/document.xml. */
function minutesFromDocx(xml: string): MinutesRead {
  const tables: MinutesRow[][] = [];
  for (const [table] of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)) {
    const rows = [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([tr]) => [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([tc]) => paragraphsOf(tc)));
    if (rows[0]?.map((c) => c.join(' ')).join(' | ') !== 'STT | Họ và tên | Số phiếu bầu | Tỷ lệ so với D') continue;
    tables.push(rows.slice(1).map(([no, name, votes, percent]) => ({ no: Number(no?.[0]), name: (name ?? []).join(' '), votes: votes?.[0] ?? '', votesWords: unbracket(votes?.[1]), percent: percent?.[0] ?? '', percentWords: unbracket(percent?.[1]) })));
  }
  return { text: paragraphsOf(xml).join(' ').replace(/\s+/g, ' '), tables };
}

/**
 * The same from the PDF's text laid out by pdftotext: a candidate's row is one line (STT, name,
 * votes, %) and the figures in words on the next; section III holds the ballot-order table, IV the elected.
 */
function minutesFromPdf(pdf: Buffer): MinutesRead {
  const lines = pdfText(pdf).split('\n');
  const tables: MinutesRow[][] = [];
  let current: MinutesRow[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*[IVX]+\. /.test(line)) {
      current = /KẾT QUẢ KIỂM PHIẾU$|NGƯỜI TRÚNG CỬ$/.test(line.trim()) ? [] : null;
      if (current) tables.push(current);
      continue;
    }
    const row = /^\s*(\d+)\s{2,}(\S.*?)\s{2,}(\d[\d.]*)\s{2,}(\d[\d.]*,\d\d%)\s*$/.exec(line);
    if (!row || !current) continue;
    const next = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
    const words = /^\s*\((.+?)\)\s{2,}\((.+?)\)\s*$/.exec(next);
    current.push({ no: Number(row[1]), name: row[2]!, votes: row[3]!, votesWords: words?.[1] ?? `no words under the row: ${next}`, percent: row[4]!, percentWords: words?.[2] ?? `no words under the row: ${next}` });
  }
  return { text: lines.join(' ').replace(/\s+/g, ' '), tables };
}

/** The minutes checked against the paper ballots: every figure in digits and in words, and who signs. */
function checkMinutes(kind: string, m: MinutesRead, title: string, fullName: (username: string) => string) {
  const has = (s: string) => expect(m.text, `${kind} minutes should say: ${s}`).toContain(s);
  has('BIÊN BẢN KIỂM PHIẾU');
  has(title);
  has(`tại Đại hội ${ward.name}, Ban kiểm phiếu đã tiến hành kiểm phiếu cuộc bầu cử`);
  has(`Số lượng cần bầu: ${figure(SEATS)}.`);
  has(`Số người trong danh sách bầu cử: ${figure(N)}.`);
  has(`Đồng chí ${fullName('kiemphieu')} – Trưởng ban.`);
  has(`Đồng chí ${fullName('nhapphieu.a')} – Thành viên (tổ nhập phiếu A).`);
  has(`Đồng chí ${fullName('nhapphieu.b')} – Thành viên (tổ nhập phiếu B).`);
  // Summoned, the excluded by category and D with its formula.
  has(`Tổng số đảng viên chính thức được triệu tập: ${figure(SUMMONED)}.`);
  has(`– Đảng viên bị đình chỉ sinh hoạt đảng: ${figure(EXCLUDED.suspended)}.`);
  expect(m.text, kind).toMatch(new RegExp(`– Đảng viên chính thức vắng mặt suốt thời gian đại hội có lý do chính đáng[^:]*: ${figure(EXCLUDED.absentWholeCongressWithReason).replace(/[()]/g, '\\$&')}\\.`));
  has(`Số làm căn cứ tính kết quả bầu cử (D): ${figure(D)}.`);
  has(`Cách tính: ${D} = ${SUMMONED} − ${EXCLUDED.suspended} − ${EXCLUDED.absentWholeCongressWithReason}.`);
  has(`quá một nửa so với D, tức là từ ${figure(THRESHOLD)} phiếu trở lên`);
  // Present, ballots issued, collected, valid, invalid by reason.
  has(`Số đảng viên có mặt khi bỏ phiếu: ${figure(PRESENT)}.`);
  has(`Số phiếu phát ra: ${figure(BALLOTS)}.`);
  has(`Số phiếu thu vào: ${figure(papers.length)}.`);
  has(`Số phiếu hợp lệ: ${figure(expected.valid)}.`);
  has(`Số phiếu không hợp lệ: ${figure(expected.invalid)}, trong đó:`);
  const reasons = new Map<string, number>();
  for (const p of papers) {
    const reason = p.kind === 'invalid' ? p.reason : N - p.struck.length > SEATS ? KEEPS_TOO_MANY : null;
    if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  expect([...reasons.values()].reduce((s, n) => s + n, 0)).toBe(expected.invalid);
  for (const [reason, n] of reasons) has(`– ${reason}: ${figure(n)}.`);

  // Votes and % of D of every candidate in ballot order, then the elected in vote order.
  const row = (no: number, pos: number): MinutesRow => {
    const votes = expected.votes.get(pos)!;
    const percent = expected.percent(votes);
    return { no, name: names[pos - 1]!, votes: String(votes), votesWords: inWords(votes), percent, percentWords: percentInWords(percent) };
  };
  expect(m.tables, `${kind}: the ballot-order table and the elected table`).toHaveLength(2);
  expect(m.tables[0], `${kind}: votes per candidate`).toEqual(names.map((_, i) => row(i + 1, i + 1)));
  expect(m.tables[1], `${kind}: the elected`).toEqual(expected.elected.map((pos, i) => row(i + 1, pos)));
  has(`Số lượng cần bầu: ${figure(SEATS)}; số đã trúng cử: ${figure(expected.elected.length)}.`);
  // This journey's data has no tie at the cut-off and fills every seat (expectedResult checks it).
  expect(m.text).not.toContain('NGANG PHIẾU');
  expect(m.text).not.toContain('CHƯA BẦU ĐỦ');
  has('TRƯỞNG BAN');
}

/** What the entry log writes for one typing: the names struck by number, or the invalid ballot's reason. */
function loggedAs(t: Typing): string {
  if (t.action.type === 'invalid') return `Phiếu không hợp lệ — ${t.action.reason}`;
  if (t.action.type === 'nobody') return 'Không gạch tên nào';
  const [first = '', second = ''] = t.action.text.split('.');
  const positions = [...[...first].map((k) => positionOfKey(k, 0)), ...[...second].map((k) => positionOfKey(k, 1))];
  return `Gạch tên số ${positions.sort((a, b) => a! - b!).join(', ')}`;
}

/**
 * The entry log against the journey: each team's 40 saves as typed (A's first typing of ballot 12
 * included), A's correction with its reason, then the chief's decision on each ballot the teams
 * typed differently, as the paper says. Nothing else: the refused ballot 41 is not there.
 */
function checkEntryLog(sheet: string[][], title: string, fullName: (username: string) => string) {
  expect(sheet[0]).toEqual(['NHẬT KÝ NHẬP PHIẾU']);
  expect(sheet[1]![0]).toBe(`Đại hội ${ward.name} — ${title}`);
  const head = sheet.findIndex((r) => r[0] === 'STT');
  expect(sheet[head]).toEqual(['STT', 'Vòng', 'Số phiếu', 'Tổ', 'Thao tác', 'Nội dung nhập', 'Lý do', 'Người nhập', 'Thời điểm']);
  const rows = sheet.slice(head + 1);
  const who = (username: string) => `${fullName(username)} (${username})`;
  const typedA = mistypeFirst12(typingFor('A'));
  const typedB = typingFor('B');
  const finalA = typingFor('A');
  const differing = finalA.filter((t, i) => loggedAs(t) !== loggedAs(typedB[i]!)).map((t) => t.serial);
  expect(differing).toHaveLength(3);
  const corrections = 1;
  expect(sheet[2]![0]).toBe(`${rows.length} lượt lưu, trong đó ${corrections} lượt sửa và ${differing.length} quyết định của Trưởng ban khi đối chiếu. Giờ Việt Nam (Asia/Ho_Chi_Minh).`);
  expect(rows).toHaveLength(2 * papers.length + corrections + differing.length);
  expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
  for (const r of rows) {
    expect(r[1], 'round').toBe('1');
    expect(r[8], 'time').toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
  }
  const entered = (team: string) => rows.filter((r) => r[3] === team && r[4] === 'Nhập');
  const columns = (r: string[]) => ({ serial: Number(r[2]), typed: r[5], reason: r[6] ?? '', who: r[7] });
  for (const [team, typings, username] of [['Tổ A', typedA, 'nhapphieu.a'], ['Tổ B', typedB, 'nhapphieu.b']] as const) {
    expect(
      entered(team)
        .map(columns)
        .sort((a, b) => a.serial - b.serial),
      team,
    ).toEqual(typings.map((t) => ({ serial: t.serial, typed: loggedAs(t), reason: '', who: who(username) })));
  }
  const fixed = rows.filter((r) => r[4] === 'Sửa').map(columns);
  expect(fixed).toEqual([{ serial: 12, typed: loggedAs(finalA[11]!), reason: 'Gõ nhầm số', who: who('nhapphieu.a') }]);
  // The chief decided after both teams had finished, each ballot as its paper says.
  const decided = rows.slice(-differing.length);
  expect(decided.map((r) => [r[3], r[4], Number(r[2]), r[5], r[7]])).toEqual(
    differing.map((serial) => ['Trưởng ban', 'Quyết định khi đối chiếu', serial, loggedAs(finalA[serial - 1]!), who('kiemphieu')]),
  );
  expect(decided[0]![6]).toBe('Đối chiếu với phiếu giấy');
}
