/**
 * The first meeting of the new committee (election-rules.md §1.8, §8 item 4): who may stand at
 * each of its elections. Charter (Điều lệ Đảng 2011) Đ20 K1 [C1]: "Hội nghị tỉnh uỷ, thành uỷ,
 * huyện uỷ, quận uỷ, thị uỷ bầu ban thường vụ; bầu bí thư và phó bí thư trong số uỷ viên thường
 * vụ; bầu uỷ ban kiểm tra; bầu chủ nhiệm uỷ ban kiểm tra trong số uỷ viên uỷ ban kiểm tra."
 * The Charter limits the secretary, the deputies and the commission's chair to a body; it does not
 * limit the commission's members to the committee, so they may come from the committee or from
 * outside it; outside, a member of the đảng bộ (the default of this system, [U]). Pure: no I/O.
 */
export const firstMeetingKinds = ['standingCommittee', 'secretary', 'deputySecretary', 'inspectionCommission', 'inspectionChair'] as const;
export type FirstMeetingKind = (typeof firstMeetingKinds)[number];

/** The body candidates are taken from; `committeeOrOutside`: committee members or party members of the đảng bộ outside it. */
export type PoolSource = 'executiveCommittee' | 'standingCommittee' | 'inspectionCommission' | 'committeeOrOutside';

export type FirstMeetingRule = { from: PoolSource; rule: string; source: string; confirmed: boolean };

const CHARTER = 'Điều lệ Đảng 2011 Đ20 K1 (election-rules.md §8 mục 4)';
export const firstMeetingRules: Record<FirstMeetingKind, FirstMeetingRule> = {
  standingCommittee: { from: 'executiveCommittee', rule: 'Ban Thường vụ được bầu trong số ủy viên Ban Chấp hành khóa mới', source: `${CHARTER}: "bầu ban thường vụ" [C1]`, confirmed: true },
  secretary: {
    from: 'standingCommittee',
    rule: 'Bí thư được bầu trong số ủy viên Ban Thường vụ khóa mới (nơi không bầu Ban Thường vụ: trong số ủy viên Ban Chấp hành)',
    source: `${CHARTER}: "bầu bí thư và phó bí thư trong số uỷ viên thường vụ" [C1]`,
    confirmed: true,
  },
  deputySecretary: {
    from: 'standingCommittee',
    rule: 'Phó Bí thư được bầu trong số ủy viên Ban Thường vụ khóa mới (nơi không bầu Ban Thường vụ: trong số ủy viên Ban Chấp hành)',
    source: `${CHARTER}: "bầu bí thư và phó bí thư trong số uỷ viên thường vụ" [C1]`,
    confirmed: true,
  },
  inspectionCommission: {
    from: 'committeeOrOutside',
    rule: 'Ủy viên Ủy ban Kiểm tra: ủy viên Ban Chấp hành khóa mới hoặc đảng viên ngoài cấp ủy thuộc đảng bộ',
    source: `${CHARTER}: "bầu uỷ ban kiểm tra", không giới hạn trong số cấp ủy viên [C1]; người ngoài cấp ủy phải thuộc đảng bộ — mặc định của hệ thống [U]`,
    confirmed: false,
  },
  inspectionChair: {
    from: 'inspectionCommission',
    rule: 'Chủ nhiệm Ủy ban Kiểm tra được bầu trong số ủy viên Ủy ban Kiểm tra vừa bầu',
    source: `${CHARTER}: "bầu chủ nhiệm uỷ ban kiểm tra trong số uỷ viên uỷ ban kiểm tra" [C1]`,
    confirmed: true,
  },
};

export type MeetingMember = { personId: number; fullName: string };

/** What the meeting has elected so far, and the bodies whose election is created but not finished. */
export type MeetingState = {
  executive: readonly MeetingMember[];
  standing: readonly MeetingMember[];
  inspection: readonly MeetingMember[];
  unfinished: ReadonlySet<FirstMeetingKind>;
};

export type Pool = { kind: FirstMeetingKind; from: PoolSource; members: readonly MeetingMember[]; ready: boolean; why: string | null };

/** Where the candidates of one election come from now, or why it cannot be created yet. */
export function firstMeetingPool(kind: FirstMeetingKind, s: MeetingState): Pool {
  const no = (why: string, from: PoolSource): Pool => ({ kind, from, members: [], ready: false, why });
  if (s.executive.length === 0) return no('Chưa có Ban Chấp hành khóa mới (cuộc bầu Ban Chấp hành chưa kết thúc).', firstMeetingRules[kind].from);
  switch (kind) {
    case 'standingCommittee':
      return { kind, from: 'executiveCommittee', members: s.executive, ready: true, why: null };
    case 'secretary':
    case 'deputySecretary':
      if (s.standing.length > 0) return { kind, from: 'standingCommittee', members: s.standing, ready: true, why: null };
      if (s.unfinished.has('standingCommittee')) return no('Cuộc bầu Ban Thường vụ chưa kết thúc: bí thư, phó bí thư được bầu trong số ủy viên Ban Thường vụ khóa mới.', 'standingCommittee');
      // No standing committee is elected (a committee without one): from the committee.
      return { kind, from: 'executiveCommittee', members: s.executive, ready: true, why: null };
    case 'inspectionCommission':
      return { kind, from: 'committeeOrOutside', members: s.executive, ready: true, why: null };
    case 'inspectionChair':
      if (s.inspection.length > 0) return { kind, from: 'inspectionCommission', members: s.inspection, ready: true, why: null };
      return no(
        s.unfinished.has('inspectionCommission')
          ? 'Cuộc bầu Ủy ban Kiểm tra chưa kết thúc: chủ nhiệm được bầu trong số ủy viên Ủy ban Kiểm tra.'
          : 'Chưa bầu Ủy ban Kiểm tra: chủ nhiệm được bầu trong số ủy viên Ủy ban Kiểm tra.',
        'inspectionCommission',
      );
  }
}

/** A nominee as the service found them: name, and for someone outside the committee whether they belong to the đảng bộ. */
export type Nominee = { personId: number; fullName: string; inPartyOrganization: boolean };
export type NomineeProblem = { field: string; code: 'NOT_A_COMMITTEE_MEMBER' | 'NOT_A_STANDING_MEMBER' | 'NOT_AN_INSPECTION_MEMBER' | 'NOT_IN_PARTY_ORGANIZATION'; message: string };

/** Each nominee outside the pool, named, with the rule it breaks. */
export function nomineeProblems(pool: Pool, nominees: readonly Nominee[]): NomineeProblem[] {
  const inPool = new Set(pool.members.map((m) => m.personId));
  const out: NomineeProblem[] = [];
  nominees.forEach((n, i) => {
    if (inPool.has(n.personId)) return;
    const field = `personIds.${i}`;
    switch (pool.from) {
      case 'standingCommittee':
        out.push({ field, code: 'NOT_A_STANDING_MEMBER', message: `Đồng chí ${n.fullName} không phải ủy viên Ban Thường vụ khóa mới: bí thư, phó bí thư được bầu trong số ủy viên Ban Thường vụ (Điều lệ Đảng Đ20 K1).` });
        break;
      case 'inspectionCommission':
        out.push({ field, code: 'NOT_AN_INSPECTION_MEMBER', message: `Đồng chí ${n.fullName} không phải ủy viên Ủy ban Kiểm tra vừa bầu: chủ nhiệm được bầu trong số ủy viên Ủy ban Kiểm tra (Điều lệ Đảng Đ20 K1).` });
        break;
      case 'committeeOrOutside':
        if (!n.inPartyOrganization) out.push({ field, code: 'NOT_IN_PARTY_ORGANIZATION', message: `Đồng chí ${n.fullName} không phải ủy viên Ban Chấp hành khóa mới và không thuộc đảng bộ này.` });
        break;
      case 'executiveCommittee':
        out.push({ field, code: 'NOT_A_COMMITTEE_MEMBER', message: `Đồng chí ${n.fullName} không phải ủy viên Ban Chấp hành khóa mới.` });
        break;
    }
  });
  return out;
}
