import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { gone, launchBrowser, newUserPage, screenshot, seen, signIn, textOf, treeItem, takeScriptErrors } from './support/browser.ts';
import { apiAs, startServer, type TestServer } from './support/server.ts';

type Org = { id: number; name: string; fullMembers: number; probationaryMembers: number; version: number };

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let target: Org; // Chi bộ trường THCS Thống Nhất (Đầm Hà)
let source: Org; // Chi bộ trường THCS Việt Hưng (Đầm Hà)

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  ({ context, page } = await newUserPage(browser, server.url));
  const api = await apiAs(server.url, 'admin', 'QuangNinh@2020');
  target = (await api.get<Org[]>('/orgs/search?q=QN-DH-C001'))[0]!;
  source = (await api.get<Org[]>('/orgs/search?q=QN-DH-C002'))[0]!;
  await signIn(page, 'admin', 'QuangNinh@2020');
});

afterEach(() => {
  expect(takeScriptErrors()).toEqual([]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function openBySearch(text: string, name: string) {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Cây tổ chức' }).click();
  await seen(treeItem(page, 'Đảng bộ tỉnh Quảng Ninh'));
  await page.getByLabel('Tìm tổ chức').fill(text);
  await expect.poll(() => page.getByLabel('Tìm tổ chức').inputValue()).toBe(text);
  await page.getByRole('region', { name: 'Kết quả tìm kiếm' }).getByRole('link', { name: new RegExp(`^${name}`) }).click();
  await seen(page.getByRole('heading', { name, level: 3 }));
}

/** Chooses an organization in a search-as-you-type picker: click, type, pick the suggestion. */
async function pick(input: ReturnType<Page['getByLabel']>, typed: string, name: string) {
  await input.click();
  await input.pressSequentially(typed);
  await page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
}

/** Types a date into an antd date field the way a user does, and confirms it. */
async function typeDate(scope: ReturnType<Page['getByRole']>, label: string, ddmmyyyy: string) {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(ddmmyyyy);
  // Tab commits the typed date and leaves the field; Enter could also submit the dialog's form,
  // which raced with the next click. Then wait until the calendar popup no longer covers it.
  await input.press('Tab');
  await scope.page().locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
}

describe('a province administrator merges two grassroots cells of a district', () => {
  it('merges Việt Hưng into Thống Nhất under a decision', async () => {
    expect(target.name).toBe('Chi bộ trường THCS Thống Nhất');
    expect(source.name).toBe('Chi bộ trường THCS Việt Hưng');
    await openBySearch('QN-DH-C001', target.name);
    await seen(treeItem(page, source.name));

    await page.getByRole('button', { name: 'Hợp nhất', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Hợp nhất — ${target.name}` });
    await seen(dialog);
    await pick(dialog.getByLabel('Tổ chức bị hợp nhất'), 'QN-DH-C002', source.name);
    await dialog.getByLabel('Số quyết định').fill('45-QĐ/HU');
    await typeDate(dialog, 'Ngày quyết định', '15/03/2025');
    await typeDate(dialog, 'Ngày hiệu lực', '01/04/2025');
    await dialog.getByLabel('Ghi chú').fill('Hợp nhất hai chi bộ trường THCS theo Đề án sắp xếp tổ chức.');
    await screenshot(page, '08-merge-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Hợp nhất', exact: true }).click();

    await seen(page.getByText(`Đã hợp nhất vào ${target.name}: giảm 1 đầu mối.`));
    await gone(dialog);
    const totals = page.getByRole('region', { name: 'Tổng hợp toàn bộ tổ chức trực thuộc' });
    await seen(totals.getByText('Giảm 1 đầu mối', { exact: true }));
    // The members of the cell merged away are now counted in the target.
    const full = target.fullMembers + source.fullMembers;
    const prob = target.probationaryMembers + source.probationaryMembers;
    await seen(totals.getByText(`${full} / ${prob}`, { exact: true }));
    await gone(treeItem(page, source.name));
  });

  it('sees the merge with its decision in the target unit’s history', async () => {
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    const merges = page.getByRole('region', { name: 'Hợp nhất, sáp nhập' });
    await seen(merges.getByText('Quyết định số 45-QĐ/HU'));
    await seen(merges.getByText('Giảm 1 đầu mối'));
    await seen(merges.getByText('15/03/2025', { exact: true }));
    await seen(merges.getByText('01/04/2025', { exact: true }));
    await seen(merges.getByRole('link', { name: source.name }));
    await seen(merges.getByText('Hợp nhất hai chi bộ trường THCS theo Đề án sắp xếp tổ chức.'));
    const events = page.getByRole('region', { name: 'Nhật ký thay đổi' });
    await seen(events.getByText(`Hợp nhất ${source.name} vào ${target.name} (QĐ 45-QĐ/HU); giảm 1 đầu mối`, { exact: false }));
    await screenshot(page, '09-history-after-merge');

    // The unit merged away keeps its own record, pointing at where it went.
    await merges.getByRole('link', { name: source.name }).click();
    await seen(page.getByRole('heading', { name: source.name, level: 3 }));
    await seen(page.getByText('Đã hợp nhất', { exact: true }).first());
    await gone(page.getByRole('button', { name: 'Hợp nhất', exact: true }));
    await seen(page.getByRole('link', { name: 'Xem tổ chức nhận hợp nhất' }));
  });

  it('finds the merge in the audit log, and filters the log by action', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Nhật ký thay đổi' }).click();
    await seen(page.getByRole('heading', { name: 'Nhật ký thay đổi' }));
    const mergeRow = page.getByRole('row').filter({ hasText: `Hợp nhất ${source.name} vào ${target.name} (QĐ 45-QĐ/HU)` });
    await seen(mergeRow);
    const rowText = await textOf(mergeRow);
    expect(rowText).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} admin Hợp nhất /);
    await seen(page.getByRole('row').filter({ hasText: 'admin đăng nhập' }));
    await screenshot(page, '10-audit-log');

    const actionFilter = page.getByLabel('Thao tác');
    await actionFilter.click();
    await actionFilter.pressSequentially('organization.mer');
    await page.getByRole('option', { name: /^organization\.merged — Hợp nhất/ }).click();
    expect(await actionFilter.inputValue()).toBe('organization.merged');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await gone(page.getByRole('row').filter({ hasText: 'admin đăng nhập' }));
    await seen(mergeRow);
    // The demo's own merge (Hoành Bồ into Hạ Long) is in the log too.
    await seen(page.getByRole('row').filter({ hasText: 'Hợp nhất Đảng bộ huyện Hoành Bồ vào Đảng bộ thành phố Hạ Long' }));
  });
});

describe('the server’s refusals reach the user in Vietnamese', () => {
  it('shows a conflict when someone else changed the unit meanwhile', async () => {
    await openBySearch('QN-DH-C003', 'Chi bộ trường THCS Sơn Dương');
    await page.getByRole('button', { name: 'Sửa, đổi tên' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa thông tin Chi bộ trường THCS Sơn Dương' });
    await seen(dialog);
    // A colleague saves first.
    const colleague = await apiAs(server.url, 'admin', 'QuangNinh@2020');
    const [unit] = await colleague.get<Org[]>('/orgs/search?q=QN-DH-C003');
    await colleague.patch(`/orgs/${unit!.id}`, { version: unit!.version, fullMembers: unit!.fullMembers + 1 });

    await dialog.getByLabel('Tên tổ chức').fill('Chi bộ trường THCS Sơn Dương (mới)');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await seen(dialog.getByRole('alert').filter({ hasText: 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại và thử lại.' }));
    await screenshot(page, '11-version-conflict', { fullPage: false });
    await dialog.getByRole('button', { name: 'Hủy' }).click();
  });

  it('refuses to move a district under one of its own units', async () => {
    await openBySearch('QN-DH', 'Đảng bộ huyện Đầm Hà');
    await page.getByRole('button', { name: 'Chuyển', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /Chuyển Đảng bộ huyện Đầm Hà/ });
    await pick(dialog.getByLabel('Tổ chức cấp trên mới'), 'QN-DH-001', 'Đảng bộ thị trấn Đại Yên');
    await dialog.getByRole('button', { name: 'Chuyển', exact: true }).click();
    await seen(dialog.getByRole('alert').filter({ hasText: 'Không thể chuyển một tổ chức vào chính nó hoặc tổ chức cấp dưới của nó.' }));
  });

  it('names a missing required field next to the field before sending anything', async () => {
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    await page.getByRole('button', { name: 'Giải thể', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Giải thể Đảng bộ huyện Đầm Hà' });
    await dialog.getByRole('button', { name: 'Giải thể', exact: true }).click();
    await seen(dialog.getByText('Vui lòng nhập Lý do.'));
    await dialog.getByLabel('Lý do').fill('Thử nghiệm');
    await dialog.getByRole('button', { name: 'Giải thể', exact: true }).click();
    await seen(dialog.getByRole('alert').filter({ hasText: 'Tổ chức còn tổ chức trực thuộc đang hoạt động.' }));
    await dialog.getByRole('button', { name: 'Hủy' }).click();
  });
});

describe('a province administrator reshapes a district', () => {
  it('adds a cell under a grassroots committee, and is told next to the field when a code is taken', async () => {
    await openBySearch('QN-DH-001', 'Đảng bộ thị trấn Đại Yên');
    await page.getByRole('button', { name: 'Thêm tổ chức trực thuộc' }).click();
    let dialog = page.getByRole('dialog', { name: 'Thêm tổ chức trực thuộc Đảng bộ thị trấn Đại Yên' });
    await dialog.getByLabel('Tên tổ chức').fill('Chi bộ khu 9');
    await dialog.getByLabel('Mã tổ chức').fill('QN-DH-001');
    // A select showing a value: the keyboard opens its list, as for any user of the keyboard.
    await dialog.getByLabel('Loại tổ chức').focus();
    await dialog.getByLabel('Loại tổ chức').press('ArrowDown');
    await page.getByRole('option', { name: 'Chi bộ trực thuộc', exact: true }).click();
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    await seen(dialog.getByText('Mã "QN-DH-001" đã được dùng.'));
    await screenshot(page, '21-create-child-code-taken', { fullPage: false });

    await dialog.getByLabel('Mã tổ chức').fill('QN-DH-001-K9');
    await dialog.getByLabel('Đảng viên chính thức').fill('1234');
    await typeDate(dialog, 'Ngày thành lập', '02/09/2025');
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    await seen(page.getByRole('heading', { name: 'Chi bộ khu 9', level: 3 }));
    await gone(dialog);
    await seen(page.getByRole('navigation').getByRole('link', { name: 'Đảng bộ thị trấn Đại Yên' }));
    await seen(treeItem(page, 'Chi bộ khu 9'));
    await seen(page.getByText('02/09/2025', { exact: true }));
    await seen(page.getByText('1.234', { exact: true }).first());
    dialog = page.getByRole('dialog');
    await gone(dialog);
  });

  it('merges two cells into a new one and counts one unit fewer', async () => {
    const hongHa = 'Chi bộ trường THCS Hồng Hà';
    const mongDuong = 'Chi bộ trường THCS Mông Dương';
    await openBySearch('QN-DH-C004', hongHa);
    await page.getByRole('button', { name: 'Hợp nhất', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Hợp nhất — ${hongHa}` });
    // A click, then the state as React renders it: check() reads the state in the same tick and misses a deferred render under load.
    const intoNew = dialog.getByRole('radio', { name: `Hợp nhất ${hongHa} với các tổ chức khác thành tổ chức mới` });
    await intoNew.click();
    await expect.poll(() => intoNew.isChecked()).toBe(true);
    await pick(dialog.getByLabel('Các tổ chức cùng hợp nhất'), 'QN-DH-C006', mongDuong);
    await dialog.getByLabel('Tên tổ chức mới').fill('Chi bộ liên trường THCS Hồng Hà – Mông Dương');
    await dialog.getByLabel('Mã tổ chức mới').fill('QN-DH-C020');
    // The new unit sits where the merged ones were, unless the user says otherwise.
    expect(await textOf(dialog.locator('.ant-form-item').filter({ hasText: 'Trực thuộc' }))).toContain('Đảng bộ huyện Đầm Hà');
    await dialog.getByLabel('Số quyết định').fill('46-QĐ/HU');
    await typeDate(dialog, 'Ngày quyết định', '20/03/2025');
    await typeDate(dialog, 'Ngày hiệu lực', '01/04/2025');
    await screenshot(page, '22-merge-into-new-unit', { fullPage: false });
    await dialog.getByRole('button', { name: 'Hợp nhất', exact: true }).click();

    await seen(page.getByText('Đã hợp nhất vào Chi bộ liên trường THCS Hồng Hà – Mông Dương: giảm 1 đầu mối.'));
    await seen(page.getByRole('heading', { name: 'Chi bộ liên trường THCS Hồng Hà – Mông Dương', level: 3 }));
    await seen(treeItem(page, 'Chi bộ liên trường THCS Hồng Hà – Mông Dương'));
    await gone(treeItem(page, hongHa));
    await gone(treeItem(page, mongDuong));
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    const merges = page.getByRole('region', { name: 'Hợp nhất, sáp nhập' });
    await seen(merges.getByText('Quyết định số 46-QĐ/HU'));
    await seen(merges.getByRole('link', { name: hongHa }));
    await seen(merges.getByRole('link', { name: mongDuong }));
  });
});
