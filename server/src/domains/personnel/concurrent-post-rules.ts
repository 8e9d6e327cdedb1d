/**
 * Concurrent-post models tracked over a subtree (nhất thể hóa; seed report 000, Quảng Ninh 2020):
 * the secretary also chairs the People's Committee; the secretary is not from the locality; where
 * the secretary chairs the People's Committee, two deputy secretaries. Figures come from the
 * people's current posts. Pure: no I/O.
 */
export const concurrentModels = ['secretaryChairsPeoplesCommittee', 'nonLocalSecretary', 'twoDeputySecretaries'] as const;
export type ConcurrentModel = (typeof concurrentModels)[number];

export const concurrentModelLabels: Record<ConcurrentModel, string> = {
  secretaryChairsPeoplesCommittee: 'Bí thư cấp ủy đồng thời là Chủ tịch UBND',
  nonLocalSecretary: 'Bí thư cấp ủy không là người địa phương',
  twoDeputySecretaries: 'Mô hình 2 phó bí thư (nơi bí thư là Chủ tịch UBND)',
};

/** Post roles the system knows; a post's title is free text, its role is one of these. */
export const postRoles = [
  'secretary',
  'deputySecretary',
  'standingMember',
  'committeeMember',
  'inspectionChair',
  'peoplesCommitteeChair',
  'peoplesCouncilChair',
  'frontChair',
  'other',
] as const;
export type PostRole = (typeof postRoles)[number];
export const postRoleLabels: Record<PostRole, string> = {
  secretary: 'Bí thư',
  deputySecretary: 'Phó Bí thư',
  standingMember: 'Ủy viên Ban Thường vụ',
  committeeMember: 'Ủy viên Ban Chấp hành',
  inspectionChair: 'Chủ nhiệm Ủy ban Kiểm tra',
  peoplesCommitteeChair: 'Chủ tịch UBND',
  peoplesCouncilChair: 'Chủ tịch HĐND',
  frontChair: 'Chủ tịch Ủy ban MTTQ',
  other: 'Chức vụ khác',
};

export type UnitPosts = { orgId: number; posts: { personId: number; role: PostRole; nonLocal: boolean }[] };
export type ModelTarget = { kind: 'count' | 'share'; value: number };
export type ModelFigure = { units: number; applying: number; base: number; share: number | null; met: boolean | null; text: string; orgIds: number[] };

/** Which units apply the model, and out of how many (model 3 counts among model-1 units). */
export function modelFigure(model: ConcurrentModel, units: readonly UnitPosts[], target: ModelTarget | null, levelName: string): ModelFigure {
  const secretaries = (u: UnitPosts) => u.posts.filter((p) => p.role === 'secretary');
  const chairsPc = (u: UnitPosts) => secretaries(u).some((s) => u.posts.some((p) => p.personId === s.personId && p.role === 'peoplesCommitteeChair'));
  let base: readonly UnitPosts[] = units;
  let applies: (u: UnitPosts) => boolean;
  if (model === 'secretaryChairsPeoplesCommittee') applies = chairsPc;
  else if (model === 'nonLocalSecretary') applies = (u) => secretaries(u).some((s) => s.nonLocal);
  else {
    base = units.filter(chairsPc);
    applies = (u) => new Set(u.posts.filter((p) => p.role === 'deputySecretary').map((p) => p.personId)).size >= 2;
  }
  const hit = base.filter(applies);
  const share = base.length === 0 ? null : hit.length / base.length;
  let met: boolean | null = null;
  let goal = '';
  if (target) {
    if (target.kind === 'count') {
      met = hit.length >= target.value;
      goal = ` (mục tiêu tối thiểu ${target.value} đơn vị)`;
    } else {
      met = base.length === 0 ? null : hit.length * 10_000 >= Math.round(target.value * 100) * base.length;
      goal = ` (mục tiêu ${target.value.toLocaleString('vi-VN')}%)`;
    }
  }
  const pct = share === null ? '—' : `${(share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`;
  const of = model === 'twoDeputySecretaries' ? `${levelName} có bí thư là Chủ tịch UBND` : levelName;
  const verdict = met === null ? '' : met ? ' — đạt' : ' — chưa đạt';
  return { units: units.length, applying: hit.length, base: base.length, share, met, text: `${hit.length}/${base.length} ${of} = ${pct}${goal}${verdict}`, orgIds: hit.map((u) => u.orgId) };
}
