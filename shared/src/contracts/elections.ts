import { z } from 'zod';
import { entryKeysOptions } from '../ballot-keys.ts';

export const electionKinds = [
  'executiveCommittee',
  'standingCommittee',
  'secretary',
  'deputySecretary',
  'inspectionCommission',
  'inspectionChair',
  'inspectionDeputyChair',
  'upperCongressDelegates',
  'cellSecretary',
] as const;
export const electionKindLabels: Record<(typeof electionKinds)[number], string> = {
  executiveCommittee: 'Bầu Ban Chấp hành',
  standingCommittee: 'Bầu Ban Thường vụ',
  secretary: 'Bầu Bí thư',
  deputySecretary: 'Bầu Phó Bí thư',
  inspectionCommission: 'Bầu Ủy ban Kiểm tra',
  inspectionChair: 'Bầu Chủ nhiệm Ủy ban Kiểm tra',
  inspectionDeputyChair: 'Bầu Phó Chủ nhiệm Ủy ban Kiểm tra',
  upperCongressDelegates: 'Bầu đại biểu dự đại hội cấp trên',
  cellSecretary: 'Bầu Bí thư chi bộ',
};
export const invalidReasons = [
  'KEEPS_TOO_MANY',
  'STRIKES_ALL',
  'SINGLE_CANDIDATE_BOTH_OR_NONE',
  'BLANK_NO_SURPLUS',
  'NOT_ISSUED',
  'NOT_STAMPED',
  'WRITTEN_IN_NAME',
  'EXTRA_CONTENT_OR_MARK',
  'CASE_ADDED_BY_QD190',
  'OTHER_COMMITTEE_RULING',
] as const;

const count = z.number().int().min(0).max(10_000_000);

export const createElectionRequestSchema = z.strictObject({
  orgId: z.number().int().positive(),
  title: z.string().trim().min(1).max(300),
  kind: z.enum(electionKinds),
  regulation: z.enum(['2014', '2024']),
  congressKind: z.enum(['members', 'delegates', 'conference']),
  seats: z.number().int().min(1).max(500),
  alternateSeats: z.number().int().min(0).max(500).default(0),
  summoned: z.number().int().min(1).max(10_000_000),
  exclusions: z.record(z.string().max(64), count).default({}),
  /** The congress (of a campaign) this election is held at: its register and check-in then give the denominator. */
  congressId: z.number().int().positive().optional(),
  /** One-key codes or printed numbers (ADR 0007); by default codes whenever the list fits them. */
  entryKeys: z.enum(entryKeysOptions).optional(),
  candidates: z
    .array(z.strictObject({ fullName: z.string().trim().min(2).max(200), nominatedBy: z.enum(['conveningCommittee', 'floor', 'self']).default('conveningCommittee') }))
    .min(1)
    .max(1000),
});
export type CreateElectionRequest = z.infer<typeof createElectionRequestSchema>;

export const entryKeysRequestSchema = z.strictObject({ version: z.number().int().positive(), entryKeys: z.enum(entryKeysOptions) });

/**
 * The [U] settings of the election's rule set, by rule id; a setting left out keeps its
 * documented default. Values are checked against the rule set (the engine's own validation).
 */
export const ruleSettingsRequestSchema = z.strictObject({ version: z.number().int().positive(), settings: z.record(z.string().max(64), z.unknown()) });

export const assignCountersRequestSchema = z.strictObject({
  counters: z
    .array(z.strictObject({ userId: z.number().int().positive(), isChief: z.boolean().default(false), team: z.enum(['A', 'B']).nullable().default(null) }))
    .min(1)
    .max(100),
});

export const openEntryRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  present: count,
  ballotsIssued: count,
  ballotsCollected: count,
  /** The congress' show-of-hands vote approving the list (biểu quyết thông qua danh sách). */
  listVote: z.strictObject({ agree: count, disagree: count, present: count }),
  /**
   * Charter Đ11 K6 condition (b), where the congress has subordinate organisations: how many
   * there are and how many have delegates present. Taken from check-in when the election
   * belongs to a congress whose attendance is recorded.
   */
  subordinateOrgs: z.strictObject({ total: count, withDelegatesPresent: count }).optional(),
});

/** A ballot as typed: the numbers (ballot order, 1-based) of the struck names, marks per number, or an invalid ruling. */
/** A name proposed at the congress (đề cử) or by the person (ứng cử), with the show-of-hands vote on it. */
export const nominateRequestSchema = z
  .strictObject({
    version: z.number().int().positive(),
    fullName: z.string().trim().min(2).max(200),
    nominatedBy: z.enum(['floor', 'self']),
    present: z.number().int().min(1).max(10_000_000),
    approvals: count,
  })
  .refine((v) => v.approvals <= v.present, { path: ['approvals'], message: 'Số đồng ý không được lớn hơn số có mặt.' });
export type NominateRequest = z.infer<typeof nominateRequestSchema>;

export const ballotEntrySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('strike'), struck: z.array(z.number().int().min(1).max(1000)).max(1000) }),
  z.strictObject({ kind: z.literal('marks'), marks: z.record(z.string().regex(/^\d+$/), z.enum(['agree', 'disagree', 'both', 'none'])) }),
  z.strictObject({ kind: z.literal('invalid'), reason: z.enum(invalidReasons), note: z.string().max(500).optional() }),
]);
export type BallotEntryInput = z.infer<typeof ballotEntrySchema>;

export const enterBallotRequestSchema = z.strictObject({
  serial: z.number().int().min(1).max(1_000_000),
  entry: ballotEntrySchema,
  /** Required when changing a ballot this team already saved. */
  correctionReason: z.string().trim().min(1).max(500).optional(),
});

export const resolveBallotRequestSchema = z.strictObject({
  serial: z.number().int().min(1).max(1_000_000),
  entry: ballotEntrySchema,
  reason: z.string().trim().min(1).max(500),
});

/** After a published round: the congress' decision (when one is needed) and the next round's attendance and ballots. */
export const nextRoundRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  decision: z.enum(['repeatTieBreak', 'furtherRound', 'stop']).optional(),
  /** Further round: first-round ballot numbers of remaining candidates kept on the list… */
  keepBallotNos: z.array(z.number().int().min(1).max(1000)).max(1000).optional(),
  /** …and names the congress added. */
  addCandidates: z.array(z.string().trim().min(2).max(200)).max(200).optional(),
  present: count.optional(),
  ballotsIssued: count.optional(),
  ballotsCollected: count.optional(),
});
export type NextRoundRequest = z.infer<typeof nextRoundRequestSchema>;

/** The upper committee's approval of the results (chuẩn y). */
export const approveElectionRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  decisionNo: z.string().trim().min(1).max(100),
  decisionDate: z.string().date(),
});

/** A seat the election left empty, filled by the upper committee's appointment (chỉ định). */
export const appointmentRequestSchema = z.strictObject({
  version: z.number().int().positive(),
  fullName: z.string().trim().min(1).max(200),
  decisionNo: z.string().trim().min(1).max(100),
  decisionDate: z.string().date(),
});

/**
 * What the register and check-in of a congress give an election held at it (R1.18): those
 * summoned, and the delegates absent for the whole congress so far. `fromCheckIn` is false
 * while the register is empty: the figures are then typed by hand.
 */
export type CongressDenominatorFigures = {
  congressId: number;
  registered: boolean;
  summoned: number;
  exclusions: { convenerMembersAbsentWhole: number; delegatesAbsentWholeNotReplaced: number };
  sessionsHeld: number;
  /**
   * Present at the latest attendance session (what "có mặt" usually is when a round opens), and
   * the subordinate organisations with delegates present there (null where the congress has none).
   */
  latestSession: { label: string; present: number; subordinateOrgs: { total: number; withDelegatesPresent: number } | null } | null;
};
export type ElectionCongressOption = {
  id: number;
  campaignName: string;
  form: 'members' | 'delegates';
  status: string;
  plannedStart: string | null;
  figures: CongressDenominatorFigures | null;
};
/** What an election recorded about where its denominator came from. */
export type DenominatorSource = { kind: 'congressRegister'; takenAt: string; at: 'create' | 'openEntry'; sessionsHeld: number; exclusionsFromCheckIn: boolean };
