import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newUserPage, screenshot, seen, signIn, takeScriptErrors, textOf } from './support/browser.ts';
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

type Section = { key: string; title: string; paragraphs: string[]; figures: Record<string, number | null>; tables: { title: string; rows: unknown[] }[] };
type Report = { campaign: { id: number }; org: { name: string }; asOf: string; sections: Section[] };

const nav = () => page.getByRole('navigation', { name: 'Điều hướng chính' });
const region = (title: string) => page.getByRole('region', { name: title });
/** The report as the API gives it, read with the page's own session. */
async function apiReport(campaignId: number): Promise<Report> {
  const res = await page.request.get(`/api/campaigns/${campaignId}/summary-report?asOf=2020-06-15`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Report;
}

describe('the provincial Organization Board writes the summary report of the 2020–2025 round', () => {
  it('opens the demo campaign’s summary report; its figures are the API’s and the seed reports’; Word and Excel say the same', async () => {
    ({ context, page } = await newUserPage(browser, server.url));
    await signIn(page, 'admin', 'QuangNinh@2020');
    await nav().getByRole('menuitem', { name: 'Báo cáo' }).click();
    await seen(page.getByRole('heading', { name: 'Báo cáo, sổ theo dõi', level: 2 }));
    await page.getByRole('link', { name: 'Báo cáo tổng kết: Đại hội đảng bộ các cấp tỉnh Quảng Ninh, nhiệm kỳ 2020–2025' }).click();
    await page.getByRole('button', { name: 'Xem số liệu mẫu 15/06/2020' }).click();
    await expect.poll(() => page.getByLabel('Số liệu tính đến ngày').inputValue(), { timeout: 15_000 }).toBe('15/06/2020');
    const campaignId = Number(/campaigns\/(\d+)\//.exec(page.url())![1]);
    const api = await apiReport(campaignId);

    // Every section and every sentence on the page is the server's, word for word.
    for (const s of api.sections) {
      const r = region(s.title);
      await seen(r);
      for (const p of s.paragraphs) await seen(r.getByText(p, { exact: true }));
    }
    // The seed reports' figures, on the page.
    const fig = (key: string) => api.sections.find((s) => s.key === key)!.figures;
    expect(fig('congresses')).toMatchObject({ 'held.L3': 735, 'total.L3': 735, 'held.L2': 5, 'total.L2': 20 });
    expect(fig('study')).toMatchObject({ attended: 49_356, expected: 50_502, pct: 97.73 });
    expect(fig('oversight')).toMatchObject({ 'inspection.regular.orgs': expect.any(Number), 'supervision.thematic.orgs': 30, 'supervision.thematic.members': 37, 'inspection.violationSigns.members': 27 });
    expect(fig('discipline')).toMatchObject({ members: 54, committeeMembers: 19 });
    expect(fig('targets')).toMatchObject({ targets: 25 });
    expect(fig('secretaries').direct).toBe(fig('secretaries').electingCongresses);
    await seen(region('Học tập, quán triệt nghị quyết').getByText('Tổ chức 20 đợt học tập, quán triệt với 49.356/50.502 đảng viên dự học, đạt 97,73%.'));
    await seen(region('Thi hành kỷ luật').getByText(/kỷ luật 54 đảng viên, trong đó có 19 cấp ủy viên/));
    await seen(region('Công tác kiểm tra, giám sát').getByText(/kiểm tra 72 tổ chức đảng và 526 đảng viên; giám sát chuyên đề 30 tổ chức đảng và 37 đảng viên/));
    // The vote-share chart says its figures: the same as the distribution table.
    const shares = region('Bầu trực tiếp bí thư tại đại hội');
    const chart = shares.getByRole('img', { name: /^Số bí thư theo tỷ lệ phiếu bầu — / });
    await seen(chart);
    expect(await chart.getAttribute('aria-label')).toContain(`100%: ${fig('secretaries').atFull!.toLocaleString('vi-VN')}`);
    const bandTable = shares.getByRole('table').nth(1);
    expect(await textOf(bandTable.getByRole('row').filter({ hasText: /^100%/ }))).toContain(String(fig('secretaries').atFull));
    await screenshot(page, 'reports-01-summary-province');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'reports-01a-summary-top', { fullPage: false });
    await shares.scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-01b-summary-secretaries', { fullPage: false });

    // Word: Vietnamese with diacritics, the same sentences.
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải báo cáo Word (.docx)' }).click()]);
    expect(docx.suggestedFilename()).toBe('bao-cao-tong-ket-QN-20200615.docx');
    const xml = await (await JSZip.loadAsync(fs.readFileSync((await docx.path())!))).file('word/document.xml')!.async('string');
    expect(xml).toContain('BÁO CÁO');
    expect(xml).toContain('Tổng kết Đại hội đảng bộ các cấp tỉnh Quảng Ninh, nhiệm kỳ 2020–2025');
    for (const s of api.sections) for (const p of s.paragraphs) expect(xml).toContain(p.replaceAll('&', '&amp;').replaceAll('"', '&quot;'));
    // Excel: one sheet per section, real numbers.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải số liệu Excel (.xlsx)' }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(api.sections.length);
    const study = wb.worksheets.find((w) => w.name.includes('Học tập'))!;
    const values: unknown[] = [];
    let attendedCol = 0;
    let attended = 0;
    study.eachRow((row) =>
      row.eachCell((c, col) => {
        values.push(c.value);
        if (c.value === 'Số dự học') attendedCol = col;
        else if (col === attendedCol && typeof c.value === 'number') attended += c.value;
      }),
    );
    // The sessions' rows are real numbers that add up to the seed report's 49,356.
    expect(attended).toBe(49_356);
    expect(values).toContain('Tổ chức 20 đợt học tập, quán triệt với 49.356/50.502 đảng viên dự học, đạt 97,73%.');
  });

  it('records a disciplinary measure in the register; the summary report counts it', async () => {
    await nav().getByRole('menuitem', { name: 'Báo cáo' }).click();
    await page.getByRole('link', { name: 'Kỷ luật', exact: true }).click();
    await seen(page.getByRole('heading', { name: 'Kỷ luật', level: 2 }));
    await seen(page.getByText('54 dòng'));
    await page.getByRole('button', { name: 'Thêm' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên tổ chức đảng / họ tên đảng viên').fill('Hoàng Văn <script>alert(1)</script> Thử');
    await dialog.getByLabel('Là cấp ủy viên').check();
    await dialog.locator('.ant-form-item').filter({ hasText: 'Hình thức kỷ luật' }).locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Cảnh cáo' }).click();
    const date = dialog.getByLabel('Ngày quyết định');
    await date.click();
    await date.fill('10/06/2020');
    await date.press('Enter');
    await dialog.getByLabel('Số quyết định').fill('=1+1');
    await screenshot(page, 'reports-02-discipline-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await seen(page.getByText('55 dòng'));
    // The name is shown as text, never run.
    await seen(page.getByRole('cell', { name: /Hoàng Văn <script>alert\(1\)<\/script> Thử/ }));
    await screenshot(page, 'reports-03-discipline-register');

    const campaignId = (await (await page.request.get('/api/campaigns')).json())[0].id as number;
    const after = await apiReport(campaignId);
    expect(after.sections.find((s) => s.key === 'discipline')!.figures).toMatchObject({ members: 55, committeeMembers: 20, 'member.warning': 16 });
    await page.goto(`/campaigns/${campaignId}/summary-report?asOf=2020-06-15`);
    await seen(region('Thi hành kỷ luật').getByText(/kỷ luật 55 đảng viên, trong đó có 20 cấp ủy viên/));

    // A target without data gets its value for 15/06/2020 through the resolutions page.
    const before = after.sections.find((s) => s.key === 'targets')!.figures;
    await nav().getByRole('menuitem', { name: 'Báo cáo' }).click();
    await page.getByRole('link', { name: 'Chỉ tiêu nghị quyết', exact: true }).click();
    const resolution = page.getByRole('region', { name: /^Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về nhiệm vụ năm 2020/ });
    await seen(resolution.getByText('Đạt 4/25 chỉ tiêu'));
    const row = resolution.getByRole('row').filter({ hasText: 'Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên' });
    await seen(row.getByText('Chưa có số liệu'));
    await row.getByRole('button', { name: 'Ghi số liệu' }).click();
    const dlg = page.getByRole('dialog');
    const asOf = dlg.getByLabel('Tính đến ngày');
    await asOf.click();
    await asOf.fill('15/06/2020');
    await asOf.press('Enter');
    await dlg.getByLabel(/^Số liệu thực hiện/).fill('86,5');
    await dlg.getByRole('button', { name: 'Lưu' }).click();
    await seen(row.getByText('Đạt', { exact: true }));
    await seen(resolution.getByText('Đạt 5/25 chỉ tiêu'));
    await screenshot(page, 'reports-04-resolution-targets');
    const targets = (await apiReport(campaignId)).sections.find((s) => s.key === 'targets')!.figures;
    expect([targets.achieved, targets.noData]).toEqual([before.achieved! + 1, before.noData! - 1]);
  });

  it('a district organizer sees the report of their own district only', async () => {
    await context.close();
    ({ context, page } = await newUserPage(browser, server.url));
    await signIn(page, 'mongcai', 'MongCai@2020');
    const campaignId = (await (await page.request.get('/api/campaigns')).json())[0].id as number;
    await page.goto(`/campaigns/${campaignId}/summary-report?asOf=2020-06-15`);
    await seen(page.getByText('Đảng bộ thành phố Móng Cái', { exact: true }));
    const own = await apiReport(campaignId);
    expect(own.org.name).toBe('Đảng bộ thành phố Móng Cái');
    expect(own.sections.find((s) => s.key === 'study')!.figures.attended).toBeLessThan(49_356);
    const res = await page.request.get(`/api/campaigns/${campaignId}/summary-report?orgId=${await provinceId()}`);
    expect(res.status()).toBe(403);
    expect((await res.json()).error.code).toBe('ORG_OUT_OF_SCOPE');
    await screenshot(page, 'reports-05-summary-district');
  });
});

/** The province's id, from the campaign list's root (visible to a district user as the campaign's scope). */
async function provinceId(): Promise<number> {
  const list = (await (await page.request.get('/api/campaigns')).json()) as { rootOrg: { id: number } }[];
  return list[0]!.rootOrg.id;
}
