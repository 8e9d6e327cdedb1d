// `daihoi tally FILE.json` (or `-` for stdin): an independent check of the counting engine
// (issue 3, "Command line"). This file only parses and presents: every election rule —
// D, the threshold, ballot validity, who is elected, ties, unfilled seats, which exclusion
// belongs to which congress — lives in the pure engine (domains/elections/counting).
//
// Success: the result JSON on stdout, exit 0. Bad input (unreadable file, invalid JSON,
// schema errors, engine errors): `{"error":{"code","message"}}` on stdout, exit 2. The
// message is Vietnamese and names the field or the ballot (`ballots[3]` = the 4th ballot).
import fs from 'node:fs/promises';
import { z } from 'zod';
import {
  CONGRESS_KINDS,
  COUNTING_ERROR_MESSAGES,
  EXCLUSION_CATEGORIES,
  INVALID_REASONS,
  MARKS,
  REGULATION_VERSIONS,
  countFirstRound,
  fixedToNumber,
  ruleSetFor,
  type BallotEntry,
  type BallotForm,
  type CountingError,
  type CountingErrorCode,
  type ElectionKind,
  type ExclusionCategory,
  type FirstRoundInput,
  type FirstRoundResult,
  type InvalidReason,
  type TallyError,
} from '../domains/elections/counting/index.ts';

// ---------------------------------------------------------------- input contract

const count = z.int().nonnegative();

const exclusionsShape = Object.fromEntries(EXCLUSION_CATEGORIES.map((c) => [c, count.optional()])) as {
  [C in ExclusionCategory]: z.ZodOptional<typeof count>;
};

const BALLOT_KINDS = ['strike', 'marks', 'invalid'] as const;

const ballotSchema = z
  .strictObject({
    strike: z.array(z.string()).optional(),
    marks: z.record(z.string(), z.enum(MARKS)).optional(),
    invalid: z.enum(INVALID_REASONS).optional(),
    /** The counting committee's written reason (required by some reason codes). */
    note: z.string().optional(),
  })
  .superRefine((b, ctx) => {
    const present = BALLOT_KINDS.filter((k) => b[k] !== undefined);
    if (present.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          present.length === 0
            ? 'phiếu phải có đúng một trong các khóa strike, marks, invalid'
            : `phiếu chỉ được có một trong các khóa strike, marks, invalid (đang có ${present.join(', ')})`,
      });
    }
    if (b.note !== undefined && b.invalid === undefined) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'chỉ ghi note cho phiếu bị ban kiểm phiếu kết luận không hợp lệ (invalid)' });
    }
  });

/** The input file of `daihoi tally` (issue 3). Unknown keys are errors at every level. */
export const tallyInputSchema = z.strictObject({
  regulation: z.enum(REGULATION_VERSIONS),
  congress: z.enum(CONGRESS_KINDS),
  summoned: count,
  exclusions: z.strictObject(exclusionsShape).optional(),
  seats: count,
  alternateSeats: count.optional(),
  candidates: z.array(z.strictObject({ id: z.string().min(1), name: z.string().trim().min(1) })),
  ballots: z.array(ballotSchema),
});
export type TallyInput = z.infer<typeof tallyInputSchema>;
type BallotInput = TallyInput['ballots'][number];

// ---------------------------------------------------------------- output contract

export interface TallyOutput {
  readonly denominator: number;
  /** The least number of votes that elects: floor(D/2) + 1. */
  readonly threshold: number;
  readonly ballots: {
    readonly collected: number;
    readonly valid: number;
    readonly invalid: number;
    readonly invalidReasons: Readonly<Partial<Record<InvalidReason, number>>>;
  };
  /** In ballot (input) order; percent of D, rounded by the rule set (2 decimals). */
  readonly candidates: readonly { readonly id: string; readonly votes: number; readonly percent: number }[];
  /** In vote order. */
  readonly elected: readonly string[];
  readonly alternates: readonly string[];
  /** Official and alternate seats left empty by this round (the congress decides what next). */
  readonly unfilledSeats: number;
  /** A tie at the cut-off: nobody in it is elected; a tie-break round among them follows. */
  readonly tie: { readonly candidates: readonly string[]; readonly seats: number } | null;
}

/** Codes of the CLI itself; the engine's codes (COUNTING_ERROR_CODES) pass through unchanged. */
export const TALLY_CLI_ERROR_CODES = ['USAGE', 'FILE_UNREADABLE', 'INVALID_JSON', 'INVALID_INPUT'] as const;
export type TallyCliErrorCode = (typeof TALLY_CLI_ERROR_CODES)[number];

export interface TallyErrorOutput {
  readonly error: { readonly code: TallyCliErrorCode | CountingErrorCode; readonly message: string };
}

export type TallyOutcome =
  | { readonly exitCode: 0; readonly output: TallyOutput }
  | { readonly exitCode: 2; readonly output: TallyErrorOutput };

// ---------------------------------------------------------------- mapping

/**
 * The contract has no election kind. The only first-round rule that depends on it is that
 * alternates exist only for delegates to the upper congress, so a file with alternate
 * seats is that election; any other is counted as a committee election (same rules).
 */
export function electionKindFor(input: Pick<TallyInput, 'alternateSeats'>): ElectionKind {
  return (input.alternateSeats ?? 0) > 0 ? 'upperCongressDelegates' : 'executiveCommittee';
}

export function toBallotEntry(b: BallotInput): BallotEntry {
  if (b.strike !== undefined) return { kind: 'strike', struck: b.strike };
  if (b.marks !== undefined) return { kind: 'marks', marks: b.marks };
  if (b.invalid !== undefined) return b.note === undefined ? { kind: 'invalid', reason: b.invalid } : { kind: 'invalid', reason: b.invalid, note: b.note };
  throw new Error('unreachable: the schema requires one of strike, marks, invalid');
}

export function toFirstRoundInput(input: TallyInput): FirstRoundInput {
  return {
    ruleSet: ruleSetFor(input.regulation),
    congress: { congress: input.congress, summoned: input.summoned, exclusions: input.exclusions ?? {} },
    kind: electionKindFor(input),
    seats: input.seats,
    ...(input.alternateSeats === undefined ? {} : { alternateSeats: input.alternateSeats }),
    candidates: input.candidates.map((c) => c.id),
    ballots: input.ballots.map(toBallotEntry),
  };
}

export function presentResult(r: FirstRoundResult): TallyOutput {
  return {
    denominator: r.denominator.denominator,
    threshold: r.threshold,
    ballots: {
      collected: r.ballots.collected,
      valid: r.ballots.valid,
      invalid: r.ballots.invalid,
      invalidReasons: r.ballots.invalidReasons,
    },
    // fixedToNumber divides an exact integer by a power of ten: 8929 → 89.29, never 89.28571…
    candidates: r.candidates.map((c) => ({ id: c.id, votes: c.votes, percent: fixedToNumber(c.percent) })),
    elected: r.elected,
    alternates: r.alternates,
    unfilledSeats: r.unfilledSeats.official + r.unfilledSeats.alternate,
    tie: r.tie === null ? null : { candidates: r.tie.candidates, seats: r.tie.seats },
  };
}

// ---------------------------------------------------------------- error messages (Vietnamese)

function fail(code: TallyCliErrorCode | CountingErrorCode, message: string): TallyOutcome {
  return { exitCode: 2, output: { error: { code, message } } };
}

/** ['ballots', 3, 'strike', 0] → "ballots[3].strike[0]". */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(gốc tệp)' : out;
}

function ballotLabel(path: readonly PropertyKey[]): string {
  return path[0] === 'ballots' && typeof path[1] === 'number' ? ` (phiếu thứ ${path[1] + 1})` : '';
}

const TYPE_VI: Readonly<Record<string, string>> = {
  string: 'chuỗi',
  number: 'số',
  int: 'số nguyên',
  array: 'mảng',
  object: 'đối tượng',
  boolean: 'true/false',
  null: 'null',
  undefined: 'không có',
};

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && !Number.isInteger(v)) return 'số thập phân';
  return typeof v;
}

function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'thiếu (bắt buộc)';
      return `phải là ${TYPE_VI[issue.expected] ?? issue.expected}, không phải ${TYPE_VI[typeOf(issue.input)] ?? typeOf(issue.input)} ${JSON.stringify(issue.input) ?? ''}`.trimEnd();
    case 'too_small':
      if (issue.origin === 'string') return 'không được để trống';
      if (issue.origin === 'array') return `phải có ít nhất ${issue.minimum} phần tử`;
      return `phải ${issue.inclusive ? '≥' : '>'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'int' ? `quá lớn (tối đa ${issue.maximum})` : `quá dài (tối đa ${issue.maximum})`;
    case 'invalid_value':
      return `phải là một trong: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'custom':
      return issue.message;
    default:
      return 'không hợp lệ';
  }
}

const MAX_LISTED = 10;

function listWithMore(lines: readonly string[], unit: string): string {
  const shown = lines.slice(0, MAX_LISTED).join('; ');
  return lines.length > MAX_LISTED ? `${shown}; … và ${lines.length - MAX_LISTED} ${unit} khác` : shown;
}

/** Vietnamese description of every schema issue, each naming its field. */
export function describeSchemaIssues(issues: readonly z.core.$ZodIssue[]): string {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        lines.push(`${fieldPath(path)}${ballotLabel(path)}: khóa không có trong định dạng đầu vào`);
      }
      continue;
    }
    lines.push(`${fieldPath(issue.path)}${ballotLabel(issue.path)}: ${issueText(issue)}`);
  }
  return `Tệp đầu vào không đúng định dạng: ${listWithMore(lines, 'lỗi')}.`;
}

const FORM_VI: Readonly<Record<BallotForm, string>> = {
  strikeOut: 'gạch tên ("strike")',
  agreeDisagree: 'đồng ý/không đồng ý ("marks")',
  singleCandidate: 'một người, đồng ý/không đồng ý ("marks")',
};

function detailText(e: CountingError): string {
  const d = e.details ?? {};
  const parts: string[] = [];
  if (typeof d.candidate === 'string') parts.push(`mã "${d.candidate}"`);
  if (d.mark !== undefined) parts.push(`dấu ${JSON.stringify(d.mark)}`);
  if (typeof d.reason === 'string') parts.push(`lý do ${d.reason}`);
  if (typeof d.form === 'string') parts.push(`mẫu phiếu của cuộc bầu: ${FORM_VI[d.form as BallotForm] ?? d.form}`);
  if (typeof d.votes === 'number') parts.push(`${d.votes} phiếu`);
  if (typeof d.validBallots === 'number') parts.push(`${d.validBallots} phiếu hợp lệ`);
  if (typeof d.summoned === 'number' && typeof d.excluded === 'number') parts.push(`triệu tập ${d.summoned}, trừ ${d.excluded}`);
  if (typeof d.congress === 'string') parts.push(`congress = "${d.congress}"`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/** Where in the input file an engine error points. */
function engineField(e: CountingError, input: TallyInput): string {
  const d = e.details ?? {};
  switch (e.code) {
    case 'NOT_A_COUNT':
      return typeof d.field === 'string' ? (d.field === 'summoned' || d.field === 'alternateSeats' ? d.field : `exclusions.${d.field}`) : 'ballots';
    case 'UNKNOWN_EXCLUSION_CATEGORY':
    case 'EXCLUSION_NOT_FOR_CONGRESS_KIND':
      return `exclusions.${String(d.category)}`;
    case 'EXCLUSIONS_EXCEED_SUMMONED':
      return 'exclusions';
    case 'NO_SEATS':
      return 'seats';
    case 'ALTERNATES_NOT_ALLOWED':
      return 'alternateSeats';
    case 'NO_CANDIDATES':
      return 'candidates';
    case 'DUPLICATE_CANDIDATE': {
      const seen = new Map<string, number>();
      for (const [i, c] of input.candidates.entries()) {
        const first = seen.get(c.id);
        if (first !== undefined) return `candidates[${i}].id ("${c.id}" đã có ở candidates[${first}])`;
        seen.set(c.id, i);
      }
      return 'candidates';
    }
    default:
      return 'ballots';
  }
}

/** "Câu." + " (chi tiết)" → "Câu (chi tiết)", without the final full stop (for lists). */
function withDetail(message: string, detail: string): string {
  return `${message.replace(/\.$/, '')}${detail}`;
}

function isTallyError(e: CountingError | TallyError): e is TallyError {
  return 'rows' in e && Array.isArray(e.rows);
}

export function describeEngineError(e: CountingError | TallyError, input: TallyInput): TallyOutcome {
  if (isTallyError(e) && e.rows.length > 0) {
    // One kind of mistake → its own code (e.g. BALLOT_UNKNOWN_CANDIDATE); mixed → BALLOT_ENTRY_ERRORS.
    const codes = new Set(e.rows.map((r) => r.error.code));
    const code = codes.size === 1 ? e.rows[0]!.error.code : e.code;
    const lines = e.rows.map((r) => `ballots[${r.index}] (phiếu thứ ${r.index + 1}): ${withDetail(r.error.message, detailText(r.error))}`);
    return fail(code, `${e.rows.length} phiếu nhập không đọc được: ${listWithMore(lines, 'phiếu')}.`);
  }
  return fail(e.code, `${engineField(e, input)}: ${withDetail(COUNTING_ERROR_MESSAGES[e.code], detailText(e))}.`);
}

// ---------------------------------------------------------------- the command

/** Parse, validate, count and present one input text. Pure apart from the engine call. */
export function tallyFromText(text: string): TallyOutcome {
  let raw: unknown;
  let protoKey = false;
  const json = text.replace(/^\uFEFF/, '');
  // A "__proto__" key needs those letters or a \u escape in the text; only then pay for a reviver.
  const scan = json.includes('__proto__') || json.includes('\\u');
  try {
    raw = scan
      ? JSON.parse(json, (key, value: unknown) => {
          protoKey ||= key === '__proto__';
          return value;
        })
      : JSON.parse(json);
  } catch (err) {
    return fail('INVALID_JSON', `Nội dung không phải JSON hợp lệ: ${(err as Error).message}`);
  }
  // Copying such a key into an object drops it silently (e.g. a mark would vanish): refuse it.
  if (protoKey) return fail('INVALID_INPUT', 'Tệp đầu vào không đúng định dạng: khóa "__proto__" không được dùng.');
  const parsed = tallyInputSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return fail('INVALID_INPUT', describeSchemaIssues(parsed.error.issues));
  const counted = countFirstRound(toFirstRoundInput(parsed.data));
  if (!counted.ok) return describeEngineError(counted.error, parsed.data);
  return { exitCode: 0, output: presentResult(counted.value) };
}

export const TALLY_USAGE = `Cách dùng: daihoi tally TEP.json   (hoặc "-" để đọc từ stdin)
In kết quả kiểm phiếu dạng JSON; đầu vào sai: {"error":{"code","message"}} và mã thoát 2.`;

export interface TallyIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  write(text: string): Promise<void>;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo: TallyIo = {
  readFile: (path) => fs.readFile(path, 'utf8'),
  readStdin: () => readAll(process.stdin),
  // Resolve once the text is handed to the OS, so process.exit cannot cut it short.
  write: (text) => new Promise((resolve) => process.stdout.write(text, () => resolve())),
};

function readFailure(path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'không tồn tại'
    : code === 'EISDIR' ? 'là một thư mục'
    : code === 'EACCES' || code === 'EPERM' ? 'không có quyền đọc'
    : (err as Error).message;
  return path === '-' ? `Không đọc được stdin: ${why}` : `Không đọc được tệp "${path}": ${why}`;
}

async function outcomeFor(file: string | undefined, extra: readonly string[], io: TallyIo): Promise<TallyOutcome> {
  if (file === undefined || extra.length > 0) return fail('USAGE', `Cần đúng một tệp đầu vào. ${TALLY_USAGE}`);
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (err) {
    return fail('FILE_UNREADABLE', readFailure(file, err));
  }
  return tallyFromText(text);
}

/** `daihoi tally FILE|-`; returns the exit code. */
export async function runTallyCli(args: readonly string[], io: TallyIo = processIo): Promise<number> {
  const [file, ...extra] = args;
  if (file === '--help' || file === '-h') {
    await io.write(`${TALLY_USAGE}\n`);
    return 0;
  }
  const outcome = await outcomeFor(file, extra, io);
  await io.write(`${JSON.stringify(outcome.output, null, 2)}\n`);
  return outcome.exitCode;
}
