import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newUserPage, screenshot, seen, signIn, takeScriptErrors, textOf } from './support/browser.ts';
import { apiAs, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  ({ context, page } = await newUserPage(browser, server.url));
});

afterEach(() => {
  expect(takeScriptErrors()).toEqual([]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

type Org = { id: number; name: string };

describe('the unconfirmed settings of the regulation and the quorum of a delegates’ congress', () => {
  let electionId: number;

  it('the organizer changes an unconfirmed setting of the election before entry opens, and sees it marked as changed', async () => {
    const api = await apiAs(server.url, 'mongcai', 'MongCai@2020');
    const city = (await api.get<Org[]>('/orgs/search?q=QN-MC'))[0]!;
    const e = await api.post<{ id: number; version: number }>('/elections', {
      orgId: city.id,
      title: 'Bầu đại biểu đi dự Đại hội Đảng bộ tỉnh (thử thiết lập)',
      kind: 'upperCongressDelegates',
      regulation: '2024',
      congressKind: 'delegates',
      seats: 3,
      summoned: 30,
      candidates: ['Lê Văn An', 'Trần Thị Bình', 'Phạm Văn Cường', 'Vũ Thị Dung'].map((fullName) => ({ fullName })),
    });
    electionId = e.id;
    await signIn(page, 'mongcai', 'MongCai@2020');
    await page.goto(`/elections/${e.id}`);
    await page.getByText(/^Quy định chưa xác nhận/).click();
    const recheck = page.locator('[data-rule="quorumRecheckEachRound"]');
    await seen(recheck.getByText('Trước mỗi vòng bầu kiểm tra lại số có mặt', { exact: false }));
    const select = recheck.getByRole('combobox');
    await select.focus();
    await select.press('ArrowDown');
    await seen(page.locator('.ant-select-item-option').filter({ hasText: 'Không cho mở vòng bầu' }));
    await page.locator('.ant-select-item-option').filter({ hasText: 'Không cho mở vòng bầu' }).click();
    await seen(page.getByText('Đã lưu thiết lập.', { exact: false }));
    await seen(recheck.getByText('đã đổi; mặc định: Chỉ cảnh báo'));
    await screenshot(page, 'election-rules-01-setting-changed', { fullPage: false });
    // What the server holds (the audit entry is checked by the elections integration tests).
    const saved = await api.get<{ unconfirmedRules: { id: string; value: unknown; overridden: boolean }[] }>(`/elections/${e.id}`);
    expect(saved.unconfirmedRules.find((r) => r.id === 'quorumRecheckEachRound')).toMatchObject({ value: 'block', overridden: true });
  });

  it('refuses to open the vote while delegates of fewer than two thirds of the subordinate organisations are present, naming the numbers', async () => {
    const api = await apiAs(server.url, 'mongcai', 'MongCai@2020');
    const users = await api.get<{ id: number; username: string }[]>(`/elections/${electionId}/eligible-counters`);
    const idOf = (u: string) => users.find((x) => x.username === u)!.id;
    await api.put(`/elections/${electionId}/counters`, {
      counters: [{ userId: idOf('kiemphieu'), isChief: true }, { userId: idOf('nhapphieu.a'), team: 'A' }, { userId: idOf('nhapphieu.b'), team: 'B' }],
    });
    await page.reload();
    const fill = async (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
    for (const [label, value] of [
      ['Số có mặt', '28'],
      ['Số phiếu phát ra', '28'],
      ['Số phiếu thu vào', '28'],
      ['Tán thành', '28'],
      ['Không tán thành', '0'],
      ['Số tổ chức đảng trực thuộc', '9'],
      ['Số tổ chức có đại biểu tham dự', '5'],
    ] as const)
      await fill(label, value);
    await page.getByRole('button', { name: 'Bắt đầu nhập phiếu' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Tổ chức đảng trực thuộc có đại biểu tham dự 5/9, cần ít nhất 6.' });
    await seen(refusal);
    expect(await textOf(refusal)).toContain('Điều lệ Đảng Đ11 K6');
    await screenshot(page, 'election-rules-02-quorum-refused', { fullPage: false });
    await fill('Số tổ chức có đại biểu tham dự', '6');
    await page.getByRole('button', { name: 'Bắt đầu nhập phiếu' }).click();
    await seen(page.locator('.election-head').getByText('Đang nhập phiếu', { exact: true }));
    const opened = await api.get<{ subordinateOrgs: unknown }>(`/elections/${electionId}`);
    expect(opened.subordinateOrgs).toEqual({ total: 9, withDelegatesPresent: 6 });
  });
});
