import type { Db } from '../platform/db/db.ts';
import type { Services } from '../composition.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { bulkLoadTree, type BulkNode } from '../domains/organizations/tree-bulk-load.ts';
import { seedCampaign2020 } from './campaign-2020.ts';
import { seedDelegatesDemo } from './delegates-demo.ts';
import { seedReportsDemo } from './reports-demo.ts';
import { agencyCellNames, cellNames, coalTotalMembers, demoDistricts, demoProvince, placeNames } from './quang-ninh.ts';
import { seedDocumentsDemo } from './documents-demo.ts';
import { seedPersonnelDemo } from './personnel-demo.ts';

export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const split = (total: number) => {
  // About 3 % of members are probationary, as in the reports' provinces.
  const prob = Math.round(total * 0.03);
  return { fullMembers: total - prob, probationaryMembers: prob };
};

/** The demo province as a flat list, parents first; deterministic for a given seed. */
export function buildDemoTree(seed = 2020): BulkNode[] {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const nodes: BulkNode[] = [{ key: demoProvince.code, parentKey: null, name: demoProvince.name, typeCode: 'province', kindCode: 'territorial', fullMembers: 0, probationaryMembers: 0 }];
  for (const d of demoDistricts) {
    nodes.push({ key: d.code, parentKey: demoProvince.code, name: d.name, typeCode: 'district', kindCode: d.kind, fullMembers: 0, probationaryMembers: 0 });
    const territorial = d.kind === 'territorial';
    const usedNames = new Set<string>();
    const unitName = (kind: 'committee' | 'cell', i: number) => {
      const prefix = d.unitPrefix[i % d.unitPrefix.length]!;
      const place = placeNames[int(0, placeNames.length - 1)]!;
      let name = `${prefix} ${place}`;
      for (let n = 2; usedNames.has(name); n++) name = `${prefix} ${place} ${n}`;
      usedNames.add(name);
      return kind === 'committee' ? `Đảng bộ ${name}` : `Chi bộ ${territorial ? 'trường THCS ' + name.replace(/^(phường|xã|thị trấn) /, '') : name}`;
    };
    const memberBudget = d.code === 'QN-TKV' ? coalTotalMembers : undefined;
    const districtNodes: BulkNode[] = [];
    for (let i = 1; i <= d.committees; i++) {
      const code = `${d.code}-${String(i).padStart(3, '0')}`;
      districtNodes.push({ key: code, parentKey: d.code, name: unitName('committee', i), typeCode: 'grassrootsCommittee', kindCode: territorial ? 'territorial' : d.kind, fullMembers: 0, probationaryMembers: 0 });
      const subCells = int(3, territorial ? 12 : 9);
      for (let j = 1; j <= subCells; j++) {
        const cellName = territorial ? `Chi bộ ${cellNames[int(0, cellNames.length - 1)]} ${j}` : `Chi bộ ${agencyCellNames[(j - 1) % agencyCellNames.length]}${j > agencyCellNames.length ? ' ' + j : ''}`;
        districtNodes.push({ key: `${code}-${String(j).padStart(2, '0')}`, parentKey: code, name: cellName, typeCode: 'subordinateCell', kindCode: territorial ? 'territorial' : d.kind, ...split(int(12, memberBudget ? 45 : 60)) });
      }
    }
    for (let i = 1; i <= d.cells; i++) {
      const code = `${d.code}-C${String(i).padStart(3, '0')}`;
      districtNodes.push({ key: code, parentKey: d.code, name: unitName('cell', i), typeCode: 'grassrootsCell', kindCode: territorial ? 'publicService' : d.kind, ...split(int(8, 35)) });
    }
    if (memberBudget) {
      // Scale the coal committee's cells so its total is the reported figure exactly.
      const leaves = districtNodes.filter((n) => n.fullMembers + n.probationaryMembers > 0);
      const sum = leaves.reduce((s, n) => s + n.fullMembers + n.probationaryMembers, 0);
      let remaining = memberBudget;
      leaves.forEach((n, i) => {
        const total = i === leaves.length - 1 ? remaining : Math.max(3, Math.round(((n.fullMembers + n.probationaryMembers) * memberBudget) / sum));
        remaining -= total;
        Object.assign(n, split(total));
      });
    }
    nodes.push(...districtNodes);
  }
  return nodes;
}

export const demoAccounts = [
  { username: 'admin', password: 'QuangNinh@2020', fullName: 'Quản trị hệ thống (Ban Tổ chức Tỉnh ủy)', role: 'admin' as const, orgCode: 'QN', description: 'quản trị viên cấp tỉnh (province administrator)' },
  { username: 'mongcai', password: 'MongCai@2020', fullName: 'Nguyễn Thị Hạnh (Ban Tổ chức Thành ủy Móng Cái)', role: 'organizer' as const, orgCode: 'QN-MC', description: 'cán bộ tổ chức Thành ủy Móng Cái (district organizer)' },
  { username: 'lanhdao', password: 'LanhDao@2020', fullName: 'Trần Văn Minh (Thường trực Tỉnh ủy)', role: 'viewer' as const, orgCode: 'QN', description: 'lãnh đạo, chỉ xem (read-only leader)' },
  { username: 'kiemphieu', password: 'KiemPhieu@2020', fullName: 'Lương Thị Thu', role: 'counter' as const, orgCode: 'QN-MC', description: 'Trưởng Ban kiểm phiếu, Đại hội Móng Cái (counting chief)' },
  { username: 'nhapphieu.a', password: 'NhapPhieuA@2020', fullName: 'Vi Văn Sơn', role: 'counter' as const, orgCode: 'QN-MC', description: 'tổ nhập phiếu A (entry team A)' },
  { username: 'nhapphieu.b', password: 'NhapPhieuB@2020', fullName: 'Chu Thị Mai', role: 'counter' as const, orgCode: 'QN-MC', description: 'tổ nhập phiếu B (entry team B)' },
];

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Tô'];
const middleNames = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Quang', 'Thu', 'Hồng', 'Xuân', 'Ngọc'];
const givenNames = ['An', 'Anh', 'Bình', 'Chiến', 'Cường', 'Dũng', 'Duyên', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiền', 'Hòa', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Nga', 'Phong', 'Phúc', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thắng', 'Thảo', 'Thủy', 'Trung', 'Tuấn', 'Uyên', 'Việt', 'Yến'];

/** Distinct plausible Vietnamese full names, deterministic. */
export function demoNames(count: number, seed = 7): string[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out = new Set<string>();
  while (out.size < count) out.add(`${pick(familyNames)} ${pick(middleNames)} ${pick(givenNames)}`);
  return [...out];
}

/** Seeds the demo province on an empty database; returns the accounts to print, or null if data exists. */
export async function seedDemoIfEmpty(db: Db, services: Services) {
  const existing = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations');
  if (existing.rows[0]!.n > 0) return null;
  const nodes = buildDemoTree();
  const ids = await db.transaction(async (tx) => {
    const ids = await bulkLoadTree(tx, nodes);
    await recordAudit(tx, null, {
      action: 'organization.imported',
      entityType: 'import',
      entityId: 'demo',
      orgId: ids.get(demoProvince.code)!,
      summary: `Tạo dữ liệu mẫu: ${nodes.length} tổ chức của ${demoProvince.name}`,
    });
    return ids;
  });
  for (const a of demoAccounts) {
    await services.accounts.createUser(null, { username: a.username, password: a.password, fullName: a.fullName, role: a.role, scopeOrgId: ids.get(a.orgCode)! }, { mustChangePassword: false });
  }
  const admin = await services.accounts.resolveSession((await services.accounts.login('admin', demoAccounts[0]!.password, 'seed')).token, 'seed');
  // Hoành Bồ district joined Hạ Long city (Resolution 837/NQ-UBTVQH14, in force 1/1/2020).
  await services.organizations.merge(admin.actor, {
    sourceIds: [ids.get('QN-HB')!],
    targetId: ids.get('QN-HL')!,
    decisionNo: '837/NQ-UBTVQH14',
    decisionDate: '2019-12-17',
    effectiveDate: '2020-01-01',
    note: 'Sáp nhập toàn bộ huyện Hoành Bồ vào thành phố Hạ Long.',
  });
  await services.accounts.logout(admin);
  // An election waiting for the congress day: Móng Cái city's delegates' congress elects its committee.
  const organizer = await services.accounts.resolveSession((await services.accounts.login('mongcai', demoAccounts[1]!.password, 'seed')).token, 'seed');
  await services.elections.create(organizer.actor, {
    orgId: ids.get('QN-MC')!,
    title: 'Bầu Ban Chấp hành Đảng bộ thành phố Móng Cái khóa XXIV, nhiệm kỳ 2020–2025',
    kind: 'executiveCommittee',
    regulation: '2014',
    congressKind: 'delegates',
    seats: 37,
    alternateSeats: 0,
    summoned: 250,
    exclusions: {},
    candidates: demoNames(41).map((fullName) => ({ fullName, nominatedBy: 'conveningCommittee' as const })),
  });
  await services.accounts.logout(organizer);
  // The campaign 2020–2025 with the seed reports' story (issue 4).
  const campaignId = await seedCampaign2020(db, services, ids);
  // Delegates (issue 5): allocations, Móng Cái's register and check-ins.
  await seedDelegatesDemo(db, services, ids, campaignId);
  // Summary report (issue 6): party-building registers and the secretaries elected at the congresses.
  await seedReportsDemo(db, services, ids, campaignId);
  // Documents and consultation (issue 6): the draft political report, its round, comments and part of the synthesis.
  await seedDocumentsDemo(db, services, ids, campaignId);
  // Personnel (issue 5): Móng Cái's 41 candidates as people, its plan and approved list, complaints, concurrent posts.
  await seedPersonnelDemo(db, services, ids, campaignId);
  return { accounts: demoAccounts };
}
