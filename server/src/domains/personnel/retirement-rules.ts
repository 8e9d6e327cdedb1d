/**
 * Retirement age by the schedule of the Labour Code 2019 (Art. 169) and Decree 135/2020/NĐ-CP
 * (Art. 4 and Appendix I), as data. A person retires at the end of the month in which they
 * reach the age that applies in that calendar year. Pure: no I/O.
 */
export type Gender = 'male' | 'female';

/** A calendar month as `YYYY-MM`. */
export type YearMonth = string;

export const RETIREMENT_SOURCE =
  'Bộ luật Lao động 2019 Điều 169; Nghị định 135/2020/NĐ-CP Điều 4 và Phụ lục I (lộ trình tuổi nghỉ hưu trong điều kiện lao động bình thường). Trước năm 2021: Bộ luật Lao động 2012 (nam 60, nữ 55).';

/** Age in months that applies to retirements falling in `year`. */
export function retirementAgeMonths(gender: Gender, year: number): number {
  if (gender === 'male') {
    if (year <= 2020) return 60 * 12;
    // 60 years 3 months in 2021, three months more each year, 62 from 2028.
    return Math.min(62 * 12, 60 * 12 + 3 * (year - 2020));
  }
  if (year <= 2020) return 55 * 12;
  // 55 years 4 months in 2021, four months more each year, 60 from 2035.
  return Math.min(60 * 12, 55 * 12 + 4 * (year - 2020));
}

// Slices rather than split(): these run for every name of a list of a thousand, several times per read.
export const monthIndex = (ym: YearMonth): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
export const fromMonthIndex = (i: number): YearMonth => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
export const monthOfDate = (isoDate: string): YearMonth => isoDate.slice(0, 7);

/** "03/2029" */
export const formatMonthVi = (ym: YearMonth): string => `${ym.slice(5, 7)}/${ym.slice(0, 4)}`;

export type Retirement = { month: YearMonth; date: string; ageMonths: number; source: 'computed' | 'entered' };

const daysIn = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const lastDayOf = (ym: YearMonth): string => {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return `${ym}-${m === 2 && leap ? 29 : daysIn[m - 1]}`;
};

/**
 * The month the person reaches retirement age: the first year Y whose age, added to the birth
 * month, lands in Y. The age grows by fewer than 12 months a year, so such a year exists.
 */
export function computeRetirement(birthDate: string, gender: Gender): Retirement {
  const birth = monthIndex(monthOfDate(birthDate));
  // No age in the table is below 55 years, so no earlier year can be the one.
  const firstYear = Math.floor(birth / 12) + 55;
  for (let year = firstYear; year < firstYear + 20; year++) {
    const age = retirementAgeMonths(gender, year);
    const reach = birth + age;
    if (Math.floor(reach / 12) === year) {
      const month = fromMonthIndex(reach);
      return { month, date: lastDayOf(month), ageMonths: age, source: 'computed' };
    }
  }
  throw new Error(`no retirement year for ${birthDate}`);
}

/** The entered date wins (special cases, armed forces, the personnel record); else the schedule. */
export function retirementOf(p: { birthDate: string; gender: Gender; retirementDateEntered?: string | null }): Retirement {
  const computed = computeRetirement(p.birthDate, p.gender);
  if (!p.retirementDateEntered) return computed;
  const birth = monthIndex(monthOfDate(p.birthDate));
  const month = monthOfDate(p.retirementDateEntered);
  return { month, date: p.retirementDateEntered, ageMonths: monthIndex(month) - birth, source: 'entered' };
}

/** "60 tuổi 3 tháng" */
export function formatAgeVi(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  return m === 0 ? `${y} tuổi` : `${y} tuổi ${m} tháng`;
}

/** Whole years of age on a day (birthday counted on the day itself). */
export function ageOn(birthDate: string, onDate: string): number {
  // "MM-DD" of ISO dates compare as text: before the birthday, one year less.
  return Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (onDate.slice(5, 10) < birthDate.slice(5, 10) ? 1 : 0);
}
