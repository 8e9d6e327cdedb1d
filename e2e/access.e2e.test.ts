import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { gone, launchBrowser, newUserPage, screenshot, seen, signIn, textOf, treeItem, takeScriptErrors } from './support/browser.ts';
import { apiAs, startServer, type TestServer } from './support/server.ts';

type Org = { id: number; name: string };

let server: TestServer;
let browser: Browser;
let haLong: Org;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const admin = await apiAs(server.url, 'admin', 'QuangNinh@2020');
  haLong = (await admin.get<Org[]>('/orgs/search?q=QN-HL'))[0]!;
});

afterEach(() => {
  expect(takeScriptErrors()).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Each journey in its own browser profile: cookies never leak from one user to the next. */
async function asNewVisitor<T>(fn: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const { context, page } = await newUserPage(browser, server.url);
  try {
    return await fn(page, context);
  } finally {
    await context.close();
  }
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

describe('signing in', () => {
  it('sends the user back to sign-in with "Phiên làm việc đã hết hạn" when the session ends', async () => {
    await asNewVisitor(async (page, context) => {
      await signIn(page, 'admin', 'QuangNinh@2020');
      await seen(treeItem(page, 'Đảng bộ huyện Đầm Hà'));
      // Let the page finish loading first: a request still under way when the session ends would
      // take the user to sign-in before the click this journey makes.
      await seen(page.getByText('Tổng hợp toàn bộ tổ chức trực thuộc'));
      await page.waitForLoadState('networkidle');
      // The server no longer knows this session (expired or revoked).
      const [cookie] = await context.cookies();
      await context.addCookies([{ ...cookie!, value: 'phien-da-het-han' }]);
      await treeItem(page, 'Đảng bộ huyện Đầm Hà').getByText('Đảng bộ huyện Đầm Hà', { exact: true }).click();
      await seen(page.getByText('Phiên làm việc đã hết hạn', { exact: false }));
      await seen(page.getByRole('button', { name: 'Đăng nhập' }));
      await screenshot(page, '13-session-expired');

      // Signing in again returns to the page the user was on.
      await page.getByLabel('Tên đăng nhập').fill('admin');
      await page.getByLabel('Mật khẩu').fill('QuangNinh@2020');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await seen(page.getByRole('heading', { name: 'Đảng bộ huyện Đầm Hà', level: 3 }));
    });
  });

  it('signs out', async () => {
    await asNewVisitor(async (page) => {
      await signIn(page, 'lanhdao', 'LanhDao@2020');
      await nav(page).getByRole('menuitem', { name: 'Đăng xuất' }).click();
      await seen(page.getByText('Bạn đã đăng xuất.'));
      await page.goto('/orgs');
      await seen(page.getByRole('heading', { name: 'Đăng nhập' }));
    });
  });
});

describe('a district organizer (Móng Cái) works only inside the district', () => {
  it('sees Móng Cái as the root of the tree and nothing above or beside it', async () => {
    await asNewVisitor(async (page) => {
      await signIn(page, 'mongcai', 'MongCai@2020');
      const header = page.getByRole('banner');
      await seen(header.getByText('Cán bộ tổ chức', { exact: true }));
      await seen(header.getByText('Đảng bộ thành phố Móng Cái'));

      const tree = page.getByRole('tree');
      await seen(treeItem(page, 'Đảng bộ thành phố Móng Cái'));
      expect(await tree.getByRole('treeitem').first().innerText()).toBe('Đảng bộ thành phố Móng Cái');
      await gone(treeItem(page, 'Đảng bộ tỉnh Quảng Ninh'));
      await gone(treeItem(page, 'Đảng bộ huyện Đầm Hà'));
      await seen(page.getByRole('heading', { name: 'Đảng bộ thành phố Móng Cái', level: 3 }));
      // Organizers write in their own district…
      await seen(page.getByRole('button', { name: 'Thêm tổ chức trực thuộc' }));
      // …but administer nobody.
      await seen(nav(page).getByRole('menuitem', { name: 'Cây tổ chức' }));
      await gone(nav(page).getByRole('menuitem', { name: 'Người dùng' }));
      await gone(nav(page).getByRole('menuitem', { name: 'Nhật ký thay đổi' }));
      await screenshot(page, '14-organizer-tree');

      // Search stays inside the district too.
      await page.getByLabel('Tìm tổ chức').fill('QN-HL');
      await seen(page.getByRole('region', { name: 'Kết quả tìm kiếm' }).getByText('Không tìm thấy tổ chức phù hợp'));

      // A typed URL of another district: a Vietnamese "out of scope" message, never its name.
      await page.goto(`/orgs/${haLong.id}`);
      await seen(page.getByText('Ngoài phạm vi quản lý'));
      await seen(page.getByText('Tổ chức này nằm ngoài phạm vi quản lý của bạn.'));
      expect(await page.locator('body').innerText()).not.toContain(haLong.name);
      await screenshot(page, '15-organizer-out-of-scope');
    });
  });
});

describe('a leader with read-only access', () => {
  it('reads the tree and the figures but is offered no change', async () => {
    await asNewVisitor(async (page) => {
      await signIn(page, 'lanhdao', 'LanhDao@2020');
      await seen(page.getByRole('banner').getByText('Lãnh đạo (chỉ xem)', { exact: true }));
      await seen(page.getByRole('heading', { name: 'Đảng bộ tỉnh Quảng Ninh', level: 3 }));
      // Reading is offered (so the toolbar is there)…
      await seen(page.getByRole('button', { name: 'Xuất Excel' }));
      // …writing is not.
      for (const name of ['Thêm tổ chức trực thuộc', 'Sửa, đổi tên', 'Chuyển', 'Hợp nhất', 'Giải thể']) {
        await gone(page.getByRole('button', { name, exact: true }));
      }
      await treeItem(page, 'Đảng bộ thành phố Móng Cái').getByText('Đảng bộ thành phố Móng Cái', { exact: true }).click();
      await seen(page.getByRole('heading', { name: 'Đảng bộ thành phố Móng Cái', level: 3 }));
      await seen(page.getByRole('button', { name: 'Xuất Excel' }));
      await gone(page.getByRole('button', { name: 'Hợp nhất', exact: true }));
      await gone(nav(page).getByRole('menuitem', { name: 'Người dùng' }));
      await screenshot(page, '16-viewer-detail');

      // The import page offers export only.
      await nav(page).getByRole('menuitem', { name: 'Nhập/Xuất Excel' }).click();
      await seen(page.getByText('Xuất cây tổ chức'));
      await gone(page.getByText('Nhập cây tổ chức từ Excel'));
      await gone(page.locator('input[type=file]'));

      // A typed admin URL is refused by the server, in Vietnamese.
      await page.goto('/users');
      await seen(page.getByText('Tài khoản của bạn không có quyền thực hiện thao tác này.'));
    });
  });
});

describe('a province administrator manages accounts', () => {
  it('creates an organizer for Móng Cái, who must then change the password', async () => {
    await asNewVisitor(async (page) => {
      await signIn(page, 'admin', 'QuangNinh@2020');
      await nav(page).getByRole('menuitem', { name: 'Người dùng' }).click();
      await seen(page.getByRole('cell', { name: 'mongcai', exact: true }));
      await page.getByRole('button', { name: 'Thêm người dùng' }).click();
      const dialog = page.getByRole('dialog', { name: 'Thêm người dùng' });
      await dialog.getByLabel('Tên đăng nhập').fill('tochuc.mongcai2');
      await dialog.getByLabel('Họ và tên').fill('Lê Thị Thu Hằng');
      // The box already shows the admin's own scope; typing searches for another one.
      const scope = dialog.getByLabel('Phạm vi quản lý');
      await scope.focus();
      await scope.pressSequentially('mong cai');
      await page.getByRole('option', { name: /^Đảng bộ thành phố Móng Cái/ }).click();
      await dialog.getByLabel('Mật khẩu ban đầu').fill('ngan');
      await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
      await seen(dialog.getByText('Mật khẩu tối thiểu 10 ký tự'));
      await dialog.getByLabel('Mật khẩu ban đầu').fill('TamThoi@2025');
      await dialog.getByLabel('Nhập lại mật khẩu').fill('TamThoi@2025');
      await screenshot(page, '17-create-user', { fullPage: false });
      await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
      await gone(dialog);
      const row = page.getByRole('row').filter({ hasText: 'tochuc.mongcai2' });
      expect(await textOf(row)).toContain('Lê Thị Thu Hằng Cán bộ tổ chức Đảng bộ thành phố Móng Cái Đang hoạt động');
      await screenshot(page, '18-users');

      await row.getByRole('button', { name: 'Vô hiệu hóa tochuc.mongcai2' }).click();
      await page.getByRole('tooltip').getByRole('button', { name: 'Vô hiệu hóa' }).click();
      await seen(row.getByText('Đã vô hiệu hóa'));
      await row.getByRole('button', { name: 'Kích hoạt tochuc.mongcai2' }).click();
      await seen(row.getByText('Đang hoạt động'));
    });

    await asNewVisitor(async (page) => {
      await page.goto('/');
      await page.getByLabel('Tên đăng nhập').fill('tochuc.mongcai2');
      await page.getByLabel('Mật khẩu').fill('TamThoi@2025');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await seen(page.getByRole('heading', { name: 'Đổi mật khẩu' }));
      await seen(page.getByText('Bạn cần đổi mật khẩu được cấp trước khi tiếp tục làm việc.'));
      await page.getByLabel('Mật khẩu hiện tại').fill('TamThoi@2025');
      await page.getByLabel('Mật khẩu mới').fill('MongCai@Moi2025');
      await page.getByLabel('Nhập lại mật khẩu').fill('MongCai@Moi2025');
      await screenshot(page, '19-change-password');
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await seen(page.getByRole('heading', { name: 'Đảng bộ thành phố Móng Cái', level: 3 }));
    });
  });
});

// Last: it locks the organizer's account for the rest of the login window.
describe('signing in too many times', () => {
  it('says clearly when the password is wrong, then when there were too many attempts', async () => {
    await asNewVisitor(async (page) => {
      await page.goto('/orgs');
      await seen(page.getByRole('heading', { name: 'Đăng nhập' }));
      await page.getByLabel('Tên đăng nhập').fill('mongcai');
      await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await seen(page.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }));
      await screenshot(page, '12-sign-in-wrong-password');

      // The server allows a handful of failures per username in its window, then refuses even a right password.
      for (let i = 0; i < 6; i++) {
        await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/login')), page.getByRole('button', { name: 'Đăng nhập' }).click()]);
      }
      await page.getByLabel('Mật khẩu').fill('MongCai@2020');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await seen(page.getByRole('alert').filter({ hasText: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.' }));
      expect(page.url()).toMatch(/\/sign-in$/);
    });
  });
});
