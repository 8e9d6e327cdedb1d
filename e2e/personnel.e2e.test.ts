import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { gone, launchBrowser, newUserPage, screenshot, seen, signIn, takeScriptErrors, textOf } from './support/browser.ts';
import { repoRoot, startServer, type TestServer } from './support/server.ts';

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

/** The pages this journey adds (targets, steps, complaint files) are also kept under .tmp/ to look at. */
async function shot(name: string, opts: { fullPage?: boolean } = {}) {
  const dir = path.join(repoRoot, '.tmp', 'personnel-e2e');
  fs.mkdirSync(dir, { recursive: true });
  // A full page is taken from the top, so the sticky header is not drawn over the middle.
  if (opts.fullPage ?? true) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: opts.fullPage ?? true });
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

    // The unit sets its ethnic minority share (the preset leaves it to the unit) and the list is checked against it: 1 of 4 = 25 %.
    const minority = page.getByRole('row').filter({ hasText: 'Cấp ủy viên người dân tộc thiểu số' });
    expect(await textOf(minority)).toContain('1/4 = 25% (mục tiêu từ 0% trở lên) — đạt');
    await page.getByRole('button', { name: 'Sửa giá trị mục tiêu' }).click();
    const share = page.getByLabel('Cấp ủy viên người dân tộc thiểu số — từ (%)');
    await share.fill('30');
    await page.getByLabel('Cấp ủy viên từ 40 đến 50 tuổi — đến (%)').fill('55');
    await shot('01-targets-editing', { fullPage: false });
    await page.getByRole('button', { name: 'Lưu mục tiêu' }).click();
    await seen(page.getByText('Đã lưu mục tiêu cơ cấu; danh sách đã được đối chiếu lại.'));
    expect(await textOf(minority)).toContain('Cấp ủy viên người dân tộc thiểu số: 1/4 = 25% (mục tiêu từ 30% trở lên) — chưa đạt');
    expect(await textOf(minority)).toContain('đơn vị đặt');
    expect(await textOf(page.getByRole('row').filter({ hasText: 'Cấp ủy viên từ 40 đến 50 tuổi' }))).toContain('mục tiêu khoảng 40%–55%');
    await shot('02-targets-saved');

    // The nomination steps: votes of step 2 are recorded (as the secretariat would), then the unit edits its process.
    const mc = await apiSession('mongcai', 'MongCai@2020');
    const hit = (await mc.get<{ congressId: number }[]>(`/personnel/congresses?q=${encodeURIComponent(orgName)}`))[0]!;
    const before = await mc.get<{ candidates: { personId: number }[] }>(`/congresses/${hit.congressId}/personnel`);
    await mc.put(`/congresses/${hit.congressId}/personnel/steps/2`, { heldOn: '2020-06-10', summoned: 15, present: 14, votes: before.candidates.map((c, i) => ({ personId: c.personId, votes: 12 - i })) });
    await page.reload();
    const steps = page.locator('.ant-card').filter({ has: page.getByText('Các bước giới thiệu nhân sự', { exact: true }) });
    await seen(steps.getByText('Có mặt 14/15 (cần ít nhất 10)'));
    await steps.getByRole('button', { name: 'Sửa các bước' }).click();
    let dialog = page.getByRole('dialog', { name: 'Các bước giới thiệu nhân sự của đơn vị' });
    await seen(dialog.getByText('Đã ghi phiếu'));
    // Removing the step whose votes are recorded is refused, with the reason.
    await dialog.getByRole('button', { name: 'Bỏ bước 2' }).click();
    await dialog.getByRole('button', { name: 'Lưu các bước' }).click();
    const stepRefusal = await textOf(dialog.getByRole('alert'));
    expect(stepRefusal).toBe('Bước 2 — Ban Chấp hành giới thiệu bằng phiếu kín đã ghi kết quả phiếu nên không xóa được.');
    // The dialog brings its message into view.
    await expect.poll(() => dialog.getByRole('alert').evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).toBe(true);
    await shot('03-steps-held-refused', { fullPage: false });
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await gone(dialog);
    // Rename step 1, drop step 4, add a residence step with its own threshold and move it before the last step.
    await steps.getByRole('button', { name: 'Sửa các bước' }).click();
    dialog = page.getByRole('dialog', { name: 'Các bước giới thiệu nhân sự của đơn vị' });
    await dialog.getByLabel('Tên bước 1', { exact: true }).fill('Ban Thường vụ đề xuất danh sách nhân sự');
    await dialog.getByRole('button', { name: 'Bỏ bước 4' }).click();
    await dialog.getByRole('button', { name: 'Thêm bước' }).click();
    await dialog.getByLabel('Tên bước 5', { exact: true }).fill('Lấy ý kiến chi bộ nơi cư trú');
    await dialog.getByLabel('Thành phần 5', { exact: true }).fill('Chi bộ nơi cư trú');
    await dialog.getByLabel('Tỷ lệ đạt (%) 5', { exact: true }).fill('60');
    await dialog.getByRole('button', { name: 'Đưa bước 5 lên' }).click();
    await expect.poll(() => dialog.getByLabel('Tên bước 4', { exact: true }).inputValue()).toBe('Lấy ý kiến chi bộ nơi cư trú');
    await shot('04-steps-editing', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lưu các bước' }).click();
    await seen(page.getByText('Đã lưu các bước giới thiệu nhân sự.'));
    await gone(dialog);
    const stepList = await textOf(steps);
    expect(stepList).toContain('1. Ban Thường vụ đề xuất danh sách nhân sự');
    expect(stepList).toContain('4. Lấy ý kiến chi bộ nơi cư trú');
    expect(stepList).toContain('Phiếu kín · đạt khi trên 60% số được triệu tập');
    expect(stepList).toContain('5. Ban Chấp hành biểu quyết danh sách bằng phiếu kín');
    expect(stepList).not.toContain('Ban Thường vụ tổng hợp');
    // Step 2 kept its votes.
    expect(stepList).toContain('Có mặt 14/15 (cần ít nhất 10)');
    await shot('05-steps-saved');

    // Political vetting still pending holds the list back, naming each person.
    await page.getByRole('button', { name: 'Duyệt danh sách' }).click();
    const blocked = await textOf(page.getByRole('alert').filter({ hasText: 'Chưa duyệt được danh sách nhân sự' }));
    expect(blocked).toContain('Hoàng Văn Thắng: chưa có kết luận thẩm tra chính trị');
    expect(blocked).toContain('Vi Thị Thanh Hương: chưa có kết luận thẩm tra chính trị');
    await shot('06-vetting-pending-blocks', { fullPage: false });
    for (const name of ['Hoàng Văn Thắng', 'Lục Thị Yến', 'Đặng Quang Hải', 'Vi Thị Thanh Hương']) {
      const vetting = page.getByRole('combobox', { name: `Tiêu chuẩn chính trị — ${name}` });
      await choose(vetting, 'Đã kết luận');
      await seen(page.getByRole('row').filter({ hasText: name }).locator('.ant-select-selection-item', { hasText: 'Đã kết luận' }));
      // The next select opens only once this dropdown has finished closing (two drawn lists confuse the click).
      await gone(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'));
    }

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
    const rows = await textOf(page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: 'Ban Chấp hành khóa mới', level: 5 }) }));
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

    // The inspection commission takes committee members and party members outside the committee (the documented default, flagged);
    // its chair waits for the commission.
    const meeting = page.locator('.ant-card').filter({ has: page.getByText('Hội nghị lần thứ nhất', { exact: true }) }).last();
    await choose(page.getByRole('combobox', { name: 'Bầu', exact: true }), 'Bầu Chủ nhiệm Ủy ban Kiểm tra');
    await seen(meeting.getByText('Chưa bầu Ủy ban Kiểm tra: chủ nhiệm được bầu trong số ủy viên Ủy ban Kiểm tra.'));
    expect(await meeting.getByRole('button', { name: 'Tạo cuộc bầu' }).isDisabled()).toBe(true);
    await choose(page.getByRole('combobox', { name: 'Bầu', exact: true }), 'Bầu Ủy ban Kiểm tra');
    const poolText = await textOf(meeting);
    expect(poolText).toContain('Người được giới thiệu: ủy viên Ban Chấp hành khóa mới hoặc đảng viên ngoài cấp ủy thuộc đảng bộ');
    expect(poolText).toContain('chưa xác nhận');
    await page.getByLabel('Số cần bầu').fill('2');
    const nominees = page.getByRole('combobox', { name: 'Người được giới thiệu' });
    await pick(nominees, 'Đặng', /^Đặng Quang Hải$/);
    await page.keyboard.press('Escape');
    await pick(nominees, 'Lục', /^Lục Thị Yến \(ngoài Ban Chấp hành\)$/);
    await page.keyboard.press('Escape');
    await shot('09-first-meeting-inspection', { fullPage: false });
    await meeting.getByRole('button', { name: 'Tạo cuộc bầu' }).click();
    await seen(page.getByRole('link', { name: new RegExp(`^Bầu Ủy ban Kiểm tra ${orgName}`) }));
    // The deputy chairs wait for the commission's election too, flagged as the system's default.
    await choose(page.getByRole('combobox', { name: 'Bầu', exact: true }), 'Bầu Phó Chủ nhiệm Ủy ban Kiểm tra');
    await seen(meeting.getByText('Cuộc bầu Ủy ban Kiểm tra chưa kết thúc: phó chủ nhiệm được bầu trong số ủy viên Ủy ban Kiểm tra.'));
    expect(await textOf(meeting)).toContain('chưa xác nhận');
  });

  it('a complaint carries its papers: PDF and images attached, other files refused, the file downloaded as stored', async () => {
    const mc = await apiSession('mongcai', 'MongCai@2020');
    const hit = (await mc.get<{ congressId: number }[]>(`/personnel/congresses?q=${encodeURIComponent(orgName)}`))[0]!;
    const view = await mc.get<{ candidates: { personId: number; fullName: string }[] }>(`/congresses/${hit.congressId}/personnel`);
    const hai = view.candidates.find((c) => c.fullName === 'Đặng Quang Hải')!;
    await mc.post(`/people/${hai.personId}/complaints`, { kind: 'complaint', receivedOn: '2020-06-20', sender: 'Công dân khu 5', summary: 'Phản ánh việc cấp phép xây dựng chậm', congressId: hit.congressId });
    await page.reload();
    const row = page.getByRole('row').filter({ hasText: 'Phản ánh việc cấp phép xây dựng chậm' });
    await seen(row);
    const input = row.locator('input[type=file]');
    const pdf = Buffer.from('%PDF-1.4\n% Đơn phản ánh của công dân khu 5\n');
    await input.setInputFiles({ name: 'don-phan-anh.pdf', mimeType: 'application/pdf', buffer: pdf });
    await seen(page.getByText('Đã đính kèm "don-phan-anh.pdf".'));
    await seen(row.getByRole('link', { name: /don-phan-anh\.pdf/ }));
    await input.setInputFiles({ name: 'anh-hien-truong.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) });
    await seen(row.getByRole('link', { name: /anh-hien-truong\.png/ }));
    // A spreadsheet, and a "PDF" that is not one, are refused with the reason.
    await input.setInputFiles({ name: 'bang-ke.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) });
    expect(await textOf(page.getByRole('alert').filter({ hasText: 'bang-ke.xlsx' }))).toContain('Đơn thư chỉ đính kèm tệp PDF, Word (.docx) hoặc ảnh (.png, .jpg); không nhận "bang-ke.xlsx".');
    await input.setInputFiles({ name: 'bien-ban.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
    expect(await textOf(page.getByRole('alert').filter({ hasText: 'bien-ban.pdf' }))).toContain('Nội dung tệp "bien-ban.pdf" không đúng với phần mở rộng của nó.');
    await shot('07-complaint-files');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /don-phan-anh\.pdf/ }).click()]);
    expect(download.suggestedFilename()).toBe('don-phan-anh.pdf');
    expect(fs.readFileSync(await download.path()).equals(pdf)).toBe(true);
    // The same files on the person's profile.
    await page.getByRole('link', { name: 'Đặng Quang Hải' }).first().click();
    await seen(page.getByRole('heading', { name: 'Đặng Quang Hải', level: 2 }));
    await seen(page.getByRole('link', { name: /anh-hien-truong\.png/ }));
    await shot('08-profile-complaint-files');
  });

  it('ND 170 step 5: a 50/50 tie waits for the head of the body, whose choice is recorded with who chose', async () => {
    const mc = await apiSession('mongcai', 'MongCai@2020');
    const unit = (await mc.get<{ id: number; name: string; code: string }[]>('/orgs/search?q=QN-MC-004&limit=5')).find((h) => h.code === 'QN-MC-004')!;
    const hit = (await mc.get<{ congressId: number; orgName: string }[]>(`/personnel/congresses?q=${encodeURIComponent(unit.name)}`)).find((h) => h.orgName === unit.name)!;
    const mk = (fullName: string, birthDate: string) => mc.post<{ id: number }>('/people', { orgId: unit.id, fullName, birthDate, gender: 'male' });
    const a = await mk('Tô Văn Mạnh', '1972-04-04');
    const b = await mk('Lý Văn Nghĩa', '1974-05-05');
    await mc.put(`/congresses/${hit.congressId}/personnel/plan`, { preset: '2020-2025', committeeSize: 1, standingSize: 0, nominationPreset: 'nd170-appointment' });
    for (const p of [a, b]) await mc.post(`/congresses/${hit.congressId}/personnel/candidates`, { personId: p.id, candidacy: 'reelection' });
    await mc.put(`/congresses/${hit.congressId}/personnel/steps/5`, { heldOn: '2020-06-12', summoned: 4, present: 4, votes: [{ personId: a.id, votes: 2 }, { personId: b.id, votes: 2 }] });

    await page.goto(`${server.url}/congresses/${hit.congressId}/personnel`);
    const steps = page.locator('.ant-card').filter({ has: page.getByText('Các bước giới thiệu nhân sự', { exact: true }) });
    const fifth = steps.locator('.ant-list-item').filter({ hasText: '5. Hội nghị tập thể lãnh đạo (lần 3)' });
    await seen(fifth.getByText('Ngang phiếu — chờ người đứng đầu lựa chọn'));
    expect(await textOf(fifth)).toContain('2/4 = 50% — ngang phiếu, cùng đạt 50% — chờ người đứng đầu xem xét, lựa chọn');
    expect(await textOf(steps)).toContain('người khác người được lựa chọn ở bước 2 phải đạt tối thiểu 2/3');
    await fifth.getByRole('button', { name: 'Ghi kết quả' }).click();
    const dialog = page.getByRole('dialog', { name: /^Ghi kết quả — Hội nghị tập thể lãnh đạo \(lần 3\)/ });
    // The votes recorded are in the form; the head's choice is asked for.
    expect(await dialog.getByLabel('Số phiếu giới thiệu — Tô Văn Mạnh').inputValue()).toBe('2');
    await choose(dialog.getByRole('combobox', { name: 'Người đứng đầu lựa chọn (khi hai người ngang phiếu cùng đạt 50%)' }), 'Lý Văn Nghĩa');
    await dialog.getByRole('button', { name: 'Ghi kết quả' }).click();
    await seen(dialog.getByText('Vui lòng nhập Người đứng đầu (họ tên, chức vụ).'));
    await dialog.getByLabel('Người đứng đầu (họ tên, chức vụ)').fill('Đồng chí Trần Văn Trưởng, Bí thư Đảng ủy');
    await shot('10-head-choice', { fullPage: false });
    await dialog.getByRole('button', { name: 'Ghi kết quả' }).click();
    await gone(dialog);
    const chosen = await textOf(fifth);
    expect(chosen).toContain('✓ Lý Văn Nghĩa: 2/4 = 50% — ngang phiếu, cùng đạt 50% — người đứng đầu (Đồng chí Trần Văn Trưởng, Bí thư Đảng ủy) lựa chọn');
    expect(chosen).toContain('Người đứng đầu (Đồng chí Trần Văn Trưởng, Bí thư Đảng ủy) lựa chọn Lý Văn Nghĩa — ghi bởi mongcai');
    expect(chosen).not.toContain('chờ người đứng đầu');
  });
});
