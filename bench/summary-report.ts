// The demo province's summary report (issue 6, goal: under 5 s): the demo data seeded as
// `npm start` seeds it (735 grassroots organizations and their cells, the 2020 campaign, the
// registers, a secretary election per grassroots and district congress held), then the report
// for the whole province built as page data, as DOCX and as XLSX through the service, several
// times (first run cold). PGlite in memory. BENCH_REPORT_DIR=dir also writes the two files there.
import fs from 'node:fs';
import path from 'node:path';
import { openPglite } from '../server/src/platform/db/pglite.ts';
import { migrate } from '../server/src/platform/db/migrate.ts';
import { composeServices } from '../server/src/composition.ts';
import { seedDemoIfEmpty } from '../server/src/demo/seed.ts';
import { summarize, timeIt } from './stats.ts';

const ITER = Number(process.env.BENCH_ITER ?? 5);
const ms = (n: number) => Math.round(n);

export async function benchSummaryReport(): Promise<Record<string, number>> {
  const db = await openPglite(undefined);
  try {
    await migrate(db);
    // The demo's "today" is mid-June 2020, as in the seed reports.
    const services = composeServices(db, { sessionTtlHours: 8, loginMaxFailures: 5, loginWindowMinutes: 15 }, { now: () => new Date('2020-06-15T03:00:00Z') });
    const [seedMs] = await timeIt(() => seedDemoIfEmpty(db, services));
    const session = await services.accounts.resolveSession((await services.accounts.login('admin', 'QuangNinh@2020', 'bench')).token, 'bench');
    const actor = session.actor;
    const campaign = (await services.campaigns.list(actor))[0]!;
    const q = { asOf: '2020-06-15' };
    const page: number[] = [];
    const docx: number[] = [];
    const xlsx: number[] = [];
    let sizes = { docx: 0, xlsx: 0, sections: 0 };
    for (let i = 0; i < ITER; i++) {
      const [a, r] = await timeIt(() => services.reports.summary.build(actor, campaign.id, q));
      const [b, d] = await timeIt(() => services.reports.summary.docx(actor, campaign.id, q));
      const [c, x] = await timeIt(() => services.reports.summary.xlsx(actor, campaign.id, q));
      page.push(a);
      docx.push(b);
      xlsx.push(c);
      sizes = { docx: d.body.length, xlsx: x.body.length, sections: r.sections.length };
      if (i === 0 && process.env.BENCH_REPORT_DIR) {
        fs.mkdirSync(process.env.BENCH_REPORT_DIR, { recursive: true });
        fs.writeFileSync(path.join(process.env.BENCH_REPORT_DIR, d.fileName), d.body);
        fs.writeFileSync(path.join(process.env.BENCH_REPORT_DIR, x.fileName), x.body);
        fs.writeFileSync(path.join(process.env.BENCH_REPORT_DIR, 'summary-report.json'), JSON.stringify(r, null, 2));
      }
    }
    const all = page.map((p, i) => p + docx[i]! + xlsx[i]!);
    const out = {
      reportSeedDemoMs: ms(seedMs),
      reportSections: sizes.sections,
      reportPageFirstMs: ms(page[0]!),
      reportPageMedianMs: ms(summarize(page).median),
      reportDocxMedianMs: ms(summarize(docx).median),
      reportXlsxMedianMs: ms(summarize(xlsx).median),
      reportAllThreeFirstMs: ms(all[0]!),
      reportAllThreeMaxMs: ms(Math.max(...all)),
      reportDocxBytes: sizes.docx,
      reportXlsxBytes: sizes.xlsx,
    };
    console.log(`Báo cáo tổng kết tỉnh mẫu: trang ${out.reportPageMedianMs} ms, DOCX ${out.reportDocxMedianMs} ms, XLSX ${out.reportXlsxMedianMs} ms; cả ba lần đầu ${out.reportAllThreeFirstMs} ms (mục tiêu < 5.000 ms)`);
    return out;
  } finally {
    await db.close();
  }
}
