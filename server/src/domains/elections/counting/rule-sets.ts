import { countingError, type CountingError } from './errors.ts';
import {
  CONFERENCE_EXCLUSIONS,
  DELEGATES_EXCLUSIONS,
  MEMBERS_EXCLUSIONS,
  type ConferenceExclusion,
} from './exclusions.ts';
import { ROUNDING_MODES, type RoundingMode } from './integers.ts';
import { invalidReasonsFor, type InvalidReason } from './invalid-reasons.ts';
import {
  REGULATION_VERSIONS,
  fail,
  ok,
  type Confidence,
  type RegulationVersion,
  type Result,
} from './types.ts';

// Rule sets per election regulation (QĐ 244-QĐ/TW 2014, QĐ 190-QĐ/TW 2024).
//
// Every entry carries its source so the UI can cite it. Entries are of two kinds:
// - `rule`: confirmed text ([C1]/[C2] in election-rules.md); the value cannot be changed.
// - `setting`: the text was not found ([U]); the documented default is used, the entry is
//   flagged `unconfirmed: true` ("chưa xác nhận" in the UI) and a campaign may override
//   it with `resolveRuleSet` once the official text is checked (election-rules.md §0:
//   "Do not hard-code; make it configurable").
// A few settings are system choices with no regulation behind them (percent display);
// they are flagged unconfirmed for the same reason: nothing official fixes them.

export const ALTERNATE_SELECTIONS = ['aboveHalfInVoteOrder', 'separateRound'] as const;
export type AlternateSelection = (typeof ALTERNATE_SELECTIONS)[number];

export const BALLOT_ORDERS = ['givenNameThenRest', 'asEntered'] as const;
export type BallotOrder = (typeof BALLOT_ORDERS)[number];

export const SURPLUS_ROUNDINGS = ['inward', 'nearest'] as const;
export type SurplusRounding = (typeof SURPLUS_ROUNDINGS)[number];

/** The value type of each rule or setting. */
export interface RuleValues {
  readonly threshold: 'moreThanHalfOfDenominator';
  readonly membersDenominatorExclusions: readonly (typeof MEMBERS_EXCLUSIONS)[number][];
  readonly delegatesDenominatorExclusions: readonly (typeof DELEGATES_EXCLUSIONS)[number][];
  readonly conferenceDenominatorExclusions: readonly ConferenceExclusion[];
  readonly strikeOutBallot: 'validIffKeepsBetweenOneAndSeats';
  readonly noSurplusBothOrNone: 'validBallotNoVoteForThatPerson';
  readonly noSurplusBlankBallot: 'valid' | 'invalid';
  readonly singleCandidateBothOrNone: 'invalid' | 'validNoVote';
  readonly invalidReasons: readonly InvalidReason[];
  readonly combinedListBallotKeeps: 'officialPlusAlternate' | 'officialOnly';
  readonly tieAtCutoff: 'tieBreakAmongTiedMostVotesWin';
  readonly shortfall: 'congressDecides';
  readonly cellSecretaryMaxFailedRounds: number;
  readonly quorum: 'twoThirdsOfSummonedAndOfSubordinateOrgs';
  readonly quorumRecheckEachRound: 'warn' | 'block';
  readonly alternateSelection: AlternateSelection;
  readonly surplusMaxPercent: number;
  readonly conveningSurplusPercent: { readonly min: number; readonly max: number };
  readonly smallBodySurplus: { readonly minSeats: number; readonly maxSeats: number; readonly maxSurplus: number };
  readonly surplusRounding: SurplusRounding;
  readonly delegateSurplusMaxPercent: number | null;
  readonly floorNomineeMoreThanPercentOfPresent: number;
  readonly countingCommitteeNotOnList: true;
  readonly ballotOrder: BallotOrder;
  readonly percentDecimals: number;
  readonly percentRounding: RoundingMode;
}
export type RuleId = keyof RuleValues;

export interface RuleEntry<V> {
  readonly id: RuleId;
  readonly kind: 'rule' | 'setting';
  readonly value: V;
  readonly defaultValue: V;
  /** For settings with a closed choice: the allowed values (the UI shows a select). */
  readonly options: readonly V[] | null;
  readonly confidence: Confidence;
  /** True for every setting: shown as "chưa xác nhận" next to the value. */
  readonly unconfirmed: boolean;
  /** True when a campaign changed the documented default. */
  readonly overridden: boolean;
  /** Article(s) to cite, e.g. "QĐ 190-QĐ/TW Đ30 K2; Điều lệ Đảng 2011 Đ12 K3". */
  readonly source: string;
  /** The rule in one Vietnamese sentence, for the UI. */
  readonly summaryVi: string;
  /** Why the value is what it is; for settings, what is unknown. */
  readonly explanation: string;
}

export type RuleEntries = { readonly [K in RuleId]: RuleEntry<RuleValues[K]> };

export interface RuleSet {
  readonly regulation: RegulationVersion;
  readonly title: string;
  readonly rules: RuleEntries;
}

interface EntrySpec<V> {
  readonly kind: 'rule' | 'setting';
  readonly value: V;
  readonly options?: readonly V[];
  readonly confidence: Confidence;
  readonly source: string;
  readonly summaryVi: string;
  readonly explanation: string;
}

function entry<K extends RuleId>(id: K, spec: EntrySpec<RuleValues[K]>): RuleEntry<RuleValues[K]> {
  return {
    id,
    kind: spec.kind,
    value: spec.value,
    defaultValue: spec.value,
    options: spec.options ?? null,
    confidence: spec.confidence,
    unconfirmed: spec.kind === 'setting',
    overridden: false,
    source: spec.source,
    summaryVi: spec.summaryVi,
    explanation: spec.explanation,
  };
}

const CHARTER_12_3 = 'Điều lệ Đảng 2011 Đ12 K3';

function buildRuleSet(v: RegulationVersion): RuleSet {
  const is2024 = v === '2024';
  // Article numbers per version (election-rules.md §0.1): 244 Đ17 ≙ 190 Đ15 (ballots),
  // 244 Đ32 ≙ 190 Đ30 (results), 244 Đ20 ≙ 190 Đ18 (upper-congress delegates).
  const reg = is2024 ? 'QĐ 190-QĐ/TW' : 'QĐ 244-QĐ/TW';
  const ballotArt = is2024 ? 'Đ15' : 'Đ17';
  const resultArt = is2024 ? 'Đ30' : 'Đ32';
  const delegatesArt = is2024 ? 'Đ18' : 'Đ20';

  const rules: RuleEntries = {
    threshold: entry('threshold', {
      kind: 'rule',
      value: 'moreThanHalfOfDenominator',
      confidence: 'C1',
      source: `${reg} ${resultArt} K2–K3; ${CHARTER_12_3}`,
      summaryVi:
        'Người trúng cử phải được số phiếu bầu quá một nửa so với tổng số đại biểu (đảng viên) được triệu tập, sau khi trừ các trường hợp quy định; đúng một nửa là chưa trúng cử.',
      explanation:
        'Elected iff 2 × votes > D. D is never the number of valid ballots or of ballots issued (R1.20, worked examples 1, 2, 4).',
    }),
    membersDenominatorExclusions: entry('membersDenominatorExclusions', {
      kind: 'rule',
      value: MEMBERS_EXCLUSIONS,
      confidence: 'C1',
      source: is2024
        ? 'QĐ 190-QĐ/TW Đ30 K2; QĐ 294-QĐ/TW mục 9.3.2; HD 06-HD/TW 2025 mục 14.2'
        : 'QĐ 244-QĐ/TW Đ32 K2; HD 01-HD/TW 2021 mục 13.2',
      summaryVi:
        'Đại hội đảng viên: trừ đảng viên sinh hoạt tạm thời nơi khác và đảng viên được miễn sinh hoạt không có mặt, đảng viên bị đình chỉ sinh hoạt, bị khởi tố, truy tố, tạm giam, đảng viên vắng mặt suốt đại hội có lý do chính đáng được đồng ý.',
      explanation:
        'Exempted or temporarily transferred members who attend and vote stay in D (R1.17, R1.20).',
    }),
    delegatesDenominatorExclusions: entry('delegatesDenominatorExclusions', {
      kind: 'rule',
      value: DELEGATES_EXCLUSIONS,
      confidence: 'C1',
      source: is2024
        ? 'QĐ 190-QĐ/TW Đ30 K3 (như QĐ 244); QĐ 294-QĐ/TW mục 9.3.1 và 11.4.4'
        : 'QĐ 244-QĐ/TW Đ32 K3',
      summaryVi:
        'Đại hội đại biểu: trừ cấp ủy viên cấp triệu tập vắng mặt suốt đại hội và đại biểu chính thức vắng mặt suốt đại hội không có đại biểu dự khuyết thay thế.',
      explanation: 'R1.18; for 190 the K3 text itself was not retrieved, QĐ 294 mục 9.3.1 has the same wording.',
    }),
    conferenceDenominatorExclusions: entry('conferenceDenominatorExclusions', {
      kind: 'setting',
      value: ['temporarilyElsewhereAbsent', 'suspended', 'prosecutedOrDetained'],
      confidence: 'U',
      source: is2024
        ? 'QĐ 294-QĐ/TW mục 9.3.3 (định nghĩa số thành viên hội nghị; áp dụng cho bầu cử là suy luận)'
        : 'QĐ 24-QĐ/TW 2021 mục 9.3.3 (văn bản chưa tra được); theo QĐ 294 mục 9.3.3',
      summaryVi:
        'Hội nghị ban chấp hành, ban thường vụ, ủy ban kiểm tra: số thành viên là ủy viên đương nhiệm, trừ người chuyển sinh hoạt tạm thời không có mặt, người bị đình chỉ sinh hoạt, bị khởi tố, truy tố, tạm giam.',
      explanation:
        'QĐ 294 mục 9.3.3 defines the members of a committee meeting for resolutions; using it for elections is an inference (§9). Members absent for other reasons stay in D by default (worked example 6: D = 18, T = 10); add "absentWholeMeeting" if the official text says otherwise.',
    }),
    strikeOutBallot: entry('strikeOutBallot', {
      kind: 'rule',
      value: 'validIffKeepsBetweenOneAndSeats',
      confidence: 'C1',
      source: `${reg} ${ballotArt} K1–K2`,
      summaryVi:
        'Danh sách có số dư: người bầu gạch tên người mình không bầu; phiếu để lại nhiều hơn số lượng cần bầu hoặc gạch hết tên là không hợp lệ; để lại đủ hoặc ít hơn là hợp lệ.',
      explanation:
        'Keeping more names than seats is [C1] (English text), striking every name is [C2] (truncated English text), keeping fewer is [C1] ("bầu đủ hoặc thiếu số lượng cần bầu").',
    }),
    noSurplusBothOrNone: entry('noSurplusBothOrNone', {
      kind: 'rule',
      value: 'validBallotNoVoteForThatPerson',
      confidence: 'C1',
      source: `${reg} ${resultArt} K1`,
      summaryVi:
        'Phiếu không có số dư: đánh dấu X vào cả hai ô hoặc không đánh dấu ô nào với người nào thì không tính vào kết quả của người đó; phiếu vẫn hợp lệ.',
      explanation: 'R1.16.',
    }),
    noSurplusBlankBallot: entry('noSurplusBlankBallot', {
      kind: 'setting',
      value: 'valid',
      options: ['valid', 'invalid'],
      confidence: 'U',
      source: `${reg} ${resultArt} K1; ${ballotArt} K2 (bản tiếng Anh bị cắt)`,
      summaryVi:
        'Phiếu không có số dư mà không đánh dấu ô nào cho bất kỳ ai: mặc định vẫn là phiếu hợp lệ (không ai được phiếu).',
      explanation:
        'The literal K1 text keeps such a ballot valid; the truncated English K2 says a ballot that votes for nobody on a multi-candidate list is invalid, and §8 applies that only to lists with a surplus. Unverified.',
    }),
    singleCandidateBothOrNone: entry('singleCandidateBothOrNone', {
      kind: 'setting',
      value: 'invalid',
      options: ['invalid', 'validNoVote'],
      confidence: 'U',
      source: `${reg} ${ballotArt} K2 (chỉ quy định trường hợp hợp lệ)`,
      summaryVi:
        'Danh sách một người mà đánh dấu cả hai ô hoặc không đánh dấu ô nào: mặc định là phiếu không hợp lệ.',
      explanation: 'The valid case requires an X in exactly one box; the other case was not found (§8 item 2).',
    }),
    invalidReasons: entry('invalidReasons', {
      kind: 'rule',
      value: invalidReasonsFor(v),
      confidence: 'C2',
      source: is2024
        ? 'QĐ 190-QĐ/TW Đ15 K2 (bổ sung 1 trường hợp so với QĐ 244, nội dung chưa tra được); Đ8 K2'
        : 'QĐ 244-QĐ/TW Đ17 K2',
      summaryVi:
        'Các lý do phiếu không hợp lệ; ban kiểm phiếu xem xét và kết luận từng phiếu không hợp lệ.',
      explanation:
        'The full list is unknown (§8 item 2, §9 1.2); codes marked unconfirmed in INVALID_REASON_INFO are defaults that the counting committee confirms.',
    }),
    combinedListBallotKeeps: entry('combinedListBallotKeeps', {
      kind: 'setting',
      value: 'officialPlusAlternate',
      options: ['officialPlusAlternate', 'officialOnly'],
      confidence: 'U',
      source: is2024
        ? 'QĐ 190-QĐ/TW Đ18; QĐ 294-QĐ/TW mục 11.4.1 (một danh sách chung)'
        : 'QĐ 244-QĐ/TW Đ20',
      summaryVi:
        'Bầu đại biểu dự đại hội cấp trên (một danh sách chung): mặc định người bầu được để lại tối đa số đại biểu chính thức cộng số dự khuyết.',
      explanation:
        'The texts say one list, officials first then alternates, but not how many names a ballot may keep. With official-only the ballot could never elect alternates in the same round, so the default counts both.',
    }),
    tieAtCutoff: entry('tieAtCutoff', {
      kind: 'rule',
      value: 'tieBreakAmongTiedMostVotesWin',
      confidence: 'C1',
      source: CHARTER_12_3,
      summaryVi:
        'Ở cuối danh sách trúng cử có nhiều người ngang phiếu nhau và nhiều hơn số lượng cần bầu thì bầu lại số người ngang phiếu đó để lấy người có số phiếu cao hơn, không cần phải quá một nửa; bầu lại vẫn ngang nhau thì có bầu nữa hay không do đại hội quyết định.',
      explanation:
        'Never by age or alphabet (the State-election "older wins" rule does not apply). §8 item 1 supersedes R1.22 and worked example 9.',
    }),
    shortfall: entry('shortfall', {
      kind: 'rule',
      value: 'congressDecides',
      confidence: 'C1',
      source: `${CHARTER_12_3}; Điều lệ Đảng 2011 Đ13 K2; ${reg} ${delegatesArt}${is2024 ? '; QĐ 294-QĐ/TW mục 11.4.1' : ' K2'}`,
      summaryVi:
        'Nếu bầu một lần mà chưa đủ số lượng quy định, có bầu thêm nữa hay không do đại hội quyết định; việc bổ sung cấp ủy viên thiếu do cấp ủy cấp trên trực tiếp quyết định.',
      explanation: '§8 item 6 confirms this for committee elections too (R1.23, worked examples 7 and 10).',
    }),
    cellSecretaryMaxFailedRounds: entry('cellSecretaryMaxFailedRounds', {
      kind: 'rule',
      value: 3,
      confidence: is2024 ? 'C1' : 'C2',
      source: is2024 ? 'QĐ 294-QĐ/TW mục 23.3' : 'QĐ 29-QĐ/TW 2016 mục 24',
      summaryVi:
        'Chi bộ bầu đến lần thứ ba mà không có đồng chí nào đủ số phiếu trúng cử bí thư thì cấp ủy cấp trên chỉ định bí thư.',
      explanation: '§8 item 6; §9 quotes QĐ 294 mục 23.3.',
    }),
    quorum: entry('quorum', {
      kind: 'rule',
      value: 'twoThirdsOfSummonedAndOfSubordinateOrgs',
      confidence: 'C1',
      source: 'Điều lệ Đảng 2011 Đ11 K6',
      summaryVi:
        'Đại hội chỉ hợp lệ khi có ít nhất hai phần ba số đại biểu hoặc đảng viên được triệu tập tham dự và có ít nhất hai phần ba số tổ chức đảng trực thuộc có đại biểu tham dự.',
      explanation: 'A hard rule since §8 item 3 (it replaces the "warning only" of R1.35). The base is those summoned, not D.',
    }),
    quorumRecheckEachRound: entry('quorumRecheckEachRound', {
      kind: 'setting',
      value: 'warn',
      options: ['warn', 'block'],
      confidence: 'U',
      source: 'Điều lệ Đảng 2011 Đ11 K6 nói về tính hợp lệ của đại hội, không nói từng lần bỏ phiếu',
      summaryVi: 'Trước mỗi vòng bầu kiểm tra lại số có mặt; mặc định chỉ cảnh báo nếu dưới hai phần ba.',
      explanation: 'Whether the quorum must hold at each vote is [U] (§8 item 3).',
    }),
    alternateSelection: is2024
      ? entry('alternateSelection', {
          kind: 'rule',
          value: 'aboveHalfInVoteOrder',
          confidence: 'C1',
          source: 'QĐ 294-QĐ/TW mục 11.4.1; QĐ 190-QĐ/TW Đ18 (bản trích bị cắt)',
          summaryVi:
            'Một danh sách chung; bầu đại biểu chính thức trước, đủ số lượng mà còn người được trên một nửa thì đại biểu dự khuyết lấy trong số đó theo số phiếu từ cao đến thấp.',
          explanation: '§9 settles the [U] of R1.30 and §8 item 5.',
        })
      : entry('alternateSelection', {
          kind: 'setting',
          value: 'aboveHalfInVoteOrder',
          options: ALTERNATE_SELECTIONS,
          confidence: 'U',
          source: 'QĐ 244-QĐ/TW Đ20 (đoạn về dự khuyết chưa tra được); mặc định theo QĐ 294 mục 11.4.1',
          summaryVi:
            'Mặc định: một danh sách chung, chính thức trước, dự khuyết là những người còn lại được trên một nửa theo số phiếu từ cao đến thấp.',
          explanation: 'The 244-era text on alternates was not retrieved; the 2025 text (§9) is used as default.',
        }),
    surplusMaxPercent: entry('surplusMaxPercent', {
      kind: 'rule',
      value: 30,
      confidence: is2024 ? 'C1' : 'C2',
      source: is2024 ? 'QĐ 190-QĐ/TW Đ14 K1' : 'QĐ 244-QĐ/TW (điều về số dư; cùng cấu trúc)',
      summaryVi:
        'Danh sách bầu cấp ủy, ban thường vụ phải nhiều hơn số lượng cần bầu; số dư tối đa do đại hội quyết định nhưng không quá 30% số lượng cần bầu.',
      explanation: 'R1.10.',
    }),
    conveningSurplusPercent: is2024
      ? entry('conveningSurplusPercent', {
          kind: 'rule',
          value: { min: 10, max: 15 },
          confidence: 'C1',
          source: 'QĐ 190-QĐ/TW Đ14 K1',
          summaryVi: 'Cấp ủy triệu tập đại hội chuẩn bị nhân sự cấp ủy và ban thường vụ có số dư từ 10% đến 15%.',
          explanation: 'R1.10.',
        })
      : entry('conveningSurplusPercent', {
          kind: 'setting',
          value: { min: 10, max: 15 },
          confidence: 'U',
          source: 'QĐ 244-QĐ/TW: chỉ xác nhận "số dư tối đa không quá 30%"; 10–15% trích từ QĐ 190 Đ14 K1',
          summaryVi: 'Mặc định: cấp ủy triệu tập chuẩn bị số dư từ 10% đến 15%.',
          explanation: 'The 10–15 % band is quoted only for 190; for 244 it is assumed.',
        }),
    smallBodySurplus: entry('smallBodySurplus', {
      kind: 'rule',
      value: { minSeats: 3, maxSeats: 5, maxSurplus: 1 },
      confidence: 'C2',
      source: 'Hỏi–đáp baothainguyen.vn 3/2025 (số dư nơi ban chấp hành, ban thường vụ có 3–5 ủy viên)',
      summaryVi: 'Nơi ban chấp hành, ban thường vụ có từ 3 đến 5 ủy viên thì số dư tối đa là 1 người.',
      explanation: 'R1.10 and §8 item 9.',
    }),
    surplusRounding: entry('surplusRounding', {
      kind: 'setting',
      value: 'inward',
      options: SURPLUS_ROUNDINGS,
      confidence: 'U',
      source: 'Không tìm thấy quy định làm tròn (election-rules.md §8 item 9)',
      summaryVi:
        'Làm tròn số dư: mặc định cận dưới làm tròn lên, cận trên làm tròn xuống, ít nhất 1 người; nếu cận dưới lớn hơn cận trên thì lấy đúng cận dưới.',
      explanation:
        '"inward": max = max(1, floor(30 % × seats)), convening min = max(1, ceil(10 %)), max = max(1, floor(15 %)). It fits the one data point (3–5 members → at most 1). "nearest" rounds half up.',
    }),
    delegateSurplusMaxPercent: entry('delegateSurplusMaxPercent', {
      kind: 'setting',
      value: null,
      confidence: 'U',
      source: `${reg} ${delegatesArt} (cho phép số dư; không tìm thấy tỷ lệ)`,
      summaryVi: 'Bầu đại biểu dự đại hội cấp trên: mặc định không giới hạn tỷ lệ số dư.',
      explanation: 'A surplus is allowed but no percentage was retrieved (R1.10). null = not checked.',
    }),
    floorNomineeMoreThanPercentOfPresent: entry('floorNomineeMoreThanPercentOfPresent', {
      kind: 'rule',
      value: 30,
      confidence: is2024 ? 'C1' : 'C2',
      source: is2024 ? 'QĐ 190-QĐ/TW Đ14 K3' : 'QĐ 244-QĐ/TW (cùng cấu trúc)',
      summaryVi:
        'Người ứng cử, người được đề cử không do cấp ủy triệu tập đề cử phải được hơn 30% tổng số đại biểu (đảng viên) dự đại hội đồng ý mới được đưa vào danh sách.',
      explanation: 'Strictly more than 30 % of those present: 10 × approvals > 3 × present (worked example 11: 280 present → 85).',
    }),
    countingCommitteeNotOnList: entry('countingCommitteeNotOnList', {
      kind: 'rule',
      value: true,
      confidence: is2024 ? 'C1' : 'C2',
      source: is2024 ? 'QĐ 190-QĐ/TW Đ8 K1; QĐ 294-QĐ/TW mục 12.4.1' : 'QĐ 244-QĐ/TW (điều về ban kiểm phiếu)',
      summaryVi: 'Thành viên ban kiểm phiếu không có tên trong danh sách bầu cử.',
      explanation: 'R1.6.',
    }),
    ballotOrder: entry('ballotOrder', {
      kind: 'setting',
      value: 'givenNameThenRest',
      options: BALLOT_ORDERS,
      confidence: 'U',
      source: 'Mẫu biên bản kiểm phiếu chi bộ; thực tiễn Đại hội XII ("xếp thứ tự theo vần ABC") — điều khoản chưa tra được',
      summaryVi: 'Danh sách trên phiếu xếp theo vần A, B, C của tên, rồi đến họ và tên đệm.',
      explanation: 'R1.13 is [C2] practice only; the mandating article was not found. Sorted with Intl.Collator("vi").',
    }),
    percentDecimals: entry('percentDecimals', {
      kind: 'setting',
      value: 2,
      options: [0, 1, 2, 3, 4],
      confidence: 'U',
      source: 'Không có quy định; issue 3 yêu cầu 2 chữ số thập phân',
      summaryVi: 'Tỷ lệ phần trăm so với số thành viên (D) ghi 2 chữ số thập phân.',
      explanation: 'Display only: the percentage never decides who is elected (that is 2 × votes > D).',
    }),
    percentRounding: entry('percentRounding', {
      kind: 'setting',
      value: 'halfUp',
      options: ROUNDING_MODES,
      confidence: 'U',
      source: 'Không có quy định',
      summaryVi: 'Làm tròn tỷ lệ phần trăm: mặc định làm tròn nửa lên (0,005 → 0,01).',
      explanation: 'A rounded percentage such as 50,00% can hide 49,996%; the minutes must state the rule used.',
    }),
  };

  return {
    regulation: v,
    title: is2024
      ? 'Quy chế bầu cử trong Đảng — QĐ 190-QĐ/TW ngày 10/10/2024'
      : 'Quy chế bầu cử trong Đảng — QĐ 244-QĐ/TW ngày 9/6/2014',
    rules,
  };
}

const RULE_SETS: Readonly<Record<RegulationVersion, RuleSet>> = {
  '2014': buildRuleSet('2014'),
  '2024': buildRuleSet('2024'),
};

export function isRegulationVersion(v: unknown): v is RegulationVersion {
  return typeof v === 'string' && (REGULATION_VERSIONS as readonly string[]).includes(v);
}

/** The rule set of a regulation with every setting at its documented default. */
export function ruleSetFor(version: RegulationVersion): RuleSet {
  return RULE_SETS[version];
}

export type SettingOverrides = { readonly [K in RuleId]?: RuleValues[K] };

function validSettingValue(id: RuleId, value: unknown, options: readonly unknown[] | null): boolean {
  switch (id) {
    case 'conferenceDenominatorExclusions':
      return (
        Array.isArray(value) &&
        new Set(value).size === value.length &&
        value.every((c) => (CONFERENCE_EXCLUSIONS as readonly unknown[]).includes(c))
      );
    case 'conveningSurplusPercent': {
      if (typeof value !== 'object' || value === null) return false;
      const { min, max } = value as { min?: unknown; max?: unknown };
      return (
        Number.isSafeInteger(min) &&
        Number.isSafeInteger(max) &&
        (min as number) >= 0 &&
        (min as number) <= (max as number) &&
        (max as number) <= 100
      );
    }
    case 'delegateSurplusMaxPercent':
      return value === null || (Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= 100);
    default:
      return options !== null && options.includes(value);
  }
}

/**
 * A campaign's rule set: the regulation's rules with some settings changed.
 * Changing a confirmed rule is refused (RULE_NOT_CONFIGURABLE).
 */
export function resolveRuleSet(
  version: RegulationVersion,
  overrides: SettingOverrides = {},
): Result<RuleSet, CountingError> {
  if (!isRegulationVersion(version)) return fail(countingError('UNKNOWN_REGULATION', { version }));
  const base = RULE_SETS[version];
  const rules: Record<string, RuleEntry<unknown>> = { ...base.rules };
  for (const [id, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const current = rules[id];
    if (current === undefined) return fail(countingError('UNKNOWN_RULE', { rule: id }));
    if (current.kind !== 'setting') return fail(countingError('RULE_NOT_CONFIGURABLE', { rule: id, source: current.source }));
    if (!validSettingValue(current.id, value, current.options)) {
      return fail(countingError('SETTING_VALUE_INVALID', { rule: id, value }));
    }
    rules[id] = { ...current, value, overridden: JSON.stringify(value) !== JSON.stringify(current.defaultValue) };
  }
  return ok({ ...base, rules: rules as unknown as RuleEntries });
}

/** Every entry that the UI must label "chưa xác nhận". */
export function unconfirmedEntries(ruleSet: RuleSet): readonly RuleEntry<unknown>[] {
  return Object.values(ruleSet.rules).filter((e: RuleEntry<unknown>) => e.unconfirmed);
}
