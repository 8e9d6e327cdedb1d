import type { BallotEntryInput } from '../../../../shared/src/contracts/elections.ts';

/**
 * The printed form of a round's ballot (R1.14–R1.15): names to strike when the list has a
 * surplus, agree/disagree columns when it has none, one name with two boxes for a single
 * candidate. An entry must describe a ballot of that form, or it is a typing mistake, not a vote.
 */
export type BallotForm = 'strike' | 'agreeDisagree' | 'single';
export type BallotShape = { size: number; form: BallotForm };

export function ballotFormOf(size: number, ballotSeats: number): BallotForm {
  return size > ballotSeats ? 'strike' : size === 1 ? 'single' : 'agreeDisagree';
}

export type ShapeProblem = { code: 'BALLOT_UNKNOWN_CANDIDATE' | 'BALLOT_WRONG_FORM'; message: string };

const formNames: Record<BallotForm, string> = {
  strike: 'phiếu gạch tên (danh sách dư)',
  agreeDisagree: 'phiếu có cột đồng ý / không đồng ý',
  single: 'phiếu một người với ô đồng ý / không đồng ý',
};

export function checkEntryShape(entry: BallotEntryInput, shape: BallotShape): ShapeProblem | null {
  if (entry.kind === 'invalid') return null;
  if (entry.kind === 'strike' && shape.form !== 'strike')
    return { code: 'BALLOT_WRONG_FORM', message: `Vòng này dùng ${formNames[shape.form]}; không nhập kiểu gạch tên.` };
  if (entry.kind === 'marks' && shape.form === 'strike')
    return { code: 'BALLOT_WRONG_FORM', message: `Vòng này dùng ${formNames.strike}; hãy nhập số thứ tự của những người bị gạch.` };
  const nums = entry.kind === 'strike' ? entry.struck : Object.keys(entry.marks).map(Number);
  const outside = [...new Set(nums.filter((x) => !Number.isInteger(x) || x < 1 || x > shape.size))];
  if (outside.length) return { code: 'BALLOT_UNKNOWN_CANDIDATE', message: `Danh sách chỉ có ${shape.size} người; không có số ${outside.join(', ')}.` };
  return null;
}
