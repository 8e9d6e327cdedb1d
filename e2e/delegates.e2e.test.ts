import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { gone, launchBrowser, newUserPage, screenshot, screenshotsDir, seen, signIn, takeScriptErrors, textOf } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterEach(() => {
  expect(takeScriptErrors()).toEqual([]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

type Json = Record<string, never> & { [k: string]: unknown };
const getJson = async <T = Json>(url: string): Promise<T> => (await page.request.get(url)).json() as Promise<T>;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An antd Select inside `scope`, by keyboard: type into its search, wait for the option made
 * active, press Enter. Clicking an option while the dropdown animates is flaky under load.
 */
async function pick(scope: Locator, label: string, option: string) {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.focus();
  await box.pressSequentially(option);
  const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
  await seen(active.filter({ hasText: option }));
  // The first match is active; an option whose name only starts with the text is passed over.
  const exact = active.filter({ hasText: new RegExp(`^\\s*${escapeRe(option)}\\s*$`) });
  for (let i = 0; i < 10 && (await exact.count()) === 0; i++) await box.press('ArrowDown');
  await seen(exact);
  await box.press('Enter');
  await seen(scope.locator('.ant-select-selection-item').filter({ hasText: option }));
}

async function typeDate(scope: Locator, label: string, ddmmyyyy: string) {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
}

async function addDelegate(d: { name: string; kind: string; delegation?: string; birth?: string }) {
  await page.getByRole('button', { name: 'Thêm đại biểu' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Thêm đại biểu' });
  await dialog.getByLabel('Họ và tên').fill(d.name);
  await pick(dialog, 'Loại đại biểu', d.kind);
  if (d.delegation) await pick(dialog, 'Đoàn đại biểu', d.delegation);
  if (d.birth) await typeDate(dialog, 'Ngày sinh', d.birth);
  await dialog.getByRole('button', { name: 'Thêm đại biểu' }).click();
  return dialog;
}

describe('a coal company’s delegates’ congress, from the allocation to the quorum', () => {
  let congressId = 0;
  let campaignId = 0;
  const cellNames: string[] = [];

  it('allocates the seats among the cells, refusing totals that do not add up and an edit without its reason', async () => {
    ({ context, page } = await newUserPage(browser, server.url));
    await signIn(page, 'admin', 'QuangNinh@2020');
    campaignId = ((await getJson<{ id: number }[]>('/api/campaigns'))[0]!).id;
    const list = await getJson<{ items: { id: number; org: { name: string }; form: string }[] }>(`/api/campaigns/${campaignId}/congresses?q=${encodeURIComponent('Than Bình Ngọc')}`);
    const congress = list.items.find((c) => c.org.name === 'Đảng bộ Công ty Cổ phần Than Bình Ngọc')!;
    expect(congress.form).toBe('delegates');
    congressId = congress.id;

    await page.goto(`/congresses/${congressId}/allocation`);
    await seen(page.getByRole('heading', { name: /Phân bổ đại biểu — Đảng bộ Công ty Cổ phần Than Bình Ngọc/ }));
    await page.getByRole('spinbutton', { name: 'Số đại biểu cơ bản mỗi đảng bộ' }).fill('1');
    await page.getByRole('spinbutton', { name: 'Số đảng viên cho 1 đại biểu' }).fill('50');
    await page.getByRole('spinbutton', { name: 'Số dư từ (thêm 1 đại biểu)' }).fill('25');
    await page.getByRole('spinbutton', { name: 'Đại biểu đương nhiên (cấp ủy viên)' }).fill('1');
    // The formula's total, then a decided total one above it: the page says what is missing.
    await expect.poll(async () => (await page.getByRole('row').count()) > 3).toBe(true);
    const rows = page.getByRole('row').filter({ has: page.getByRole('spinbutton', { name: /^Số đại biểu Chi bộ/ }) });
    expect(await rows.count()).toBe(3);
    for (let i = 0; i < 3; i++) cellNames.push((await rows.nth(i).getByRole('cell').first().innerText()).trim());
    // The total by the formula, computed here from the members shown: 1 + ⌊m/50⌋ + (m mod 50 ≥ 25).
    let expected = 0;
    for (let i = 0; i < 3; i++) {
      const m = Number((await rows.nth(i).getByRole('cell').nth(1).innerText()).replace(/\./g, ''));
      expected += 1 + Math.floor(m / 50) + (m % 50 >= 25 ? 1 : 0);
    }
    await expect.poll(async () => Number(await page.getByTestId('allocated-total').innerText())).toBe(expected);
    const allocated = expected;
    await page.getByRole('spinbutton', { name: 'Tổng số đại biểu bầu đã quyết định' }).fill(String(allocated + 1));
    await seen(page.getByRole('alert').filter({ hasText: `còn thiếu 1 so với số đại biểu bầu đã quyết định (${allocated + 1})` }));
    // One more seat for the first cell makes the totals agree, but it needs a reason.
    await page.getByRole('spinbutton', { name: `Số đại biểu ${cellNames[0]}` }).fill(String(Number(await page.getByRole('spinbutton', { name: `Số đại biểu ${cellNames[0]}` }).inputValue()) + 1));
    await page.getByRole('button', { name: 'Lưu phân bổ' }).click();
    await seen(page.getByText(/phải ghi lý do/).first());
    await page.getByLabel(`Lý do điều chỉnh ${cellNames[0]}`).fill('Phân xưởng khai thác hầm lò, vị trí quan trọng');
    await expect.poll(async () => page.getByRole('alert').filter({ hasText: 'còn thiếu' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Lưu phân bổ' }).click();
    await seen(page.getByText('Đã lưu phương án phân bổ.'));
    await seen(page.getByText(/Lưu lần cuối: Quản trị hệ thống/));
    await screenshot(page, 'delegates-allocation');
  });

  it('registers the delegates, refusing one person in two delegations', async () => {
    await page.getByRole('link', { name: 'Đại biểu dự đại hội' }).click();
    await seen(page.getByRole('heading', { name: /Đại biểu dự đại hội — / }));
    await addDelegate({ name: 'Phạm Văn Chính', kind: 'Đương nhiên (cấp ủy viên cấp triệu tập)' });
    await seen(page.getByText('Đã thêm đại biểu Phạm Văn Chính.'));
    await addDelegate({ name: 'Nguyễn Thị Lan', kind: 'Chính thức (do đại hội cấp dưới bầu)', delegation: cellNames[0]!, birth: '02/03/1975' });
    await seen(page.getByText('Đã thêm đại biểu Nguyễn Thị Lan.'));
    await addDelegate({ name: 'Trần Văn Hùng', kind: 'Chính thức (do đại hội cấp dưới bầu)', delegation: cellNames[1]! });
    await seen(page.getByText('Đã thêm đại biểu Trần Văn Hùng.'));
    const dup = await addDelegate({ name: 'Nguyễn Thị  Lan', kind: 'Chính thức (do đại hội cấp dưới bầu)', delegation: cellNames[2]!, birth: '02/03/1975' });
    const refusal = await textOf(dup.getByRole('alert'));
    expect(refusal).toContain(`Đồng chí Nguyễn Thị Lan (sinh ngày 02/03/1975) đã có trong đoàn ${cellNames[0]}`);
    await screenshot(page, 'delegates-duplicate-refused', { fullPage: false });
    await dup.getByRole('button', { name: 'Hủy' }).click();
    await seen(page.getByRole('row').filter({ hasText: 'Trần Văn Hùng' }));
    expect(await textOf(page.getByText(/^Được triệu tập: /).first())).toBe('Được triệu tập: 3');
    await screenshot(page, 'delegates-register');
  });

  it('edits a registered delegate: the same person in another delegation is refused, naming it; the correction is saved', async () => {
    await page.getByRole('button', { name: 'Sửa thông tin Trần Văn Hùng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa thông tin đại biểu Trần Văn Hùng' });
    expect(await dialog.getByLabel('Họ và tên').inputValue()).toBe('Trần Văn Hùng');
    await dialog.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
    await typeDate(dialog, 'Ngày sinh', '02/03/1975');
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    expect(await textOf(dialog.getByRole('alert'))).toContain(`Đồng chí Nguyễn Thị Lan (sinh ngày 02/03/1975) đã có trong đoàn ${cellNames[0]}`);
    await screenshot(page, 'delegates-edit-refused', { fullPage: false });
    // The real correction: the birth date, the position and a note on where it comes from.
    await dialog.getByLabel('Họ và tên').fill('Trần Văn Hùng');
    await typeDate(dialog, 'Ngày sinh', '14/08/1980');
    await dialog.getByLabel('Chức vụ, đơn vị công tác').fill('Quản đốc Phân xưởng Khai thác');
    await dialog.getByLabel('Ghi chú', { exact: true }).fill('Ngày sinh sửa theo lý lịch đảng viên');
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await seen(page.getByText('Đã lưu thông tin đại biểu Trần Văn Hùng.'));
    const row = page.getByRole('row').filter({ hasText: 'Trần Văn Hùng' });
    await seen(row.getByText('14/08/1980'));
    await seen(row.getByText('Ngày sinh sửa theo lý lịch đảng viên'));
    expect(await textOf(page.getByText(/^Được triệu tập: /).first())).toBe('Được triệu tập: 3');
    await screenshot(page, 'delegates-edited');
  });

  it('reviews credentials with the checklist and downloads the report', async () => {
    await page.getByRole('tab', { name: 'Thẩm tra tư cách' }).click();
    // Accepting before the checklist is done is refused with what is missing.
    await page.getByRole('button', { name: 'Công nhận Trần Văn Hùng' }).click();
    await seen(page.getByRole('alert').filter({ hasText: 'Chưa thẩm tra xong' }));
    for (const name of ['Phạm Văn Chính', 'Nguyễn Thị Lan', 'Trần Văn Hùng']) {
      for (const check of ['Được bầu (hoặc là cấp ủy viên, được chỉ định) đúng nguyên tắc, thủ tục', 'Không bị đình chỉ sinh hoạt đảng, sinh hoạt cấp ủy', 'Không bị khởi tố, truy tố, tạm giam', 'Hồ sơ, biên bản bầu cử đầy đủ']) {
        const box = page.getByRole('checkbox', { name: `${check} — ${name}` });
        // The box shows what the server recorded: it turns on once the tick is saved.
        await box.click();
        await expect.poll(() => box.isChecked()).toBe(true);
      }
      await page.getByRole('button', { name: `Công nhận ${name}` }).click();
      await seen(page.getByRole('row').filter({ hasText: name }).getByText('Đã công nhận'));
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải báo cáo thẩm tra (DOCX)' }).click()]);
    expect(download.suggestedFilename()).toBe('Báo cáo thẩm tra tư cách đại biểu - Đảng bộ Công ty Cổ phần Than Bình Ngọc.docx');
    const docx = path.join(screenshotsDir, 'delegates-credentials-report.docx');
    await download.saveAs(docx);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    await screenshot(page, 'delegates-credentials');
  });

  it('checks in by a typed code and by a photo of the badge; a second check-in is told, not counted; the quorum is reached', async () => {
    const reg = await getJson<{ delegates: { id: number; fullName: string; summoned: boolean; kind: string; notSummonedReason: string | null; badgeCode: string }[] }>(`/api/congresses/${congressId}/delegates`);
    const code = (name: string) => reg.delegates.find((d) => d.fullName === name)!.badgeCode;
    // A phone at the door.
    await page.getByRole('tab', { name: 'Điểm danh' }).click();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Thêm phiên' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm phiên' });
    await dialog.getByRole('button', { name: 'Thêm phiên' }).click();
    await seen(page.getByLabel('Mã trên thẻ đại biểu'));
    const panel = page.getByTestId('quorum-panel');
    await seen(panel.getByText(/Chưa đủ điều kiện/));

    await page.getByLabel('Mã trên thẻ đại biểu').fill(code('Nguyễn Thị Lan').toLowerCase());
    await page.getByLabel('Mã trên thẻ đại biểu').press('Enter'); // as a badge scanner ends its code
    await seen(page.getByText(/^Đã điểm danh: Nguyễn Thị Lan/));
    await page.getByLabel('Mã trên thẻ đại biểu').fill(code('Nguyễn Thị Lan'));
    await page.getByLabel('Mã trên thẻ đại biểu').press('Enter'); // as a badge scanner ends its code
    await seen(page.getByText(/Nguyễn Thị Lan đã điểm danh phiên này lúc .*; không tính thêm\./));
    // A forged code.
    await page.getByLabel('Mã trên thẻ đại biểu').fill(`${code('Trần Văn Hùng').slice(0, -2)}ZZ`);
    await page.getByLabel('Mã trên thẻ đại biểu').press('Enter'); // as a badge scanner ends its code
    await seen(page.getByRole('alert').filter({ hasText: 'Mã thẻ đại biểu không hợp lệ' }));

    // The printed badge of Trần Văn Hùng, photographed: the A6 PDF page rendered to an image.
    const badgeOrder = reg.delegates.filter((d) => d.summoned || (d.kind === 'alternate' && !d.notSummonedReason));
    const pageNo = badgeOrder.findIndex((d) => d.fullName === 'Trần Văn Hùng') + 1;
    const pdf = await page.request.get(`/api/congresses/${congressId}/badges?layout=a6`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-badge-'));
    fs.writeFileSync(path.join(dir, 'badges.pdf'), await pdf.body());
    execFileSync('pdftoppm', ['-png', '-r', '150', '-f', String(pageNo), '-l', String(pageNo), path.join(dir, 'badges.pdf'), path.join(dir, 'badge')]);
    const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'))!;
    fs.copyFileSync(path.join(dir, png), path.join(screenshotsDir, 'delegates-badge-a6.png'));
    // The QR code decodes to the code printed under it.
    expect(execFileSync('zbarimg', ['--raw', '-q', path.join(dir, png)]).toString().trim()).toBe(code('Trần Văn Hùng'));
    await page.locator('input[type=file]').setInputFiles(path.join(dir, png));
    await seen(page.getByText(/^Đã điểm danh: Trần Văn Hùng/));

    // 2 of 3 summoned and delegates of 2 of the 3 cells: the congress may open.
    await seen(panel.getByText('Đủ điều kiện khai mạc đại hội'), 10_000);
    expect(await textOf(panel)).toContain('có đại biểu dự: 2/3');
    await screenshot(page, 'delegates-checkin-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('tab', { name: 'Số liệu cho bầu cử' }).click();
    await seen(page.getByRole('row').filter({ hasText: 'Tổng số đại biểu được triệu tập' }).filter({ hasText: '3' }));
    await screenshot(page, 'delegates-figures');
  });

  it('sets up the congress\' election: those summoned and the absent come from the register and check-in, not typed again', async () => {
    const orgId = (await getJson<{ org: { id: number } }>(`/api/congresses/${congressId}`)).org.id;
    await page.goto(`/orgs/${orgId}`);
    await page.getByRole('tab', { name: 'Bầu cử' }).click();
    await page.getByRole('button', { name: 'Tạo cuộc bầu cử' }).click();
    const dialog = page.getByRole('dialog', { name: /^Tạo cuộc bầu cử — / });
    // The 2020 congress is already held in the demo, so it is offered, not assumed: pick it by keyboard.
    const congressBox = dialog.getByLabel('Đại hội', { exact: true });
    await congressBox.focus();
    await congressBox.pressSequentially('Đại hội đại biểu');
    await seen(page.locator('.ant-select-item-option-active').filter({ hasText: 'Đại hội đại biểu (' }));
    await page.keyboard.press('Enter');
    // Three summoned; Phạm Văn Chính (convening committee) never checked in: D = 3 − 1.
    await seen(dialog.getByText('Số đại biểu chính thức được triệu tập (3) lấy từ danh sách đại biểu của đại hội.'));
    await seen(dialog.getByText(/lấy từ điểm danh \(1 phiên đã điểm danh\)/));
    expect(await dialog.getByLabel('Đại biểu chính thức được triệu tập').isDisabled()).toBe(true);
    expect(await dialog.getByLabel('Đại biểu chính thức được triệu tập').inputValue()).toBe('3');
    await dialog.getByLabel('Tên cuộc bầu cử').fill('Bầu Bí thư tại đại hội');
    await dialog.getByLabel('Số lượng cần bầu').fill('1');
    await dialog.getByLabel('Danh sách bầu cử').fill('Nguyễn Thị Lan\nTrần Văn Hùng');
    await screenshot(page, 'delegates-election-from-register', { fullPage: false });
    await dialog.getByRole('button', { name: 'Tạo cuộc bầu cử' }).click();
    await page.waitForURL(/\/elections\/\d+$/);
    const dBox = page.getByRole('region', { name: 'Cách tính số phiếu trúng cử' });
    await expect.poll(() => textOf(dBox)).toContain('Số làm căn cứ (D) 2');
    expect(await textOf(dBox)).toMatch(/lấy từ danh sách đại biểu và điểm danh \(1 phiên\) lúc \d{2}:\d{2}/);
    // When voting opens, those present at the latest session are offered.
    await seen(page.getByText('Theo danh sách đại biểu và điểm danh hiện nay: triệu tập 3, vắng mặt suốt thời gian đại hội 1.', { exact: false }));
    await expect.poll(() => page.getByLabel('Số có mặt', { exact: true }).inputValue()).toBe('2');
    await screenshot(page, 'delegates-election-denominator');
  });
});

describe('the delegates’ items on the approval checklist of a district’s delegates’ congress', () => {
  it('blocks the approval until the allocation is recorded, then notes the seats and credentials still to come', async () => {
    const name = 'Đảng bộ Quân sự tỉnh';
    const campaignId = ((await getJson<{ id: number }[]>('/api/campaigns'))[0]!).id;
    const list = await getJson<{ items: { id: number; org: { name: string } }[] }>(`/api/campaigns/${campaignId}/congresses?q=${encodeURIComponent(name)}`);
    const id = list.items.find((c) => c.org.name === name)!.id;
    await page.goto(`/congresses/${id}`);
    const checklist = page.getByRole('region', { name: 'Điều kiện duyệt đại hội' });
    const item = (key: string) => checklist.locator(`[data-key="delegates.${key}"]`);
    expect(await textOf(item('allocation'))).toMatch(/^Chưa đạt Phân bổ đại biểu cho các tổ chức đảng trực thuộc đã được quyết định · Đại biểu Chưa lưu phương án phân bổ đại biểu cho \d+ tổ chức đảng trực thuộc\.$/);
    await item('allocation').scrollIntoViewIfNeeded();
    await screenshot(page, 'delegates-approval-checklist-open', { fullPage: false });

    await page.getByRole('link', { name: 'Phân bổ đại biểu', exact: true }).click();
    await seen(page.getByRole('heading', { name: `Phân bổ đại biểu — ${name}` }));
    await page.getByRole('spinbutton', { name: 'Số đại biểu cơ bản mỗi đảng bộ' }).fill('2');
    await page.getByRole('spinbutton', { name: 'Số đảng viên cho 1 đại biểu' }).fill('100');
    await page.getByRole('spinbutton', { name: 'Số dư từ (thêm 1 đại biểu)' }).fill('50');
    await expect.poll(async () => Number((await page.getByTestId('allocated-total').innerText()).replace(/\./g, ''))).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Lưu phân bổ' }).click();
    await seen(page.getByText('Đã lưu phương án phân bổ.'));
    const allocated = (await page.getByTestId('allocated-total').innerText()).trim();

    await page.getByRole('link', { name: 'Trang đại hội' }).click();
    await seen(page.getByRole('heading', { name, level: 2 }));
    await expect.poll(() => textOf(item('allocation')), { timeout: 10_000 }).toMatch(new RegExp(`^Đạt Phân bổ đại biểu .* · Đại biểu ${escapeRe(allocated)} đại biểu bầu cho \\d+ tổ chức trực thuộc\\.$`));
    // No lower congress has sent its officials yet, no credentials reviewed: notes, not blocks.
    expect(await textOf(item('delegationSeats'))).toMatch(/^Lưu ý Số đại biểu chính thức của các đoàn khớp số được phân bổ · Đại biểu \d+ đoàn chưa có đại biểu chính thức\.$/);
    expect(await textOf(item('credentials'))).toBe('Lưu ý Tư cách đại biểu đã được thẩm tra · Đại biểu Chưa có đại biểu nào trong danh sách.');
    await item('credentials').scrollIntoViewIfNeeded();
    await screenshot(page, 'delegates-approval-checklist', { fullPage: false });

    // The delegation with the fewest seats sends all its officials; one more by hand is refused, with the numbers.
    type Saved = { version: number; settings: unknown; decisionRef: string | null; totals: { electedTotal: number | null; exOfficio: number; appointed: number }; lines: { org: { id: number; name: string }; seats: number }[] };
    const alloc = await getJson<Saved>(`/api/congresses/${id}/allocation`);
    const line = [...alloc.lines].sort((a, b) => a.seats - b.seats)[0]!;
    expect(line.seats).toBeGreaterThanOrEqual(2);
    const headers = { 'x-csrf-token': (await getJson<{ csrfToken: string }>('/api/auth/me')).csrfToken };
    for (let i = 1; i <= line.seats; i++) {
      const r = await page.request.post(`/api/congresses/${id}/delegates`, { headers, data: { fullName: `Đại biểu Quân sự số ${i}`, kind: 'official', delegationOrgId: line.org.id } });
      expect(r.status(), await r.text()).toBe(201);
    }
    await page.goto(`/congresses/${id}/delegates`);
    await seen(page.getByRole('heading', { name: /Đại biểu dự đại hội — / }));
    const refused = await addDelegate({ name: 'Đại biểu Thừa', kind: 'Chính thức (do đại hội cấp dưới bầu)', delegation: line.org.name });
    expect(await textOf(refused.getByRole('alert'))).toContain(`Đoàn ${line.org.name} được phân bổ ${line.seats} đại biểu chính thức, đã có ${line.seats}.`);
    await screenshot(page, 'delegates-seats-full', { fullPage: false });
    await refused.getByRole('button', { name: 'Hủy' }).click();

    // The allocation is saved again with one seat fewer for it: the official registered last is flagged on its row.
    const resaved = await page.request.post(`/api/congresses/${id}/allocation`, {
      headers,
      data: {
        settings: alloc.settings,
        electedTotal: alloc.totals.electedTotal === null ? null : alloc.totals.electedTotal - 1,
        exOfficio: alloc.totals.exOfficio,
        appointed: alloc.totals.appointed,
        ...(alloc.decisionRef ? { decisionRef: alloc.decisionRef } : {}),
        version: alloc.version,
        lines: [{ orgId: line.org.id, seats: line.seats - 1, reason: 'Điều chỉnh sau khi sắp xếp đơn vị (kiểm thử)' }],
      },
    });
    expect(resaved.status(), await resaved.text()).toBe(200);
    await page.reload();
    const last = page.getByRole('row').filter({ hasText: `Đại biểu Quân sự số ${line.seats}` });
    expect(await textOf(last.getByRole('note'))).toBe(`Vượt số được phân bổ: Đoàn ${line.org.name} được phân bổ ${line.seats - 1} đại biểu chính thức, đã có ${line.seats}.`);
    await seen(page.getByRole('alert').filter({ hasText: '1 đại biểu cần kiểm tra' }));
    await seen(page.getByLabel(`Vượt số được phân bổ: ${line.seats}/${line.seats - 1}`));
    await last.scrollIntoViewIfNeeded();
    await screenshot(page, 'delegates-over-seats', { fullPage: false });
  });
});

describe('the health watch before a congress', () => {
  it('gives a delegate a personal link; the delegate declares on a phone without an account; the organizers see the flag', async () => {
    const me = await getJson<{ csrfToken: string }>('/api/auth/me');
    const headers = { 'x-csrf-token': me.csrfToken };
    const campaignId = ((await getJson<{ id: number }[]>('/api/campaigns'))[0]!).id;
    const list = await getJson<{ items: { id: number; org: { name: string } }[] }>(`/api/campaigns/${campaignId}/congresses?q=${encodeURIComponent('thành phố Hạ Long')}`);
    const hl = list.items.find((c) => c.org.name === 'Đảng bộ thành phố Hạ Long')!;
    // Its congress is moved to next week (set through the campaigns API: the schedule is that domain's).
    const vn = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
    const c = await getJson<{ version: number }>(`/api/congresses/${hl.id}`);
    const moved = await page.request.patch(`/api/congresses/${hl.id}`, { headers, data: { version: c.version, plannedStart: vn(5), plannedEnd: vn(6), override: { reason: 'Lùi lịch để thử theo dõi sức khỏe (kiểm thử)' } } });
    expect(moved.status(), await moved.text()).toBe(200);
    const added = await page.request.post(`/api/congresses/${hl.id}/delegates`, { headers, data: { fullName: 'Đỗ Thị Thu Hường', kind: 'exOfficio' } });
    expect(added.status()).toBe(201);

    await page.goto(`/congresses/${hl.id}/delegates?tab=health`);
    await seen(page.getByText(/Thời gian theo dõi: /));
    await page.getByRole('button', { name: 'Cấp đường link khai báo' }).first().click();
    const linkText = await textOf(page.getByRole('row').filter({ hasText: 'Đỗ Thị Thu Hường' }).locator('code'));
    expect(linkText).toMatch(/\/khai-bao-y-te\/[A-Za-z0-9_-]{40,}$/);
    await screenshot(page, 'delegates-health-links');

    // The delegate's phone: no session.
    const phone = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const p2 = await phone.newPage();
    const phoneErrors: string[] = [];
    p2.on('pageerror', (e) => phoneErrors.push(e.message));
    await p2.goto(linkText);
    await seen(p2.getByText('Đồng chí Đỗ Thị Thu Hường'));
    // The symptom's label, as a thumb taps it on a phone.
    await p2.locator('.ant-checkbox-wrapper').filter({ hasText: /^Ho$/ }).click();
    expect(await p2.getByRole('checkbox', { name: 'Ho' }).isChecked()).toBe(true);
    await p2.getByLabel('Nhiệt độ cơ thể (°C)').fill('38,2');
    await p2.getByRole('button', { name: 'Gửi khai báo' }).click();
    await seen(p2.getByText('Đã ghi nhận khai báo hôm nay. Cảm ơn đồng chí!'));
    await screenshot(p2, 'delegates-health-declaration-phone');
    // A link that is not one of ours.
    await p2.goto(`${server.url}/khai-bao-y-te/${'A'.repeat(43)}`);
    await seen(p2.getByText(/Đường link khai báo y tế không đúng/));
    await screenshot(p2, 'delegates-health-foreign-link');

    await page.reload();
    const row = page.getByRole('row').filter({ hasText: 'Đỗ Thị Thu Hường' });
    // The latest declaration's flags are red tags (so is the ex-officio kind's tag).
    const flagsNow = row.locator('.ant-tag-red').filter({ hasText: /Nhiệt độ|Triệu chứng/ });
    await seen(flagsNow.filter({ hasText: 'Nhiệt độ 38,2 °C' }));
    await seen(flagsNow.filter({ hasText: 'Triệu chứng: Ho' }));
    await screenshot(page, 'delegates-health-overview');

    // The delegate sends the day's declaration again, clean: the latest state is clean, the fever stays on record.
    await p2.goto(linkText);
    await seen(p2.getByText('Hôm nay đồng chí đã khai báo; gửi lại sẽ thay bản khai trước.'));
    await p2.getByLabel('Nhiệt độ cơ thể (°C)').fill('36,6');
    await p2.getByRole('button', { name: 'Gửi khai báo' }).click();
    await seen(p2.getByText('Đã ghi nhận khai báo hôm nay. Cảm ơn đồng chí!'));
    await phone.close();
    expect(phoneErrors).toEqual([]);

    await page.reload();
    await seen(row.getByText(/ · 36,6 °C$/));
    await gone(flagsNow);
    const today = vn(0).split('-').reverse().join('/');
    expect(await textOf(row.locator('.health-history'))).toBe(`${today}: Triệu chứng: Ho; Nhiệt độ 38,2 °C`);
    const ever = page.getByRole('alert').filter({ hasText: 'đã có dấu hiệu cần chú ý trong thời gian theo dõi' });
    expect(await textOf(ever)).toContain(`Đỗ Thị Thu Hường (Đảng bộ thành phố Hạ Long): ${today} — Triệu chứng: Ho; Nhiệt độ 38,2 °C (lần khai gần nhất không có dấu hiệu)`);
    await screenshot(page, 'delegates-health-flagged-earlier');
  });
});
