import type { BulkNode } from '../server/src/domains/organizations/tree-bulk-load.ts';
import { mulberry32 } from '../server/src/demo/seed.ts';

/**
 * A national tree in the 2020 shape: the centre, 63 provinces and the central blocs,
 * ~700 district-level committees, ~52,000 grassroots organizations, their subordinate
 * cells (~250,000 nodes) and ~5.2 million members in counts.
 * The 2025 shape: 34 provinces with communes directly under them — the same code, other data.
 */
export function nationalTree(shape: '2020' | '2025', seed = 1): BulkNode[] {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const nodes: BulkNode[] = [];
  const add = (n: Omit<BulkNode, 'fullMembers' | 'probationaryMembers'> & { members?: number }) => {
    const m = n.members ?? 0;
    const prob = Math.round(m * 0.03);
    nodes.push({ key: n.key, parentKey: n.parentKey, name: n.name, typeCode: n.typeCode, kindCode: n.kindCode, fullMembers: m - prob, probationaryMembers: prob });
  };
  const root = `VN${shape}`;
  add({ key: root, parentKey: null, name: 'Đảng Cộng sản Việt Nam', typeCode: 'central', kindCode: 'other' });
  const provinces = shape === '2020' ? 63 : 34;
  const blocs = shape === '2020' ? ['Khối các cơ quan Trung ương', 'Khối Doanh nghiệp Trung ương', 'Quân ủy Trung ương', 'Công an Trung ương'] : ['Các cơ quan Đảng Trung ương', 'Chính phủ', 'Quốc hội', 'Mặt trận Tổ quốc, các đoàn thể Trung ương', 'Quân ủy Trung ương', 'Công an Trung ương'];
  // 2020: ~11 districts × ~74 grassroots × ~3.8 cells per province; 2025: communes directly under the province.
  const districtsPer = shape === '2020' ? 11 : 0;
  const grassrootsPer = shape === '2020' ? 74 : 150;
  for (let p = 1; p <= provinces + blocs.length; p++) {
    const isBloc = p > provinces;
    const pk = `${root}-P${p}`;
    add({ key: pk, parentKey: root, name: isBloc ? `Đảng bộ ${blocs[p - provinces - 1]}` : `Đảng bộ tỉnh số ${p}`, typeCode: isBloc ? 'centralBloc' : 'province', kindCode: isBloc ? 'agencyBloc' : 'territorial' });
    const parents = districtsPer > 0 ? Array.from({ length: districtsPer + int(-1, 1) }, (_, d) => `${pk}-D${d + 1}`) : [pk];
    if (districtsPer > 0) parents.forEach((dk, d) => add({ key: dk, parentKey: pk, name: `Đảng bộ huyện số ${d + 1} tỉnh ${p}`, typeCode: 'district', kindCode: 'territorial' }));
    for (const parent of parents) {
      const count = grassrootsPer + int(-8, 8);
      for (let g = 1; g <= count; g++) {
        const gk = `${parent}-G${g}`;
        const cell = rnd() < 0.4;
        if (cell) {
          add({ key: gk, parentKey: parent, name: `Chi bộ cơ sở số ${g}`, typeCode: 'grassrootsCell', kindCode: 'publicService', members: int(8, 40) });
          continue;
        }
        add({ key: gk, parentKey: parent, name: `Đảng bộ xã số ${g}`, typeCode: 'grassrootsCommittee', kindCode: 'territorial' });
        const cells = int(3, shape === '2020' ? 8 : 12);
        for (let c = 1; c <= cells; c++) add({ key: `${gk}-C${c}`, parentKey: gk, name: `Chi bộ thôn ${c}`, typeCode: 'subordinateCell', kindCode: 'territorial', members: int(12, 44) });
      }
    }
  }
  return nodes;
}
