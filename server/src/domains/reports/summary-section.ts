/** What every section builder of the summary report shares: its context, its shape, small wording helpers. */
import type { Db } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import type { Dashboard } from '../../../../shared/src/contracts/campaigns.ts';
import type { ReportSection, ReportTable } from '../../../../shared/src/contracts/reports.ts';
import { formatDateVi, formatNumberVi, formatPercentVi } from '../../../../shared/src/format.ts';

export type ReportContext = {
  /** The database (not a transaction): sections only read, and may hand it to another domain's service. */
  q: Db;
  /** The reader: sections that call another domain's service pass it on, so its own scope checks apply. */
  actor: Actor;
  campaign: { id: number; name: string; termFrom: number; termTo: number };
  /** The organization the report covers (inside the campaign and the reader's scope). */
  org: { id: number; code: string; name: string; path: string };
  from: string;
  asOf: string;
  dashboard: Dashboard;
};

export type SectionBuilder = {
  key: string;
  title: string;
  /** Tables another domain's migration creates; without them the section is left out and named. */
  requires?: string[];
  build: (ctx: ReportContext) => Promise<Omit<ReportSection, 'key' | 'title'>>;
};

export const n = (x: number) => formatNumberVi(x);
export const pt = (part: number, whole: number) => formatPercentVi(part, whole, 2);
export const HELD = `('held', 'resultsApproved', 'closed')`;
/** Cells below a grassroots committee always elect their secretary at the congress (Điều lệ Đảng Đ24 K4): not a choice to count. */
export const SUBORDINATE_CELLS = `('subordinateCell', 'subordinateCellL5')`;
export const period = (c: ReportContext) => `từ ${formatDateVi(c.from)} đến ${formatDateVi(c.asOf)}`;
export const levelNameOf = (c: ReportContext) => {
  const names = new Map(c.dashboard.levels.map((l) => [l.level, l.levelName]));
  return (level: number) => names.get(level) ?? `Cấp ${level}`;
};
export const table = (title: string, columns: ReportTable['columns'], rows: ReportTable['rows']): ReportTable => ({ title, columns, rows });
export const empty = (what: string) => [`Chưa có ${what} được ghi nhận trong kỳ.`];
