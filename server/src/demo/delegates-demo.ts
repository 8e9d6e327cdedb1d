/**
 * Delegates in the demo province (issue 5). The seed reports give no delegate figures, so the
 * numbers here are illustrative: the provincial congress' 350 expected participants are split
 * into ex-officio members of the provincial committee and seats allocated to the districts by a
 * formula (5 per organization + 1 per 600 members, a remainder of 300 or more adding one);
 * Móng Cái's congress (27–28/5/2020) has its own allocation, a full register with a few
 * alternates, one committee member not summoned (retired), one substitution, credentials
 * accepted, and the check-ins of its first session.
 */
import type { Db } from '../platform/db/db.ts';
import type { Services } from '../composition.ts';

const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý', 'Hà', 'Vi', 'Chu'];
const middle = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Quang', 'Thu', 'Hồng', 'Xuân', 'Ngọc', 'Hữu', 'Kim'];
const given = ['An', 'Bắc', 'Chung', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hòa', 'Huy', 'Khánh', 'Lâm', 'Linh', 'Loan', 'Nam', 'Nga', 'Phúc', 'Quý', 'Sơn', 'Tâm', 'Thắng', 'Thủy', 'Trang', 'Tuấn', 'Vân', 'Yến'];

/** Distinct names, deterministic (seed.ts imports this file, so it keeps its own list). */
function names(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const n = `${family[(i * 7) % family.length]} ${middle[(i * 5 + Math.floor(i / 11)) % middle.length]} ${given[(i * 3 + Math.floor(i / 13)) % given.length]}`;
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

export async function seedDelegatesDemo(db: Db, services: Services, ids: Map<string, number>, campaignId: number): Promise<void> {
  const congressOf = async (code: string) =>
    (await db.query<{ id: number }>(`SELECT id FROM congresses WHERE campaign_id = $1 AND org_id = $2`, [campaignId, ids.get(code)!])).rows[0]!.id;
  const admin = await services.accounts.resolveSession((await services.accounts.login('admin', 'QuangNinh@2020', 'seed')).token, 'seed');
  const d = services.delegates;

  // The provincial congress: 53 ex-officio members of the Provincial Committee + the districts' seats.
  const province = await congressOf('QN');
  const provSettings = { basePerOrg: 5, membersPerSeat: 600, remainderThreshold: 300, countProbationary: true };
  const provPreview = await d.previewAllocation(admin.actor, province, { settings: provSettings, lines: [], electedTotal: null, exOfficio: 53, appointed: 0 });
  await d.saveAllocation(admin.actor, province, {
    settings: provSettings,
    electedTotal: provPreview.totals.allocated,
    exOfficio: 53,
    appointed: 0,
    decisionRef: 'Phân bổ đại biểu dự Đại hội XV Đảng bộ tỉnh (minh họa)',
  });

  // Móng Cái's congress, run by its own organizer.
  const organizer = await services.accounts.resolveSession((await services.accounts.login('mongcai', 'MongCai@2020', 'seed')).token, 'seed');
  const mc = await congressOf('QN-MC');
  const mcSettings = { basePerOrg: 2, membersPerSeat: 150, remainderThreshold: 75, countProbationary: true };
  const mcPreview = await d.previewAllocation(organizer.actor, mc, { settings: mcSettings, lines: [], electedTotal: null, exOfficio: 9, appointed: 0 });
  const allocation = await d.saveAllocation(organizer.actor, mc, { settings: mcSettings, electedTotal: mcPreview.totals.allocated, exOfficio: 9, appointed: 0, decisionRef: 'Nghị quyết của Ban Thường vụ Thành ủy Móng Cái (minh họa)' });
  const pool = names(allocation.totals.allocated + 9 + 12);
  let next = 0;
  const exOfficio: number[] = [];
  for (let i = 0; i < 9; i++) {
    exOfficio.push((await d.addDelegate(organizer.actor, mc, { fullName: pool[next++]!, kind: 'exOfficio', position: i === 0 ? 'Bí thư Thành ủy' : 'Ủy viên Ban Chấp hành Đảng bộ thành phố', birthDate: `19${62 + i}-0${1 + (i % 9)}-1${i % 9}` })).id);
  }
  const firstOfficial = new Map<number, number>();
  for (const [k, line] of allocation.lines.entries()) {
    for (let s = 0; s < line.seats; s++) {
      const { id } = await d.addDelegate(organizer.actor, mc, { fullName: pool[next++]!, kind: 'official', delegationOrgId: line.org.id, gender: s % 3 === 1 ? 'female' : 'male', votes: 200 - s });
      if (s === 0) firstOfficial.set(line.org.id, id);
    }
    if (k < 12) await d.addDelegate(organizer.actor, mc, { fullName: pool[next++]!, kind: 'alternate', delegationOrgId: line.org.id, votes: 120 });
  }
  // A committee member who retired before the opening is not summoned (R1.33); an official who moved away is replaced.
  await d.setNotSummoned(organizer.actor, exOfficio[8]!, { reason: 'retired', note: 'Quyết định nghỉ hưu từ 01/5/2020 (minh họa)' });
  const movedLine = allocation.lines[0]!;
  await d.substitute(organizer.actor, firstOfficial.get(movedLine.org.id)!, { reason: 'movedOut', note: 'Chuyển công tác về Sở Nội vụ tỉnh (minh họa)' });

  const all = { electedProperly: true, notSuspended: true, notProsecuted: true, recordsComplete: true };
  const reg = await d.register(organizer.actor, mc);
  for (const x of reg.delegates.filter((r) => r.summoned)) await d.decideCredentials(organizer.actor, x.id, { decision: 'accepted', checks: all });
  // The first session: everyone came except a few.
  // The campaign's demo already recorded the congress' sessions: check in at the first of them.
  const existing = (await db.query<{ id: number }>(`SELECT id FROM congress_sessions WHERE congress_id = $1 ORDER BY session_date, id LIMIT 1`, [mc])).rows[0];
  const session = existing ?? (await d.addSession(organizer.actor, mc, { label: 'Phiên thứ nhất', date: '2020-05-27', kind: 'official' }));
  for (const [i, x] of reg.delegates.filter((r) => r.summoned).entries()) {
    if (i % 23 === 5) continue;
    await d.checkIn(organizer.actor, mc, { sessionId: session.id, code: x.badgeCode!, method: i % 2 ? 'scan' : 'typed' });
  }
  await services.accounts.logout(organizer);
  await services.accounts.logout(admin);
}
