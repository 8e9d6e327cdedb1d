import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { gone, launchBrowser, newUserPage, screenshot, seen, signIn, textOf, treeItem, takeScriptErrors } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { buildWorkbook, readFirstSheet, templateHeader, xlsxMime } from './support/workbooks.ts';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  ({ context, page } = await newUserPage(browser, server.url));
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

const importButton = () => page.getByRole('button', { name: 'Nhập dữ liệu', exact: true });
const fileInput = () => page.locator('input[type=file]');
const errorsRegion = () => page.getByRole('region', { name: 'Các dòng lỗi' });
/** A row of the error table, found by its row number and its column name. */
const errorRow = (row: number, column: string) =>
  errorsRegion()
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: String(row), exact: true }) })
    .filter({ has: page.getByRole('cell', { name: column, exact: true }) });

describe('a province administrator imports units from Excel', () => {
  it('downloads the template with the expected columns', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('menuitem', { name: 'Nhập/Xuất Excel' }).click();
    await seen(page.getByRole('heading', { name: 'Nhập/Xuất Excel' }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải tệp mẫu/ }).click()]);
    expect(download.suggestedFilename()).toBe('mau-nhap-to-chuc.xlsx');
    const rows = await readFirstSheet(fs.readFileSync((await download.path())!));
    expect(rows[0]!.slice(0, templateHeader.length)).toEqual(templateHeader);
  });

  it('sees every bad row named with its column and a Vietnamese reason, and cannot import', async () => {
    const bad = await buildWorkbook([
      ['E2E-CB-01', 'Chi bộ Khu phố Hòa Lạc', 'QN-MC', 'grassrootsCell', 'territorial', 21, 2, '15/05/2021'],
      ['E2E-CB-02', 'Chi bộ Khu phố Trần Phú', 'KHONG-CO', 'grassrootsCell', 'territorial', 18, 1, ''],
      ['E2E-CB-01', 'Chi bộ Khu phố Hòa Lạc 2', 'QN-MC', 'grassrootsCell', 'territorial', 9, 0, ''],
      ['E2E-CB-03', 'Chi bộ Khu phố Ka Long', 'QN-MC', 'grassrootsCell', 'territorial', { formula: 'SUM(10,2)' }, 0, ''],
    ]);
    await fileInput().setInputFiles({ name: 'to-chuc-co-loi.xlsx', mimeType: xlsxMime, buffer: bad });

    await seen(page.getByText('Kết quả kiểm tra: to-chuc-co-loi.xlsx'));
    await seen(errorRow(3, 'Mã cấp trên').getByText('Không tìm thấy tổ chức cấp trên mã "KHONG-CO"', { exact: false }));
    await seen(errorRow(4, 'Mã').getByText('Mã "E2E-CB-01" trùng với dòng 2.'));
    await seen(errorRow(5, 'Đảng viên chính thức').getByText(/Ô chứa công thức/));
    expect(await importButton().isDisabled()).toBe(true);
    // The good row 2 is not listed; the summary counts what the table lists.
    await gone(errorRow(2, 'Mã'));
    const errorCount = (await errorsRegion().getByRole('row').count()) - 1;
    expect(errorCount).toBeGreaterThanOrEqual(3);
    expect(await textOf(page.getByRole('alert').filter({ hasText: 'chưa thể nhập' }))).toContain(`Tệp có ${errorCount} lỗi`);
    await screenshot(page, '05-import-errors');
  });

  it('imports a clean file and finds the new units in the tree', async () => {
    const good = await buildWorkbook([
      // The child comes first: its parent is a later row of the same file.
      ['E2E-CB-11', 'Chi bộ Khu phố 5 Hải Hòa Mới', 'E2E-DB-10', 'subordinateCell', 'territorial', 34, 3, '01/02/2024'],
      ['E2E-DB-10', 'Đảng bộ phường Hải Hòa Mới', 'QN-MC', 'grassrootsCommittee', 'Theo địa giới hành chính', 0, 0, '01/01/2024'],
    ]);
    await fileInput().setInputFiles({ name: 'to-chuc-moi.xlsx', mimeType: xlsxMime, buffer: good });
    await seen(page.getByText('Kết quả kiểm tra: to-chuc-moi.xlsx'));
    await seen(page.getByText('Tệp hợp lệ: sẽ thêm 2 và cập nhật 0 tổ chức.'));
    await gone(errorsRegion());
    const rowsToImport = page.getByRole('region', { name: 'Các dòng sẽ nhập' });
    await seen(rowsToImport.getByRole('cell', { name: 'Đảng bộ phường Hải Hòa Mới' }));
    await seen(rowsToImport.getByRole('cell', { name: '01/02/2024' }));
    expect(await importButton().isEnabled()).toBe(true);
    await screenshot(page, '06-import-clean-preview');

    await importButton().click();
    await seen(page.getByText('Đã nhập tệp to-chuc-moi.xlsx'));
    await seen(page.getByText('Thêm 2, cập nhật 0 tổ chức.'));
    await page.getByRole('button', { name: 'Xem cây tổ chức' }).click();

    await page.getByLabel('Tìm tổ chức').fill('hai hoa moi');
    await page
      .getByRole('region', { name: 'Kết quả tìm kiếm' })
      .getByRole('link', { name: /^Đảng bộ phường Hải Hòa Mới/ })
      .click();
    await seen(page.getByRole('heading', { name: 'Đảng bộ phường Hải Hòa Mới', level: 3 }));
    await seen(treeItem(page, 'Chi bộ Khu phố 5 Hải Hòa Mới'));
    await seen(page.getByText('01/01/2024', { exact: true }));
    const totals = page.getByRole('region', { name: 'Tổng hợp toàn bộ tổ chức trực thuộc' });
    await seen(totals.getByText('34 / 3', { exact: true }));
    await screenshot(page, '07-imported-unit');
  });

  it('exports the subtree it just changed, with the new unit in it', async () => {
    await page.getByRole('button', { name: 'Xuất Excel' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tệp Excel (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('to-chuc-E2E-DB-10.xlsx');
    const rows = await readFirstSheet(fs.readFileSync((await download.path())!));
    expect(rows.map((r) => r[0])).toEqual(['Mã', 'E2E-DB-10', 'E2E-CB-11']);
  });
});
