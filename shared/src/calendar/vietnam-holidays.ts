/**
 * Vietnamese public holidays as DATA, per year, for the public sector (cán bộ, công chức,
 * viên chức — the schedule party bodies follow). Never computed from a lunar algorithm:
 * each year's Tết, Hùng Kings' day, compensatory days (nghỉ bù) and swapped days
 * (hoán đổi ngày làm việc) are the dates the Government announced.
 *
 * Only days that change the working-day count are listed:
 *   - `off`: a Monday–Friday on which offices are closed (holiday, compensatory day, or a
 *     day swapped off);
 *   - `workday`: a Saturday worked in exchange for a swapped day (ngày làm bù).
 * A holiday falling on a weekend is not listed; its compensatory weekday is.
 *
 * Legal basis: Bộ luật Lao động 2012 Điều 115 (to 2020: 1/1, Tết 5 days, 10/3 lunar, 30/4,
 * 1/5, 2/9) and Bộ luật Lao động 2019 Điều 112 (from 2021: the same, with 2/9 plus one
 * adjacent day); a holiday on the weekly rest day is compensated on the next working day.
 *
 * Sources per year (announcements of the Government Office / Ministry of Labour, then the
 * Ministry of Home Affairs, as reported; checked 2026):
 *   2019: VPCP 6519/VPCP-KGVX (2018) — Tết 2/2–10/2/2019; 31/12/2018 swapped with Sat 5/1/2019;
 *         29/4/2019 swapped with Sat 4/5/2019 (also python-holidays VietnamStaticHolidays).
 *   2020: Tết 23/1–29/1/2020 (socongthuong.daklak.gov.vn, 7/1/2020); other days statutory.
 *   2021: Tết 10/2–16/2/2021, Quốc khánh 2/9–5/9/2021 (hanoimoi.vn; vietnamnet.vn).
 *   2022: VPCP 245/VPCP-KGVX (11/1/2022): Tết 31/1–4/2/2022; Quốc khánh 1/9–2/9/2022
 *         (vnfinance.vn 22/12/2021); compensatory 3/1, 11/4, 2/5, 3/5/2022 (qbtv.vn, vietnamplus).
 *   2023: VPCP 8056/VPCP-KGVX (1/12/2022): Tết 20/1–26/1/2023, Quốc khánh 1/9–4/9/2023;
 *         29/4–3/5/2023 with compensatory 2/5 and 3/5; 2/1/2023 compensatory.
 *   2024: Tết 8/2–14/2/2024; VPCP 2450/VPCP-KGVX (12/4/2024): 29/4/2024 swapped with Sat 4/5/2024;
 *         Quốc khánh 31/8–3/9/2024.
 *   2025: VPCP 8726/VPCP-KGVX (26/11/2024): Tết 25/1–2/2/2025 (5 official days + 4 weekend days);
 *         2/5/2025 swapped with Sat 26/4/2025; Hùng Kings Mon 7/4/2025; Quốc khánh 30/8–2/9/2025
 *         (thoidai.com.vn); election-rules.md worked example 16 uses 1–2/9/2025.
 *   2026: VPCP (25/12/2025): 2/1/2026 swapped with Sat 10/1/2026 (24h.com.vn 26/12/2025);
 *         Tết 14/2–22/2/2026 (congan.com.vn); Hùng Kings Sun 26/4 → Mon 27/4/2026, 30/4 and 1/5
 *         Thu–Fri (thanhnien.vn 23/2/2026).
 *
 * Not confirmed (year marked incomplete; the UI shows "chưa xác nhận"):
 *   2026: the day adjacent to 2/9 (1/9 or 3/9) was not yet fixed in the sources found, so only
 *         2/9 is listed; Ngày Văn hóa Việt Nam (24/11) is a planned paid holiday awaiting the
 *         amendment of Bộ luật Lao động Điều 112 K1 (Nghị quyết 30/NQ-CP, 2026), not listed.
 */
export type HolidayDay = { date: string; name: string; kind: 'holiday' | 'compensatory' | 'swapped' };
export type MakeUpWorkday = { date: string; name: string };
export type HolidayYear = {
  year: number;
  off: readonly HolidayDay[];
  workdays: readonly MakeUpWorkday[];
  /** False while some day of the year's schedule is not confirmed by a source. */
  complete: boolean;
  notes: readonly string[];
  sources: readonly string[];
};

const h = (date: string, name: string, kind: HolidayDay['kind'] = 'holiday'): HolidayDay => ({ date, name, kind });
const tet = (year: string, days: string[]): HolidayDay[] => days.map((d) => h(`${year}-${d}`, 'Tết Nguyên đán'));

export const vietnamHolidays: readonly HolidayYear[] = [
  {
    year: 2019,
    off: [
      h('2018-12-31', 'Nghỉ hoán đổi dịp Tết Dương lịch 2019 (làm bù thứ Bảy 05/01/2019)', 'swapped'),
      h('2019-01-01', 'Tết Dương lịch'),
      ...tet('2019', ['02-04', '02-05', '02-06', '02-07', '02-08']),
      h('2019-04-15', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch là Chủ nhật 14/04/2019)', 'compensatory'),
      h('2019-04-29', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 04/05/2019)', 'swapped'),
      h('2019-04-30', 'Ngày Chiến thắng'),
      h('2019-05-01', 'Ngày Quốc tế Lao động'),
      h('2019-09-02', 'Quốc khánh'),
    ],
    workdays: [
      { date: '2019-01-05', name: 'Làm bù cho ngày 31/12/2018' },
      { date: '2019-05-04', name: 'Làm bù cho ngày 29/04/2019' },
    ],
    complete: true,
    notes: [],
    sources: ['VPCP 6519/VPCP-KGVX (2018)'],
  },
  {
    year: 2020,
    off: [
      h('2020-01-01', 'Tết Dương lịch'),
      ...tet('2020', ['01-23', '01-24', '01-27', '01-28', '01-29']),
      h('2020-04-02', 'Giỗ Tổ Hùng Vương'),
      h('2020-04-30', 'Ngày Chiến thắng'),
      h('2020-05-01', 'Ngày Quốc tế Lao động'),
      h('2020-09-02', 'Quốc khánh'),
    ],
    workdays: [],
    complete: true,
    notes: [],
    sources: ['Lịch nghỉ Tết 23/01–29/01/2020 (socongthuong.daklak.gov.vn, 07/01/2020)', 'Bộ luật Lao động 2012 Điều 115'],
  },
  {
    year: 2021,
    off: [
      h('2021-01-01', 'Tết Dương lịch'),
      ...tet('2021', ['02-10', '02-11', '02-12', '02-15', '02-16']),
      h('2021-04-21', 'Giỗ Tổ Hùng Vương'),
      h('2021-04-30', 'Ngày Chiến thắng'),
      h('2021-05-03', 'Nghỉ bù Ngày Quốc tế Lao động (01/05/2021 là thứ Bảy)', 'compensatory'),
      h('2021-09-02', 'Quốc khánh'),
      h('2021-09-03', 'Quốc khánh (ngày liền kề)'),
    ],
    workdays: [],
    complete: true,
    notes: [],
    sources: ['Lịch nghỉ Tết 10/02–16/02/2021 và Quốc khánh 02/09–05/09/2021 (hanoimoi.vn)', 'Bộ luật Lao động 2019 Điều 112'],
  },
  {
    year: 2022,
    off: [
      h('2022-01-03', 'Nghỉ bù Tết Dương lịch (01/01/2022 là thứ Bảy)', 'compensatory'),
      ...tet('2022', ['01-31', '02-01', '02-02', '02-03', '02-04']),
      h('2022-04-11', 'Nghỉ bù Giỗ Tổ Hùng Vương (10/04/2022 là Chủ nhật)', 'compensatory'),
      h('2022-05-02', 'Nghỉ bù Ngày Chiến thắng (30/04/2022 là thứ Bảy)', 'compensatory'),
      h('2022-05-03', 'Nghỉ bù Ngày Quốc tế Lao động (01/05/2022 là Chủ nhật)', 'compensatory'),
      h('2022-09-01', 'Quốc khánh (ngày liền kề)'),
      h('2022-09-02', 'Quốc khánh'),
    ],
    workdays: [],
    complete: true,
    notes: [],
    sources: ['VPCP 245/VPCP-KGVX (11/01/2022)', 'Lịch nghỉ 2022 (vnfinance.vn, qbtv.vn)'],
  },
  {
    year: 2023,
    off: [
      h('2023-01-02', 'Nghỉ bù Tết Dương lịch (01/01/2023 là Chủ nhật)', 'compensatory'),
      ...tet('2023', ['01-20', '01-23', '01-24', '01-25', '01-26']),
      h('2023-05-01', 'Ngày Quốc tế Lao động'),
      h('2023-05-02', 'Nghỉ bù Giỗ Tổ Hùng Vương (29/04/2023 là thứ Bảy)', 'compensatory'),
      h('2023-05-03', 'Nghỉ bù Ngày Chiến thắng (30/04/2023 là Chủ nhật)', 'compensatory'),
      h('2023-09-01', 'Quốc khánh (ngày liền kề)'),
      h('2023-09-04', 'Nghỉ bù Quốc khánh (02/09/2023 là thứ Bảy)', 'compensatory'),
    ],
    workdays: [],
    complete: true,
    notes: [],
    sources: ['VPCP 8056/VPCP-KGVX (01/12/2022)'],
  },
  {
    year: 2024,
    off: [
      h('2024-01-01', 'Tết Dương lịch'),
      ...tet('2024', ['02-08', '02-09', '02-12', '02-13', '02-14']),
      h('2024-04-18', 'Giỗ Tổ Hùng Vương'),
      h('2024-04-29', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 04/05/2024)', 'swapped'),
      h('2024-04-30', 'Ngày Chiến thắng'),
      h('2024-05-01', 'Ngày Quốc tế Lao động'),
      h('2024-09-02', 'Quốc khánh'),
      h('2024-09-03', 'Quốc khánh (ngày liền kề)'),
    ],
    workdays: [{ date: '2024-05-04', name: 'Làm bù cho ngày 29/04/2024' }],
    complete: true,
    notes: [],
    sources: ['VPCP 2450/VPCP-KGVX (12/04/2024)', 'Lịch nghỉ Tết 08/02–14/02/2024'],
  },
  {
    year: 2025,
    off: [
      h('2025-01-01', 'Tết Dương lịch'),
      ...tet('2025', ['01-27', '01-28', '01-29', '01-30', '01-31']),
      h('2025-04-07', 'Giỗ Tổ Hùng Vương'),
      h('2025-04-30', 'Ngày Chiến thắng'),
      h('2025-05-01', 'Ngày Quốc tế Lao động'),
      h('2025-05-02', 'Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/04/2025)', 'swapped'),
      h('2025-09-01', 'Quốc khánh (ngày liền kề)'),
      h('2025-09-02', 'Quốc khánh'),
    ],
    workdays: [{ date: '2025-04-26', name: 'Làm bù cho ngày 02/05/2025' }],
    complete: true,
    notes: [],
    sources: ['VPCP 8726/VPCP-KGVX (26/11/2024)', 'thoidai.com.vn: hoán đổi 02/5 sang 26/4/2025; Quốc khánh 30/8–2/9/2025'],
  },
  {
    year: 2026,
    off: [
      h('2026-01-01', 'Tết Dương lịch'),
      h('2026-01-02', 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)', 'swapped'),
      ...tet('2026', ['02-16', '02-17', '02-18', '02-19', '02-20']),
      h('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04/2026 là Chủ nhật)', 'compensatory'),
      h('2026-04-30', 'Ngày Chiến thắng'),
      h('2026-05-01', 'Ngày Quốc tế Lao động'),
      h('2026-09-02', 'Quốc khánh'),
    ],
    workdays: [{ date: '2026-01-10', name: 'Làm bù cho ngày 02/01/2026' }],
    complete: false,
    notes: [
      'Ngày nghỉ liền kề Quốc khánh 2026 (01/9 hoặc 03/9) chưa có thông báo chính thức trong nguồn đã kiểm tra.',
      'Ngày Văn hóa Việt Nam (24/11) chờ sửa đổi Bộ luật Lao động, chưa tính là ngày nghỉ.',
    ],
    sources: ['VPCP (25/12/2025) về Tết Dương lịch 2026', 'Lịch nghỉ Tết 14/02–22/02/2026', 'thanhnien.vn (23/02/2026)'],
  },
];

export const HOLIDAY_DATA_YEARS = { from: 2019, to: 2026 } as const;
