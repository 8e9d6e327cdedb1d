import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newUserPage, screenshot, screenshotsDir, seen, signIn, takeScriptErrors } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterEach(() => {
  expect(takeScriptErrors()).toEqual([]);
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

async function userPage(): Promise<Page> {
  const { context, page } = await newUserPage(browser, server.url);
  contexts.push(context);
  return page;
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });
const hasTool = (tool: string) => {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const DRAFT_V1 = [
  '# Báo cáo chính trị trình Đại hội đại biểu Đảng bộ thành phố Móng Cái lần thứ XXIV',
  'I. MỤC TIÊU TỔNG QUÁT',
  'Xây dựng Đảng bộ thành phố trong sạch, vững mạnh; phát triển kinh tế cửa khẩu, du lịch biển.',
  'II. CHỈ TIÊU CHỦ YẾU',
  'Tốc độ tăng trưởng giá trị sản xuất bình quân 12%/năm.',
  'Thu ngân sách trên địa bàn tăng bình quân 8%/năm.',
].join('\n');
const DRAFT_V2 = DRAFT_V1.replace('bình quân 12%/năm', 'bình quân 13,5%/năm') + '\nTỷ lệ hộ nghèo đa chiều giảm còn dưới 0,5%.';
const ROUND = 'Lấy ý kiến dự thảo Báo cáo chính trị Đại hội XXIV';
const SCRIPT = '<script>alert("gop-y")</script> =SUM(A1:A9) đề nghị giữ chỉ tiêu 13,5%';

describe('a draft is published, commented on by members and the public, and synthesized', () => {
  let roundUrl = '';
  let publicPath = '';

  it('the Organization Board publishes the draft resolution, compares versions, approves one and opens a round', async () => {
    const page = await userPage();
    await signIn(page, 'admin', 'QuangNinh@2020');
    await nav(page).getByRole('menuitem', { name: 'Văn kiện, góp ý' }).click();
    await seen(page.getByRole('heading', { name: 'Văn kiện và góp ý', level: 2 }));
    // The demo province's round is there, with its comments.
    await seen(page.getByRole('row').filter({ hasText: 'Lấy ý kiến đóng góp dự thảo Báo cáo chính trị Đại hội XV' }));
    await screenshot(page, 'consultation-01-hub');

    const picker = page.getByRole('combobox', { name: 'Chọn đại hội' });
    await picker.click();
    await picker.pressSequentially('mong cai');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^Đảng bộ thành phố Móng Cái — / }).first().click();
    await seen(page.getByRole('heading', { name: 'Văn kiện đại hội — Đảng bộ thành phố Móng Cái', level: 2 }));
    await seen(page.getByText('chưa xác nhận'));
    await page.getByRole('button', { name: 'Thêm văn kiện' }).click();
    const create = page.getByRole('dialog', { name: 'Thêm văn kiện' });
    // The type offered first is the political report.
    await seen(create.getByText('Báo cáo chính trị', { exact: true }));
    await create.getByLabel('Tên văn kiện').fill('Dự thảo Báo cáo chính trị Đại hội XXIV');
    await create.getByRole('button', { name: 'Thêm văn kiện' }).click();
    await seen(page.getByRole('heading', { name: 'Dự thảo Báo cáo chính trị Đại hội XXIV', level: 2 }));

    for (const [text, note] of [
      [DRAFT_V1, 'Dự thảo lần 1'],
      [DRAFT_V2, 'Dự thảo lần 2'],
    ] as const) {
      await page.getByRole('button', { name: 'Thêm phiên bản' }).click();
      const dialog = page.getByRole('dialog', { name: 'Dán nội dung văn bản' });
      await dialog.getByLabel('Ghi chú').fill(note);
      await dialog.getByLabel('Nội dung').fill(text);
      await dialog.getByRole('button', { name: 'Thêm phiên bản' }).click();
      await seen(page.getByRole('cell', { name: note, exact: true }));
    }
    // The difference between versions 1 and 2, word by word.
    const diff = page.getByRole('region', { name: 'So sánh hai phiên bản' });
    await seen(diff.locator('del', { hasText: '12%/năm.' }));
    await seen(diff.locator('ins', { hasText: '13,5%/năm.' }));
    await seen(diff.locator('ins', { hasText: 'Tỷ lệ hộ nghèo đa chiều' }));
    await screenshot(page, 'consultation-02-document-diff');

    const v2 = page.getByRole('row').filter({ hasText: 'Dự thảo lần 2' });
    await v2.getByRole('button', { name: 'Thông qua bản này' }).click();
    await page.locator('.ant-popover:visible').getByRole('button', { name: 'Thông qua bản này' }).click();
    await seen(v2.getByText('Đã thông qua'));

    await page.getByRole('button', { name: 'Mở đợt lấy ý kiến' }).click();
    const round = page.getByRole('dialog', { name: 'Mở đợt lấy ý kiến' });
    await round.getByLabel('Tên đợt lấy ý kiến').fill(ROUND);
    await seen(round.getByRole('checkbox', { name: 'Nhân dân, qua đường dẫn công khai' }));
    await round.getByRole('button', { name: 'Mở đợt lấy ý kiến' }).click();
    await page.getByRole('link', { name: ROUND }).click();
    await seen(page.getByRole('heading', { name: ROUND, level: 2 }));
    await seen(page.getByText('Đang lấy ý kiến'));
    const link = await page.getByLabel('Đường dẫn công khai').inputValue();
    expect(link).toMatch(/\/gop-y\/[A-Za-z0-9_-]{20,}$/);
    publicPath = new URL(link).pathname;
    roundUrl = new URL(page.url()).pathname;
    await screenshot(page, 'consultation-03-round-admin');
  });

  it('a member of Móng Cái comments on a section after signing in', async () => {
    const page = await userPage();
    await signIn(page, 'mongcai', 'MongCai@2020');
    await nav(page).getByRole('menuitem', { name: 'Văn kiện, góp ý' }).click();
    await page.getByRole('row').filter({ hasText: ROUND }).getByRole('link', { name: 'Góp ý' }).click();
    await seen(page.getByText('Ý kiến ghi nhận đơn vị của bạn: Đảng bộ thành phố Móng Cái'));
    const section = page.getByRole('group', { name: 'Đoạn s5' });
    await section.getByRole('button', { name: 'Góp ý đoạn này' }).click();
    await section.getByLabel('Ý kiến của bạn').fill('Đề nghị cân nhắc chỉ tiêu tăng trưởng 13,5% trong bối cảnh dịch Covid-19.');
    await section.getByRole('button', { name: 'Gửi góp ý' }).click();
    await seen(page.getByText('Đã gửi góp ý. Cảm ơn đồng chí!'));
    await seen(page.getByText('Đề nghị cân nhắc chỉ tiêu tăng trưởng 13,5% trong bối cảnh dịch Covid-19.').last());
    await screenshot(page, 'consultation-04-member-comment');
  });

  it('a citizen comments through the public link on a phone; a flood from one address is refused', async () => {
    const context = await browser.newContext({ baseURL: server.url, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    contexts.push(context);
    const page = await context.newPage();
    page.on('dialog', () => {
      throw new Error('a script in a comment ran');
    });
    await page.goto(publicPath);
    await seen(page.getByRole('heading', { name: 'Góp ý dự thảo văn kiện', level: 1 }));
    const section = page.getByRole('region', { name: 'Đoạn s5' });
    await section.getByRole('button', { name: 'Góp ý', exact: true }).click();
    // People read before they write; the form refuses what a script sends at once.
    await page.waitForTimeout(5_500);
    await section.getByLabel('Ý kiến của bạn').fill(SCRIPT);
    await section.getByLabel('Họ và tên (không bắt buộc)').fill('Hoàng Thị Lan');
    await section.getByRole('button', { name: 'Gửi ý kiến' }).click();
    await seen(section.getByRole('status').filter({ hasText: 'Ý kiến của bạn đã được ghi nhận' }));
    await screenshot(page, 'consultation-05-public-phone', { fullPage: false });
    // Four more from the same address are accepted (five in ten minutes); the sixth is refused.
    const box = section.getByLabel('Ý kiến của bạn');
    for (let i = 1; i <= 5; i++) {
      await box.fill(`Ý kiến số ${i} của người dân về chỉ tiêu thu ngân sách.`);
      await section.getByRole('button', { name: 'Gửi ý kiến' }).click();
      if (i < 5) await expect.poll(() => box.inputValue()).toBe('');
    }
    await seen(section.getByRole('alert').filter({ hasText: 'Mỗi địa chỉ mạng gửi tối đa 5 ý kiến trong 10 phút' }));
    await screenshot(page, 'consultation-06-public-flood', { fullPage: false });
  });

  it('the Organization Board groups the comments, answers them and exports the synthesis as Word', async () => {
    const page = await userPage();
    await signIn(page, 'admin', 'QuangNinh@2020');
    await page.goto(roundUrl);
    // The script is shown as text on the moderation page.
    await seen(page.getByText(SCRIPT));
    await page.getByRole('link', { name: 'Tổng hợp ý kiến' }).click();
    await page.getByRole('navigation', { name: 'Các đoạn' }).getByRole('button', { name: /^s5 / }).click();
    await page.getByLabel('Tên nhóm mới').fill('Chỉ tiêu tăng trưởng');
    await page.getByRole('button', { name: 'Thêm nhóm' }).click();
    await seen(page.getByRole('group', { name: 'Chỉ tiêu tăng trưởng' }));
    for (const text of ['Đề nghị cân nhắc chỉ tiêu tăng trưởng 13,5%', '<script>alert("gop-y")</script>']) {
      await page.getByRole('row').filter({ hasText: text }).getByRole('checkbox').check();
    }
    await page.getByRole('combobox', { name: 'Xếp vào nhóm' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Chỉ tiêu tăng trưởng' }).click();
    await page.getByRole('button', { name: 'Xếp nhóm' }).click();
    await seen(page.getByText('Đã xếp 2 ý kiến.'));
    const theme = page.getByRole('group', { name: 'Chỉ tiêu tăng trưởng' });
    await seen(theme.getByText('2 ý kiến'));
    await theme.getByRole('combobox', { name: 'Tiếp thu, giải trình: Chỉ tiêu tăng trưởng' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Giải trình' }).click();
    await theme.getByLabel('Nội dung trả lời: Chỉ tiêu tăng trưởng').fill('Chỉ tiêu 13,5% đã tính đến tác động của dịch bệnh; giữ như dự thảo.');
    await theme.getByRole('button', { name: 'Lưu trả lời' }).click();
    await seen(page.getByText('Đã lưu.'));
    await theme.getByRole('button', { name: 'Xem ý kiến gốc' }).click();
    const trace = page.getByRole('dialog');
    await trace.getByRole('listitem').filter({ hasText: '<script>' }).getByRole('button', { name: 'Chọn làm trích dẫn' }).click();
    await seen(page.getByText('Đã chọn trích dẫn.'));
    await trace.getByRole('button', { name: /Close|Đóng/ }).click();
    await seen(theme.locator('blockquote', { hasText: '<script>alert("gop-y")</script>' }));
    await screenshot(page, 'consultation-07-synthesis');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Xuất báo cáo tổng hợp (Word)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-synth-'));
    const docx = path.join(dir, 'tong-hop.docx');
    await download.saveAs(docx);
    if (!hasTool('soffice') || !hasTool('pdftoppm')) {
      console.warn('soffice/pdftoppm missing: the Word export is not rendered');
      return;
    }
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 120_000, env: { ...process.env, HOME: dir } });
    const pdf = path.join(dir, 'tong-hop.pdf');
    const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('BÁO CÁO TỔNG HỢP Ý KIẾN GÓP Ý');
    expect(text).toContain('Chỉ tiêu tăng trưởng');
    expect(text).toContain('<script>alert("gop-y")</script>');
    expect(text).toContain('Giải trình — Chỉ tiêu 13,5% đã tính đến tác động của dịch bệnh');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(screenshotsDir, 'consultation-08-synthesis-docx')]);
    expect(fs.readdirSync(screenshotsDir).some((f) => f.startsWith('consultation-08-synthesis-docx'))).toBe(true);
  });
});
