import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, seen, signIn, textOf } from './support/browser.ts';
import { journeyHooks } from './support/journey.ts';
import { apiAs, type TestServer } from './support/server.ts';

let server: TestServer;
let page: Page;

journeyHooks((j) => {
  ({ server, page } = j);
});

type Org = { id: number; name: string };

describe('the regulation’s unconfirmed settings, the quorum of a delegates’ congress, and seats left empty', () => {
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

  it('a seat left empty after the congress stops on a persistent tie: the committee above records its appointment', async () => {
    const base = server.url;
    const org = await apiAs(base, 'mongcai', 'MongCai@2020');
    const ward = (await org.get<Org[]>('/orgs/search?q=QN-MC-001'))[0]!;
    type E = { id: number; version: number };
    const e = await org.post<E>('/elections', {
      orgId: ward.id,
      title: 'Bầu Chi ủy (chỗ trống do cấp trên chỉ định)',
      kind: 'executiveCommittee',
      regulation: '2024',
      congressKind: 'members',
      seats: 2,
      summoned: 12,
      candidates: ['Lê Văn An', 'Lê Thị Bình', 'Lê Văn Cường'].map((fullName) => ({ fullName })),
    });
    const users = await org.get<{ id: number; username: string }[]>(`/elections/${e.id}/eligible-counters`);
    const idOf = (u: string) => users.find((x) => x.username === u)!.id;
    let version = (await org.put<E>(`/elections/${e.id}/counters`, { counters: [{ userId: idOf('kiemphieu'), isChief: true }, { userId: idOf('nhapphieu.a'), team: 'A' }, { userId: idOf('nhapphieu.b'), team: 'B' }] })).version;
    await org.post(`/elections/${e.id}/open-entry`, { version, present: 12, ballotsIssued: 12, ballotsCollected: 12, listVote: { agree: 12, disagree: 0, present: 12 } });
    const [a, b, chief] = await Promise.all([apiAs(base, 'nhapphieu.a', 'NhapPhieuA@2020'), apiAs(base, 'nhapphieu.b', 'NhapPhieuB@2020'), apiAs(base, 'kiemphieu', 'KiemPhieu@2020')]);
    const enter = async (ballots: number[][]) => {
      for (const [i, struck] of ballots.entries()) for (const team of [a, b]) await team.post(`/elections/${e.id}/ballots`, { serial: i + 1, entry: { kind: 'strike', struck } });
    };
    const times = (n: number, k: number) => Array.from({ length: k }, () => [n]);
    const countAndPublish = async () => {
      await chief.post(`/elections/${e.id}/count`, {});
      await chief.post(`/elections/${e.id}/publish`, {});
      return (await org.get<E>(`/elections/${e.id}`)).version;
    };
    // An 10, Bình 7, Cường 7: a tie for the last seat; the re-vote ties again, 6 to 6; the congress stops.
    await enter([...times(1, 2), ...times(2, 5), ...times(3, 5)]);
    version = await countAndPublish();
    await org.post(`/elections/${e.id}/next-round`, { version, present: 12, ballotsIssued: 12, ballotsCollected: 12 });
    await enter([...times(2, 6), ...times(1, 6)]);
    version = await countAndPublish();
    await org.post(`/elections/${e.id}/next-round`, { version, decision: 'stop' });

    // Móng Cái's committee is above the ward's cell: it records the appointment on the results page.
    await page.goto(`/elections/${e.id}/results`);
    const seats = page.getByRole('region', { name: 'Chỗ trống do cấp trên chỉ định' });
    expect(await textOf(seats.getByText(/^Bầu cử để trống/))).toBe('Bầu cử để trống 1 chỗ; cấp trên đã chỉ định 0.');
    await seats.getByLabel('Họ và tên người được chỉ định').fill('Hoàng Thị Mai');
    await seats.getByLabel('Số quyết định').fill('45-QĐ/ĐU');
    const closedOn = (await org.get<{ approval: { closedOn: string } }>(`/elections/${e.id}`)).approval.closedOn;
    const date = seats.getByLabel('Ngày quyết định');
    await date.click();
    await date.fill(closedOn.split('-').reverse().join('/'));
    await date.press('Tab');
    await seats.getByRole('button', { name: 'Ghi quyết định chỉ định' }).click();
    await seen(page.getByText('Đã ghi quyết định chỉ định Hoàng Thị Mai.'));
    await seen(seats.getByText(/^Hoàng Thị Mai — Quyết định 45-QĐ\/ĐU ngày \d{2}\/\d{2}\/\d{4} \(ghi bởi mongcai\)$/));
    expect(await textOf(seats.getByText(/^Bầu cử để trống/))).toBe('Bầu cử để trống 1 chỗ; cấp trên đã chỉ định 1.');
    // Every empty seat is filled: the form is gone.
    await expect.poll(() => seats.getByRole('button', { name: 'Ghi quyết định chỉ định' }).count()).toBe(0);
    await screenshot(page, 'election-rules-03-appointment', { fullPage: false });
  });
});
