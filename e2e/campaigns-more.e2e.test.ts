import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { gone, launchBrowser, newUserPage, screenshot, seen, signIn, takeScriptErrors, textOf } from './support/browser.ts';
import { apiAs, startServer, type TestServer } from './support/server.ts';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let campaignId = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const api = await apiAs(server.url, 'admin', 'QuangNinh@2020');
  const list = await api.get<{ id: number; termFrom: number }[]>('/campaigns');
  campaignId = list.find((c) => c.termFrom === 2020)!.id;
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

const region = (name: string) => page.getByRole('region', { name, exact: true });
const levelRow = (name: string) => region('Theo cấp').getByRole('row').filter({ hasText: name });

/** Opens an antd Select and clicks the option with this text. */
async function choose(select: Locator, text: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

async function openCongress(name: string) {
  await page.goto(`${server.url}/campaigns/${campaignId}/congresses`);
  await page.getByLabel('Tìm theo tên, mã tổ chức').fill(name);
  await page.getByLabel('Tìm theo tên, mã tổ chức').press('Enter');
  await page.getByRole('link', { name, exact: true }).click();
  await seen(page.getByRole('heading', { name, level: 2 }));
}

describe('leaders look at the round from the dashboard', () => {
  it('switches the calendar to a week and finds the July district congresses', async () => {
    await page.goto(`${server.url}/campaigns/${campaignId}?asOf=2020-06-15`);
    const cal = region('Lịch đại hội');
    await seen(cal);
    await cal.getByText('Tuần', { exact: true }).click();
    await seen(cal.getByText('Tuần từ 15/06/2020 đến 21/06/2020'));
    for (let i = 0; i < 3; i++) await cal.getByRole('button', { name: 'Tuần sau' }).click();
    await seen(cal.getByText('Tuần từ 06/07/2020 đến 12/07/2020'));
    const week = cal.getByRole('table', { name: 'Lịch đại hội trong tuần' });
    // Vân Đồn runs 6–7/7: it shows on both days; Cô Tô 8–9/7.
    await expect.poll(async () => week.getByRole('link', { name: 'Đảng bộ huyện Vân Đồn' }).count()).toBe(2);
    await seen(week.getByRole('link', { name: 'Đảng bộ huyện Cô Tô' }).first());
    expect(await textOf(week.getByRole('columnheader').first())).toContain('Thứ Hai');
    await cal.scrollIntoViewIfNeeded();
    await screenshot(page, 'campaign-10-week-calendar', { fullPage: false });
    await week.getByRole('link', { name: 'Đảng bộ huyện Vân Đồn' }).first().click();
    await seen(page.getByRole('heading', { name: 'Đảng bộ huyện Vân Đồn', level: 2 }));
  });

  it('drills down province → district → grassroots and filters the list', async () => {
    await page.goto(`${server.url}/campaigns/${campaignId}?asOf=2020-06-15`);
    await region('Các tổ chức trực thuộc').getByRole('link', { name: 'Đảng bộ huyện Đầm Hà', exact: true }).click();
    await seen(page.getByRole('heading', { name: 'Đảng bộ huyện Đầm Hà', level: 3 }));
    expect(await textOf(levelRow('Cấp trên cơ sở'))).toContain('1/1');
    const child = region('Các tổ chức trực thuộc').getByRole('link').filter({ hasText: /^Đảng bộ (xã|thị trấn) / }).first();
    const childName = (await child.textContent())!;
    await child.click();
    await seen(page.getByRole('heading', { name: childName, level: 3 }));
    const crumbs = await textOf(page.locator('.ant-breadcrumb'));
    expect(crumbs).toContain('Đảng bộ huyện Đầm Hà');
    expect(crumbs).toContain('Đảng bộ tỉnh Quảng Ninh');
    await screenshot(page, 'campaign-11-drilldown-grassroots', { fullPage: false });

    // Back at the province: the list of district-level congresses approved and waiting to be held.
    await page.goto(`${server.url}/campaigns/${campaignId}/congresses`);
    await choose(page.getByLabel('Cấp', { exact: true }), 'Cấp trên cơ sở');
    await seen(page.getByText('20 đại hội'));
    await choose(page.getByLabel('Trạng thái', { exact: true }), 'Cấp trên đã duyệt');
    await seen(page.getByText('6 đại hội'));
    await seen(page.getByRole('link', { name: 'Đảng bộ huyện Vân Đồn' }));
    await page.reload();
    await choose(page.getByLabel('Cấp', { exact: true }), 'Cấp trên cơ sở');
    await choose(page.getByLabel('Đại hội điểm', { exact: true }), 'Có');
    await seen(page.getByText('3 đại hội'));
    for (const n of ['Đảng bộ thành phố Móng Cái', 'Đảng bộ huyện Đầm Hà']) await seen(page.getByRole('link', { name: n }));
    await screenshot(page, 'campaign-12-filters', { fullPage: false });
  });
});

describe('the province approves a district congress after its checklist, with directors assigned', () => {
  const name = 'Đảng bộ Bộ đội Biên phòng tỉnh';
  let director = '';

  it('reads the pilots’ lessons and plans the sessions the safety plan needs', async () => {
    await openCongress(name);
    const checklist = region('Điều kiện duyệt đại hội');
    // The campaign's own items; documents and personnel add theirs to the same card.
    await seen(checklist.locator('[data-key="campaigns.safetyPlan"]').getByText('Chưa đạt'));
    const lessons = checklist.locator('[data-key="campaigns.pilotLessons"]');
    expect(await textOf(lessons)).toContain('bài học chưa được xác nhận đã đọc');
    await seen(region('Kinh nghiệm từ các đại hội điểm cùng cấp').getByText(/Đảng bộ thành phố Móng Cái \(tổ chức ngày 28\/05\/2020\)/));
    await screenshot(page, 'campaign-13-checklist-open');
    await lessons.getByRole('button', { name: 'Xác nhận đã nghiên cứu bài học' }).click();
    await seen(page.getByText('Đã ghi nhận đã nghiên cứu bài học của đại hội điểm.'));
    await seen(lessons.getByText('Đạt', { exact: true }));

    // The epidemic plan: an official session with its safety checklist.
    const sessions = region('Phiên họp và phòng, chống dịch');
    await sessions.getByRole('button', { name: 'Thêm phiên họp' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm phiên họp' });
    await dialog.getByLabel('Tên phiên').fill('Phiên chính thức thứ nhất');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await screenshot(page, 'campaign-13b-session-saved', { fullPage: false });
    await gone(dialog, 15_000);
    const session = sessions.locator('.congress-page__session').filter({ hasText: 'Phiên chính thức thứ nhất' });
    await seen(session.getByText('20/07/2020'));
    const boxes = session.getByRole('checkbox');
    const n = await boxes.count();
    expect(n).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < n; i++) {
      await boxes.nth(i).click();
      await expect.poll(() => boxes.nth(i).isChecked()).toBe(true);
      await expect.poll(() => boxes.nth(i).isEnabled()).toBe(true);
    }
    await seen(session.getByText('Đã đủ các biện pháp'));
    await seen(checklist.locator('[data-key="campaigns.safetyPlan"]').getByText('Đạt', { exact: true }));
    for (const key of ['dates', 'notice', 'pilotLessons']) expect(await textOf(checklist.locator(`[data-key="campaigns.${key}"]`))).toMatch(/^Đạt/);
    await session.scrollIntoViewIfNeeded();
    await screenshot(page, 'campaign-14-safety-checklist', { fullPage: false });
  });

  it('assigns a standing-committee member to direct it and sees the clash-free calendar', async () => {
    const card = region('Phân công chỉ đạo, dự đại hội');
    await card.getByRole('button', { name: 'Phân công' }).click();
    const dialog = page.getByRole('dialog', { name: `Phân công chỉ đạo, dự đại hội — ${name}` });
    expect(await dialog.locator('.assign-row').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Thêm người' }).click();
    await dialog.locator('.assign-row').nth(1).locator('.ant-select').first().click();
    // The demo already has the Organization Board's head directing it: add another member to attend.
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)').first();
    director = ((await option.textContent()) ?? '').split(' — ')[0]!;
    await option.click();
    await screenshot(page, 'campaign-15-assign', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await gone(dialog);
    await seen(card.getByRole('link', { name: director }));
    expect(await textOf(card.getByRole('row').filter({ hasText: director }))).toContain('Dự');

    await card.getByRole('link', { name: director }).click();
    await seen(page.getByRole('heading', { name: `Lịch chỉ đạo, dự đại hội — ${director}`, level: 2 }));
    const list = region('Các đại hội theo ngày');
    await seen(list.getByRole('row').filter({ hasText: name }));
    expect(await textOf(list.getByRole('row').filter({ hasText: name }))).toContain('20/07/2020 – 21/07/2020');
    await seen(region('Lịch đại hội').locator('.director-calendar__cell').first());
    await screenshot(page, 'campaign-16-director-month');
    await region('Lịch đại hội').getByText('Tuần', { exact: true }).click();
    const week = page.getByRole('table', { name: 'Lịch tuần của đồng chí' });
    await seen(week);
    await screenshot(page, 'campaign-17-director-week', { fullPage: false });
    await page.getByRole('link', { name: 'Phân công chỉ đạo đại hội' }).click();
    await seen(page.getByRole('row').filter({ hasText: director }));
  });

  it('approves it: no campaign item is left open, only what other domains still lack needs a reason', async () => {
    await openCongress(name);
    await seen(page.locator('[data-key="campaigns.dates"]'));
    const open = await page.locator('.approval-checklist__item').evaluateAll((els) =>
      els.filter((e) => e.textContent?.startsWith('Chưa đạt')).map((e) => e.getAttribute('data-key') ?? ''),
    );
    expect(open.filter((k) => k.startsWith('campaigns.'))).toEqual([]);
    await page.getByRole('group', { name: 'Bước tiếp theo' }).getByRole('button', { name: 'Cấp trên đã duyệt', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Cấp trên đã duyệt — ${name}` });
    await dialog.getByLabel('Số quyết định').fill('Thông báo 512-TB/TU');
    if (open.length > 0) {
      const listed = await textOf(dialog.getByRole('alert').or(dialog.locator('.ant-alert')).first());
      expect(listed).not.toContain('đại hội điểm');
      await dialog.getByLabel('Lý do duyệt ngoại lệ').fill('Văn kiện, nhân sự đã được Ban Thường vụ cho ý kiến tại hội nghị ngày 10/7/2020');
    } else expect(await dialog.getByLabel('Lý do duyệt ngoại lệ').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cấp trên đã duyệt', exact: true }).click();
    await seen(page.getByText('Đã chuyển sang "Cấp trên đã duyệt".'));
    await seen(region('Thông tin đại hội').getByText('Thông báo 512-TB/TU'));
  });
});

describe('pilots share their lessons with files', () => {
  it('Móng Cái attaches its minutes to its lesson; a congress of the level not held yet downloads them', async () => {
    await openCongress('Đảng bộ thành phố Móng Cái');
    const pilot = region('Đại hội điểm');
    const pdf = Buffer.from('%PDF-1.4\nBiên bản rút kinh nghiệm đại hội điểm Móng Cái\n', 'utf8');
    await pilot.locator('input[type=file]').first().setInputFiles({ name: 'Biên bản rút kinh nghiệm Móng Cái.pdf', mimeType: 'application/pdf', buffer: pdf });
    await seen(page.getByText('Đã đính kèm "Biên bản rút kinh nghiệm Móng Cái.pdf".'));
    await seen(pilot.getByRole('link', { name: /Biên bản rút kinh nghiệm Móng Cái\.pdf/ }));
    const bad = Buffer.from([0x4d, 0x5a, 0x90, 0x00]);
    await pilot.locator('input[type=file]').first().setInputFiles({ name: 'bai-hoc.pdf', mimeType: 'application/pdf', buffer: bad });
    await seen(page.getByText('Nội dung tệp "bai-hoc.pdf" không đúng với phần mở rộng của nó.'));
    await screenshot(page, 'campaign-21-lesson-file', { fullPage: false });

    await openCongress('Đảng bộ huyện Vân Đồn');
    const shared = region('Kinh nghiệm từ các đại hội điểm cùng cấp');
    const link = shared.getByRole('link', { name: /Biên bản rút kinh nghiệm Móng Cái\.pdf/ });
    await seen(link);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Biên bản rút kinh nghiệm Móng Cái.pdf');
  });
});

describe('"Dân tin, Đảng cử" on a village cell', () => {
  it('records a village head who is not the cell secretary and sees the provincial figure drop', async () => {
    const api = await apiAs(server.url, 'admin', 'QuangNinh@2020');
    const cells = await api.get<{ items: { id: number; org: { name: string } }[] }>(`/campaigns/${campaignId}/congresses?q=${encodeURIComponent('Chi bộ thôn')}&limit=1`);
    const cell = cells.items[0]!;
    await page.goto(`${server.url}/congresses/${cell.id}`);
    await seen(page.getByRole('heading', { name: cell.org.name, level: 2 }));
    const village = region('Dân tin, Đảng cử: bầu trưởng thôn, khu');
    await seen(village.getByText('Cùng ngày với đại hội chi bộ'));
    await village.getByRole('button', { name: 'Ghi kết quả bầu trưởng thôn' }).click();
    const dialog = page.getByRole('dialog', { name: 'Dân tin, Đảng cử: bầu trưởng thôn, khu' });
    await dialog.getByLabel('Số cử tri').fill('400');
    await dialog.getByLabel('Số phiếu bầu trưởng thôn').fill('401');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await seen(dialog.getByText('Số phiếu bầu trưởng thôn lớn hơn số cử tri.').first());
    await dialog.getByLabel('Số phiếu bầu trưởng thôn').fill('372');
    await dialog.getByLabel('Trưởng thôn, khu', { exact: true }).fill('Hoàng Văn Sáng');
    await dialog.getByLabel('Bí thư chi bộ là trưởng thôn, khu').uncheck();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await seen(page.getByText('Đã lưu kết quả bầu trưởng thôn.'));
    expect(await textOf(village)).toContain('372/400 (93,00%)');
    await screenshot(page, 'campaign-18-village');

    await page.goto(`${server.url}/campaigns/${campaignId}`);
    const figures = region('Số liệu tổng hợp');
    const hint = figures.getByText(/bí thư chi bộ là trưởng thôn, khu/);
    await seen(hint);
    const [heads, cellCount] = /([\d.]+)\/([\d.]+) bí thư/.exec(await textOf(hint))!.slice(1).map((x) => Number(x.replaceAll('.', '')));
    expect(heads).toBe(cellCount! - 1);
    await screenshot(page, 'campaign-19-trusted-figure', { fullPage: false });
  });
});

describe('the provincial board edits the round’s deadlines', () => {
  it('refuses a target after the central deadline, naming the level, then saves a valid one', async () => {
    await page.goto(`${server.url}/campaigns/${campaignId}`);
    await page.getByRole('button', { name: 'Thời hạn, quy định' }).click();
    await seen(page.getByRole('heading', { name: 'Thời hạn và quy định của đợt đại hội', level: 2 }));
    const levels = region('Thời hạn và thời gian tối đa theo cấp');
    await seen(levels.getByText('chưa xác nhận').first());
    const target = levels.getByLabel('Mốc phấn đấu — Cấp trên cơ sở');
    await target.click();
    await target.fill('01/09/2020');
    await target.press('Tab');
    await gone(page.locator('.ant-picker-dropdown:visible'));
    await page.locator('.campaign-settings__actions').getByRole('button', { name: 'Lưu', exact: true }).click();
    await screenshot(page, 'campaign-20-settings-error');
    const alert = page.getByRole('alert').filter({ hasText: 'mốc phấn đấu 01/09/2020 sau thời hạn của Trung ương 31/08/2020' });
    await seen(alert);
    await seen(levels.locator('.campaign-settings__bad').filter({ hasText: 'Cấp trên cơ sở' }));
    await screenshot(page, 'campaign-20-settings-error');
    // Start again from the stored values and give a valid target.
    await page.reload();
    await seen(levels.getByLabel('Mốc phấn đấu — Cấp trên cơ sở'));
    await target.click();
    await target.fill('30/07/2020');
    await target.press('Tab');
    await gone(page.locator('.ant-picker-dropdown:visible'));
    await page.locator('.campaign-settings__actions').getByRole('button', { name: 'Lưu', exact: true }).click();
    await seen(page.getByText('Đã lưu thời hạn và quy định của đợt đại hội.'));
    await seen(page.getByRole('heading', { name: 'Đảng bộ tỉnh Quảng Ninh', level: 3 }));
    expect(await textOf(levelRow('Cấp trên cơ sở'))).toContain('30/07/2020');
  });
});
