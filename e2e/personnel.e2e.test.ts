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

/** The API as a script would use it, to set up people and to drive the counting (the elections journey covers its pages). */
async function apiSession(username: string, password: string) {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!login.ok) throw new Error(`login ${username}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async <T>(method: string, p: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/api${p}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return { get: <T>(p: string) => call<T>('GET', p), post: <T>(p: string, b: unknown = {}) => call<T>('POST', p, b), put: <T>(p: string, b: unknown) => call<T>('PUT', p, b) };
}

const nav = () => page.getByRole('navigation', { name: 'Điều hướng chính' });

/** The drawn option of the open dropdown (antd also keeps an invisible copy for screen readers). */
const visibleOption = (name: string | RegExp) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: typeof name === 'string' ? new RegExp(`^${name}$`) : name });
/** A select showing a value: the keyboard opens its list, as for any user of the keyboard. */
async function choose(select: ReturnType<Page['getByRole']>, option: string) {
  await select.focus();
  await select.press('ArrowDown');
  await visibleOption(option).click();
}
/** A search-as-you-type select: click, type, pick the suggestion. */
async function pick(select: ReturnType<Page['getByRole']>, typed: string, option: RegExp) {
  await select.click();
  await select.pressSequentially(typed);
  await visibleOption(option).first().click();
}

describe('personnel: from the plan to the new committee', () => {
  let orgName = '';
  let orgId = 0;

  it('a Móng Cái organizer adds a person through the profile form and sees the computed retirement', async () => {
    const mc = await apiSession('mongcai', 'MongCai@2020');
    const hits = await mc.get<{ id: number; name: string; code: string }[]>('/orgs/search?q=QN-MC-002&limit=5');
    const org = hits.find((h) => h.code === 'QN-MC-002')!;
    orgName = org.name;
    orgId = org.id;
    // Three of the five come from the personnel records (as an Excel import would bring them).
    const add = (fullName: string, birthDate: string, gender: 'male' | 'female', posts: unknown[] = []) => mc.post('/people', { orgId, fullName, birthDate, gender, posts });
    await add('Hoàng Văn Thắng', '1968-03-12', 'male', [{ orgId, role: 'secretary', title: 'Bí thư Đảng ủy' }]);
    await add('Lục Thị Yến', '1986-11-02', 'female');
    await add('Đặng Quang Hải', '1975-08-20', 'male', [{ orgId, role: 'peoplesCommitteeChair', title: 'Chủ tịch UBND' }]);
    // Retires 4/2021: 12 months after the grassroots reference month 4/2020.
    await add('Ninh Văn Cường', '1961-01-05', 'male');

    ({ context, page } = await newUserPage(browser, server.url));
    await signIn(page, 'mongcai', 'MongCai@2020');
    await nav().getByRole('menuitem', { name: 'Nhân sự' }).click();
    await seen(page.getByRole('heading', { name: 'Nhân sự', level: 2 }));
    await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm cán bộ' });
    await dialog.getByLabel('Họ và tên').fill('Vi Thị Thanh Hương');
    await pick(dialog.getByRole('combobox', { name: 'Đơn vị' }), orgName.replace(/^Đảng bộ /, ''), new RegExp(`^${orgName}`));
    const birth = dialog.getByLabel('Ngày sinh');
    await birth.click();
    await birth.fill('15/03/1980');
    await birth.press('Tab');
    await choose(dialog.getByRole('combobox', { name: 'Giới tính' }), 'Nữ');
    await dialog.getByLabel('Dân tộc').fill('Tày');
    await screenshot(page, 'personnel-01-new-person', { fullPage: false });
    await dialog.getByRole('button', { name: 'Thêm cán bộ' }).click();
    await seen(page.getByRole('heading', { name: 'Vi Thị Thanh Hương', level: 2 }));
    // Woman born 3/1980: 60 from 2035 → 3/2040.
    expect(await textOf(page.getByTestId('retirement'))).toContain('03/2040 (60 tuổi)');
    await screenshot(page, 'personnel-02-profile');
  });

  it('plans the congress, builds the candidate list with the targets live, refuses an ineligible person, approves', async () => {
    await nav().getByRole('menuitem', { name: 'Nhân sự' }).click();
    await page.getByRole('tab', { name: 'Nhân sự đại hội' }).click();
    const search = page.getByLabel('Tìm đại hội theo tên tổ chức');
    await search.fill(orgName.replace(/^Đảng bộ /, ''));
    await search.press('Enter');
    await page.getByRole('link', { name: orgName }).first().click();
    await seen(page.getByRole('heading', { name: `Nhân sự đại hội — ${orgName}`, level: 2 }));

    await page.getByLabel('Số ủy viên Ban Chấp hành').fill('3');
    await page.getByLabel('Số ủy viên Ban Thường vụ').fill('1');
    await page.getByRole('button', { name: 'Lưu phương án' }).click();
    await seen(page.getByText('Đã lưu phương án nhân sự.'));
    // The committee-introduction process is the unverified default, and says so.
    await seen(page.getByText('Giới thiệu nhân sự cấp ủy — mặc định (chưa xác nhận)'));

    const addForm = page.locator('form.personnel-add');
    const add = async (name: string, candidacy: 'Tái cử' | 'Tham gia lần đầu') => {
      await pick(addForm.getByRole('combobox', { name: 'Cán bộ' }), name, new RegExp(`^${name} \\(`));
      await choose(addForm.getByRole('combobox', { name: 'Hình thức' }), candidacy);
      await addForm.getByRole('button', { name: 'Đưa vào danh sách' }).click();
    };
    await add('Hoàng Văn Thắng', 'Tái cử');
    await seen(page.getByRole('link', { name: 'Hoàng Văn Thắng' }));
    await add('Lục Thị Yến', 'Tham gia lần đầu');
    await seen(page.getByRole('link', { name: 'Lục Thị Yến' }));
    await add('Đặng Quang Hải', 'Tái cử');
    await seen(page.getByRole('link', { name: 'Đặng Quang Hải' }));
    await add('Vi Thị Thanh Hương', 'Tham gia lần đầu');
    await seen(page.getByRole('link', { name: 'Vi Thị Thanh Hương' }));

    await add('Ninh Văn Cường', 'Tái cử');
    const refusal = await textOf(page.getByRole('alert').filter({ hasText: 'Ninh Văn Cường' }));
    expect(refusal).toContain('không đủ điều kiện về tuổi');
    expect(refusal).toContain('Nghỉ hưu tháng 04/2021; tính từ tháng 04/2020 còn 12 tháng công tác; tái cử cấp ủy viên cần ít nhất 30 tháng');

    // Live targets over the list: 2 women of 4.
    const women = page.getByRole('row').filter({ hasText: 'Cấp ủy viên nữ' });
    expect(await textOf(women)).toContain('Cấp ủy viên nữ: 2/4 = 50% (mục tiêu từ 15% trở lên) — đạt');
    await screenshot(page, 'personnel-03-candidate-list');

    await page.getByRole('button', { name: 'Duyệt danh sách' }).click();
    await seen(page.getByText('Đã duyệt danh sách nhân sự.'));
    await seen(page.locator('.ant-card-head').getByText('Đã duyệt').first());
  });

  it('creates the election from the approved list; when it closes, the elected become the new committee', async () => {
    await page.getByLabel('Số đại biểu (đảng viên) được triệu tập').fill('12');
    await page.getByRole('button', { name: 'Tạo cuộc bầu Ban Chấp hành từ danh sách đã duyệt' }).click();
    const link = page.getByRole('link', { name: new RegExp(`^Bầu Ban Chấp hành ${orgName}`) });
    await seen(link);

    // Counting by the elections domain, driven through its API: 12 ballots, each striking Lục Thị Yến.
    const mc = await apiSession('mongcai', 'MongCai@2020');
    const admin = await apiSession('admin', 'QuangNinh@2020');
    const view = await mc.get<{ elections: { electionId: number }[] }>(`/personnel/congresses?q=${encodeURIComponent(orgName)}`).then(async (hits) => {
      const id = (hits as unknown as { congressId: number }[])[0]!.congressId;
      return mc.get<{ elections: { electionId: number }[] }>(`/congresses/${id}/personnel`);
    });
    const electionId = view.elections[0]!.electionId;
    const users = await admin.get<{ id: number; username: string }[]>('/users');
    const uid = (u: string) => users.find((x) => x.username === u)!.id;
    await mc.put(`/elections/${electionId}/counters`, { counters: [{ userId: uid('kiemphieu'), isChief: true }, { userId: uid('nhapphieu.a'), team: 'A' }, { userId: uid('nhapphieu.b'), team: 'B' }] });
    const e = await mc.get<{ version: number; form: string; candidates: { ballotNo: number; fullName: string }[] }>(`/elections/${electionId}`);
    expect(e.candidates.map((c) => c.fullName).sort()).toEqual(['Đặng Quang Hải', 'Hoàng Văn Thắng', 'Lục Thị Yến', 'Vi Thị Thanh Hương'].sort());
    await mc.post(`/elections/${electionId}/open-entry`, { version: e.version, present: 12, ballotsIssued: 12, ballotsCollected: 12, listVote: { agree: 12, disagree: 0, present: 12 } });
    const yen = e.candidates.find((c) => c.fullName === 'Lục Thị Yến')!.ballotNo;
    const a = await apiSession('nhapphieu.a', 'NhapPhieuA@2020');
    const b = await apiSession('nhapphieu.b', 'NhapPhieuB@2020');
    for (let serial = 1; serial <= 12; serial++) {
      await a.post(`/elections/${electionId}/ballots`, { serial, entry: { kind: 'strike', struck: [yen] } });
      await b.post(`/elections/${electionId}/ballots`, { serial, entry: { kind: 'strike', struck: [yen] } });
    }
    const chief = await apiSession('kiemphieu', 'KiemPhieu@2020');
    await chief.post(`/elections/${electionId}/count`);
    await chief.post(`/elections/${electionId}/publish`);

    await page.reload();
    const committee = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Họ và tên' }) }).last();
    await seen(page.getByRole('heading', { name: 'Ban Chấp hành khóa mới', level: 5 }));
    const rows = await textOf(page.locator('.ant-card').filter({ hasText: 'Ban Chấp hành khóa mới' }).last());
    for (const n of ['Hoàng Văn Thắng', 'Đặng Quang Hải', 'Vi Thị Thanh Hương']) expect(rows).toContain(n);
    expect(rows).toContain('2020–2025');
    expect(await committee.count()).toBeGreaterThan(0);
    // The elected result against the targets: 1 woman of 3.
    expect(await textOf(page.getByRole('row').filter({ hasText: 'Cấp ủy viên nữ' }))).toContain('1/3 = 33,33%');
    await screenshot(page, 'personnel-04-new-committee');

    // The first meeting elects the secretary from the new committee.
    await choose(page.getByRole('combobox', { name: 'Bầu', exact: true }), 'Bầu Bí thư');
    await page.getByLabel('Số cần bầu').fill('1');
    await pick(page.getByRole('combobox', { name: 'Người được giới thiệu' }), 'Hoàng', /^Hoàng Văn Thắng$/);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Tạo cuộc bầu' }).click();
    await seen(page.getByRole('link', { name: new RegExp(`^Bầu Bí thư ${orgName}`) }));
    await screenshot(page, 'personnel-05-first-meeting');
  });
});
