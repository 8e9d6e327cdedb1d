/**
 * The first meeting of the new committee (election-rules.md §1.8, §8 item 4): who may stand at
 * each of its elections. Charter (Điều lệ Đảng 2011) Đ20 K1 [C1]: "Hội nghị tỉnh uỷ, thành uỷ,
 * huyện uỷ, quận uỷ, thị uỷ bầu ban thường vụ; bầu bí thư và phó bí thư trong số uỷ viên thường
 * vụ; bầu uỷ ban kiểm tra; bầu chủ nhiệm uỷ ban kiểm tra trong số uỷ viên uỷ ban kiểm tra."
 * The Charter limits the secretary, the deputies and the commission's chair to a body; it does not
 * limit the commission's members to the committee, so they may come from the committee or from
 * outside it; outside, a member of the đảng bộ (the default of this system, [U]). The commission's
 * deputy chair is elected at the same meeting (QĐ 294 mục 16.1.1 reports its minutes with the
 * chair's), from the commission, not the chair: who elects it and from whom is [U]. Pure: no I/O.
 */
import { checkEligibility, type Candidacy, type EligibilityRuleSet } from './eligibility-rules.ts';
import type { YearMonth } from './retirement-rules.ts';

export const firstMeetingKinds = ['standingCommittee', 'secretary', 'deputySecretary', 'inspectionCommission', 'inspectionChair', 'inspectionDeputyChair'] as const;
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
    rule: 'Ủy viên Ủy ban Kiểm tra: ủy viên Ban Chấp hành khóa mới hoặc đảng viên ngoài cấp ủy thuộc đảng bộ; người ngoài cấp ủy phải đủ điều kiện về tuổi (tái cử Ủy ban Kiểm tra theo CT 45: còn ít nhất 42 tháng)',
    source: `${CHARTER}: "bầu uỷ ban kiểm tra", không giới hạn trong số cấp ủy viên [C1]; người ngoài cấp ủy phải thuộc đảng bộ — mặc định của hệ thống [U]`,
    confirmed: false,
  },
  inspectionChair: {
    from: 'inspectionCommission',
    rule: 'Chủ nhiệm Ủy ban Kiểm tra được bầu trong số ủy viên Ủy ban Kiểm tra vừa bầu',
    source: `${CHARTER}: "bầu chủ nhiệm uỷ ban kiểm tra trong số uỷ viên uỷ ban kiểm tra" [C1]`,
    confirmed: true,
  },
  inspectionDeputyChair: {
    from: 'inspectionCommission',
    rule: 'Phó Chủ nhiệm Ủy ban Kiểm tra được bầu trong số ủy viên Ủy ban Kiểm tra vừa bầu (trừ người đã trúng cử chủ nhiệm), sau hoặc cùng lúc với cuộc bầu chủ nhiệm; số lượng do hội nghị quyết định',
    source:
      `${CHARTER} chỉ nêu chủ nhiệm; bầu "chủ nhiệm, phó chủ nhiệm ủy ban kiểm tra của cấp ủy" bằng phiếu kín (HD 32-HD/TW 2009, §1.2 R1.3) [C1]; ` +
      'biên bản bầu "chủ nhiệm và phó chủ nhiệm Ủy ban kiểm tra" báo cáo cấp trên chuẩn y (QĐ 294 mục 16.1.1–16.1.2, §9) [C1]; ' +
      'bầu tại hội nghị lần thứ nhất, trong số ủy viên Ủy ban Kiểm tra, không trùng chủ nhiệm — mặc định của hệ thống [U]',
    confirmed: false,
  },
};

export type MeetingMember = { personId: number; fullName: string };

/**
 * How an election of the meeting stands, as the elections domain recorded it: `tieBreakNext`, a
 * tie at the last seat goes to a round among the tied (Charter Đ12 K3); `awaitingDecision`, seats
 * remain after a published round and the meeting decides whether to vote again; `closed`, over.
 */
export type ElectionProgress = { stage: 'running' | 'tieBreakNext' | 'awaitingDecision' | 'closed'; seats: number; elected: number; rounds: number };

/** What the meeting has elected so far, and the bodies whose election is created but not finished. */
export type MeetingState = {
  executive: readonly MeetingMember[];
  standing: readonly MeetingMember[];
  inspection: readonly MeetingMember[];
  /** The commission's chair and deputies elected so far: one person does not hold both. */
  inspectionChair?: readonly MeetingMember[];
  inspectionDeputyChair?: readonly MeetingMember[];
  unfinished: ReadonlySet<FirstMeetingKind>;
  /** Each created election's progress, when known; it tells a shortfall from an election still running. */
  progress?: Partial<Record<FirstMeetingKind, ElectionProgress>>;
};

export type Pool = {
  kind: FirstMeetingKind;
  from: PoolSource;
  members: readonly MeetingMember[];
  ready: boolean;
  why: string | null;
  /** Ready, but worth saying: the body was elected short, or the chair's election is still running. */
  note: string | null;
  /** Members of the body who already hold the other post (chair or deputy chair), left out of `members`. */
  taken: readonly (MeetingMember & { post: string })[];
};

type Body = 'standingCommittee' | 'inspectionCommission';
const bodyName: Record<Body, string> = { standingCommittee: 'Ban Thường vụ', inspectionCommission: 'Ủy ban Kiểm tra' };
/** Who is elected from the body, for each kind that waits on one. */
const electedFrom: Partial<Record<FirstMeetingKind, string>> = {
  secretary: 'bí thư, phó bí thư được bầu trong số ủy viên Ban Thường vụ khóa mới',
  deputySecretary: 'bí thư, phó bí thư được bầu trong số ủy viên Ban Thường vụ khóa mới',
  inspectionChair: 'chủ nhiệm được bầu trong số ủy viên Ủy ban Kiểm tra',
  inspectionDeputyChair: 'phó chủ nhiệm được bầu trong số ủy viên Ủy ban Kiểm tra',
};
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** What may fill the seats left (§8 item 6, Charter Đ13 K2; supplementary election 190 Đ28; HD 06 mục 16.1 for a secretary). */
const fillLater = (body: Body, kind: FirstMeetingKind) =>
  `cấp ủy cấp trên trực tiếp xem xét chỉ định bổ sung, hoặc bầu bổ sung ${bodyName[body]} ở hội nghị sau (Điều lệ Đảng Đ13 K2; QĐ 190 Đ28)` +
  (kind === 'secretary' ? '; không bầu được bí thư thì cấp ủy cấp trên có thể chỉ định bí thư (HD 06-HD/TW mục 16.1)' : '');

/**
 * Why a kind that takes its candidates from `body` cannot start while the body has no members:
 * its election is not created, is running, is tied at the last seat, waits for the meeting's
 * decision on the seats left, or ended with nobody elected — each said with what may be done.
 */
function bodyEmpty(kind: FirstMeetingKind, body: Body, s: MeetingState): string {
  const who = electedFrom[kind]!;
  const name = bodyName[body];
  const p = s.progress?.[body];
  const round = p && p.rounds > 0 ? `Vòng ${p.rounds} bầu ${name}` : `Cuộc bầu ${name}`;
  if (p?.stage === 'tieBreakNext')
    return `${round}: có người ngang phiếu ở cuối danh sách trúng cử; bầu lại giữa những người ngang phiếu (Điều lệ Đảng Đ12 K3). ${cap(who)} sau khi cuộc bầu ${name} kết thúc.`;
  if (p?.stage === 'awaitingDecision') {
    const got = p.elected === 0 ? 'chưa ai trúng cử' : `${p.elected} người trúng cử`;
    return (
      `${round}: ${got}, còn thiếu ${p.seats - p.elected}/${p.seats}. Hội nghị quyết định bầu thêm vòng nữa hay dừng (Điều lệ Đảng Đ12 K3); ` +
      `nếu dừng, chỗ còn thiếu do ${fillLater(body, kind)}. ${cap(who)}, nên bầu sau khi cuộc bầu ${name} kết thúc.`
    );
  }
  if (p?.stage === 'closed')
    return (
      `Cuộc bầu ${name} đã kết thúc${p.rounds > 1 ? ` sau ${p.rounds} vòng` : ''} mà không ai trúng cử (cần ${p.seats}). ` +
      `${cap(who)} (Điều lệ Đảng Đ20 K1), nên chưa bầu được. Việc tiếp theo: ${fillLater(body, kind)}.`
    );
  if (p || s.unfinished.has(body)) return `Cuộc bầu ${name} chưa kết thúc: ${who}.`;
  return `Chưa bầu ${name}: ${who}.`;
}

/** A body elected, but with fewer than the meeting decided: said beside the pool. */
function shortNote(body: Body, kind: FirstMeetingKind, s: MeetingState, elected: number): string | null {
  const p = s.progress?.[body];
  if (!p || p.stage !== 'closed' || elected >= p.seats) return null;
  return `${bodyName[body]} mới bầu được ${elected}/${p.seats} người (cuộc bầu đã kết thúc); chỗ còn thiếu do ${fillLater(body, kind)}.`;
}

/** Where the candidates of one election come from now, or why it cannot be created yet. */
export function firstMeetingPool(kind: FirstMeetingKind, s: MeetingState): Pool {
  const no = (why: string, from: PoolSource): Pool => ({ kind, from, members: [], ready: false, why, note: null, taken: [] });
  const yes = (from: PoolSource, members: readonly MeetingMember[], note: string | null = null, taken: Pool['taken'] = []): Pool => ({ kind, from, members, ready: true, why: null, note, taken });
  if (s.executive.length === 0) return no('Chưa có Ban Chấp hành khóa mới (cuộc bầu Ban Chấp hành chưa kết thúc).', firstMeetingRules[kind].from);
  switch (kind) {
    case 'standingCommittee':
      return yes('executiveCommittee', s.executive);
    case 'secretary':
    case 'deputySecretary':
      if (s.standing.length > 0) return yes('standingCommittee', s.standing, shortNote('standingCommittee', kind, s, s.standing.length));
      if (s.unfinished.has('standingCommittee') || s.progress?.standingCommittee) return no(bodyEmpty(kind, 'standingCommittee', s), 'standingCommittee');
      // No standing committee is elected (a committee without one): from the committee.
      return yes('executiveCommittee', s.executive);
    case 'inspectionCommission':
      return yes('committeeOrOutside', s.executive);
    case 'inspectionChair':
    case 'inspectionDeputyChair': {
      if (s.inspection.length === 0) return no(bodyEmpty(kind, 'inspectionCommission', s), 'inspectionCommission');
      // One person is not both chair and deputy chair: whoever holds the other post is left out.
      const other = kind === 'inspectionChair' ? { list: s.inspectionDeputyChair ?? [], post: 'Phó Chủ nhiệm Ủy ban Kiểm tra' } : { list: s.inspectionChair ?? [], post: 'Chủ nhiệm Ủy ban Kiểm tra' };
      const takenIds = new Set(other.list.map((m) => m.personId));
      const taken = s.inspection.filter((m) => takenIds.has(m.personId)).map((m) => ({ ...m, post: other.post }));
      const members = s.inspection.filter((m) => !takenIds.has(m.personId));
      if (members.length === 0) return no(`Mọi ủy viên Ủy ban Kiểm tra vừa bầu đã giữ chức ${other.post.toLowerCase()}: ${electedFrom[kind]}, không trùng chức danh này.`, 'inspectionCommission');
      const shortfall = shortNote('inspectionCommission', kind, s, s.inspection.length);
      const alongside =
        kind === 'inspectionDeputyChair' && (s.inspectionChair ?? []).length === 0 && (s.unfinished.has('inspectionChair') || (s.progress?.inspectionChair && s.progress.inspectionChair.stage !== 'closed'))
          ? 'Cuộc bầu chủ nhiệm đang tiến hành: bầu phó chủ nhiệm cùng lúc được, nhưng người trúng cử chủ nhiệm không đồng thời là phó chủ nhiệm.'
          : null;
      return yes('inspectionCommission', members, [shortfall, alongside].filter(Boolean).join(' ') || null, taken);
    }
  }
}

/** A nominee as the service found them: name, and for someone outside the committee whether they belong to the đảng bộ. */
export type Nominee = { personId: number; fullName: string; inPartyOrganization: boolean };
export type NomineeProblem = {
  field: string;
  code: 'NOT_A_COMMITTEE_MEMBER' | 'NOT_A_STANDING_MEMBER' | 'NOT_AN_INSPECTION_MEMBER' | 'NOT_IN_PARTY_ORGANIZATION' | 'HOLDS_OTHER_POST' | 'INELIGIBLE';
  message: string;
};

/** Each nominee outside the pool, named, with the rule it breaks. */
export function nomineeProblems(pool: Pool, nominees: readonly Nominee[]): NomineeProblem[] {
  const inPool = new Set(pool.members.map((m) => m.personId));
  const taken = new Map(pool.taken.map((m) => [m.personId, m.post]));
  const out: NomineeProblem[] = [];
  nominees.forEach((n, i) => {
    if (inPool.has(n.personId)) return;
    const field = `personIds.${i}`;
    const post = taken.get(n.personId);
    if (post) {
      out.push({ field, code: 'HOLDS_OTHER_POST', message: `Đồng chí ${n.fullName} đã trúng cử ${post}: ${electedFrom[pool.kind]}, một người không giữ cả chủ nhiệm và phó chủ nhiệm.` });
      return;
    }
    switch (pool.from) {
      case 'standingCommittee':
        out.push({ field, code: 'NOT_A_STANDING_MEMBER', message: `Đồng chí ${n.fullName} không phải ủy viên Ban Thường vụ khóa mới: bí thư, phó bí thư được bầu trong số ủy viên Ban Thường vụ (Điều lệ Đảng Đ20 K1).` });
        break;
      case 'inspectionCommission':
        out.push({
          field,
          code: 'NOT_AN_INSPECTION_MEMBER',
          message: `Đồng chí ${n.fullName} không phải ủy viên Ủy ban Kiểm tra vừa bầu: ${electedFrom[pool.kind]}${pool.kind === 'inspectionChair' ? ' (Điều lệ Đảng Đ20 K1)' : ''}.`,
        });
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

/** A commission nominee from outside the committee, with what their age check needs. */
export type OutsideNominee = {
  index: number;
  personId: number;
  fullName: string;
  retirementMonth: YearMonth;
  candidacy: Candidacy;
  /** How the candidacy was known: entered with the nomination, from the records, or the default. */
  candidacyFrom: 'entered' | 'records' | 'default';
};

/**
 * The age check of the inspection commission for nominees from outside the committee (members of
 * the committee were checked when the list was approved): re-election to the commission needs
 * 42 months of service left under the 2025 rules (24 before; CT 45, election-rules.md §8 mục 8),
 * a first membership a full term [U]. Counted from the congress' reference month. Each refusal
 * carries the arithmetic, as CANDIDATE_INELIGIBLE does on the list.
 */
export function outsideEligibilityProblems(
  nominees: readonly OutsideNominee[],
  ctx: { referenceMonth: YearMonth; rules: EligibilityRuleSet; termMonths?: number },
): NomineeProblem[] {
  const out: NomineeProblem[] = [];
  for (const n of nominees) {
    const el = checkEligibility({
      retirementMonth: n.retirementMonth,
      referenceMonth: ctx.referenceMonth,
      candidacy: n.candidacy,
      post: 'inspectionCommission',
      rules: ctx.rules,
      ...(ctx.termMonths === undefined ? {} : { termMonths: ctx.termMonths }),
    });
    if (el.eligible) continue;
    const hint = n.candidacyFrom === 'default' ? ' (không có hồ sơ tái cử Ủy ban Kiểm tra nên tính là tham gia lần đầu; nếu là tái cử, ghi rõ khi giới thiệu)' : '';
    out.push({ field: `personIds.${n.index}`, code: 'INELIGIBLE', message: `Đồng chí ${n.fullName} không đủ điều kiện về tuổi để bầu vào Ủy ban Kiểm tra: ${el.explanation}${hint}` });
  }
  return out;
}
