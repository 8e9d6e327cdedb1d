import type { Actor } from '../../platform/audit/audit.ts';
import { DomainError, fail } from '../../platform/http/errors.ts';
import { viCollator } from '../../../../shared/src/text.ts';
import type { HealthOverview, HealthSymptom, PublicHealth, healthDeclarationRequestSchema } from '../../../../shared/src/contracts/delegates.ts';
import type { z } from 'zod';
import { linkTokenHash, newLinkToken, newSecret } from './badge-code.ts';
import { type CongressHead, delegatesRepo, toRegister } from './delegates.repository.ts';
import { auditDelegates, type DelegatesDeps, readCongress, todayVn, writeCongress } from './delegates.context.ts';
import { canWriteDelegates } from './delegates.policy.ts';
import { type Declaration, flaggedDays, healthFlags, healthWindow, linkState, missingDays } from './health-rules.ts';
import { isSummoned } from './register-rules.ts';
import type { Queryable } from '../../platform/db/db.ts';

const opening = (c: CongressHead) => c.actual_start ?? c.planned_start;

type Superseded = { symptoms: HealthSymptom[]; temperature: number | string | null; contact: boolean; isolation: boolean };
type DeclRow = { delegate_id: number; day: string; symptoms: string[]; temperature: string | null; contact: boolean; isolation: boolean; superseded: Superseded[] };

const asDeclaration = (x: { symptoms: readonly string[]; temperature: number | string | null; contact: boolean; isolation: boolean }): Declaration => ({
  symptoms: x.symptoms as HealthSymptom[],
  temperature: x.temperature === null ? null : Number(x.temperature),
  contact: x.contact,
  isolation: x.isolation,
});

export function createHealthOps({ db, clock }: DelegatesDeps) {
  async function windowOf(q: Queryable, c: CongressHead) {
    const s = await delegatesRepo.settings(q, c.id, newSecret);
    const open = opening(c);
    return { settings: s, window: open ? healthWindow(open, s.health_days) : null };
  }

  return {
    async healthOverview(actor: Actor, congressId: number): Promise<HealthOverview> {
      const c = await readCongress(db, actor, congressId);
      const { settings, window } = await windowOf(db, c);
      const today = todayVn(clock);
      const rows = (await delegatesRepo.delegates(db, c.id)).filter((d) => isSummoned(toRegister(d)) || d.kind === 'alternate');
      const links = new Set((await db.query<{ delegate_id: number }>(`SELECT l.delegate_id FROM delegate_health_links l JOIN delegates d ON d.id = l.delegate_id WHERE d.congress_id = $1`, [c.id])).rows.map((r) => r.delegate_id));
      const decls = (
        await db.query<DeclRow>(
          `SELECT h.delegate_id, h.day::text AS day, h.symptoms, h.temperature::text AS temperature, h.contact, h.isolation, h.superseded
             FROM delegate_health_declarations h JOIN delegates d ON d.id = h.delegate_id WHERE d.congress_id = $1 ORDER BY h.day`,
          [c.id],
        )
      ).rows;
      const byDelegate = new Map<number, DeclRow[]>();
      for (const d of decls) byDelegate.set(d.delegate_id, [...(byDelegate.get(d.delegate_id) ?? []), d]);
      return {
        window,
        today,
        feverFrom: settings.fever_from,
        days: settings.health_days,
        rows: rows
          .map((d) => {
            const mine = byDelegate.get(d.id) ?? [];
            const last = mine.at(-1) ?? null;
            const lastDecl = last
              ? { day: last.day, temperature: last.temperature === null ? null : Number(last.temperature), symptoms: last.symptoms as HealthSymptom[], contact: last.contact, isolation: last.isolation }
              : null;
            return {
              delegateId: d.id,
              fullName: d.full_name,
              delegation: d.delegation_name,
              kind: d.kind,
              hasLink: links.has(d.id),
              declaredDays: mine.length,
              missingDays: window ? missingDays(window, today, new Set(mine.map((m) => m.day))) : [],
              flags: lastDecl ? healthFlags(lastDecl, settings.fever_from) : [],
              flaggedDays: flaggedDays(
                mine.map((m) => ({ day: m.day, current: asDeclaration(m), superseded: m.superseded.map(asDeclaration) })),
                window,
                settings.fever_from,
              ),
              lastDeclaration: lastDecl,
            };
          })
          .sort((a, b) => b.flags.length - a.flags.length || b.flaggedDays.length - a.flaggedDays.length || b.missingDays.length - a.missingDays.length || viCollator.compare(a.delegation, b.delegation) || viCollator.compare(a.fullName, b.fullName)),
        canEdit: canWriteDelegates(actor, c.org_path),
      };
    },

    async setHealthSettings(actor: Actor, congressId: number, input: { days: number; feverFrom: number }): Promise<void> {
      await db.transaction(async (tx) => {
        const c = await writeCongress(tx, actor, congressId);
        await delegatesRepo.settings(tx, c.id, newSecret);
        await tx.query(`UPDATE delegate_congress_settings SET health_days = $2, fever_from = $3 WHERE congress_id = $1`, [c.id, input.days, input.feverFrom]);
        await auditDelegates(tx, actor, c, 'delegates.health.settings', `Theo dõi sức khỏe đại biểu đại hội ${c.org_name}: ${input.days} ngày, sốt từ ${input.feverFrom} °C`, input);
      });
    },

    /**
     * Personal links for the delegates who have none (or, with `reissue`, new ones replacing the old).
     * The token is shown once: only its SHA-256 is kept.
     */
    async issueLinks(actor: Actor, congressId: number, input: { delegateIds?: number[]; reissue: boolean }) {
      return db.transaction(async (tx) => {
        const c = await writeCongress(tx, actor, congressId);
        const all = (await delegatesRepo.delegates(tx, c.id)).filter((d) => isSummoned(toRegister(d)) || d.kind === 'alternate');
        const wanted = input.delegateIds ? all.filter((d) => input.delegateIds!.includes(d.id)) : all;
        if (input.delegateIds && wanted.length !== input.delegateIds.length) fail('DELEGATE_NOT_FOUND');
        const existing = new Set((await tx.query<{ delegate_id: number }>(`SELECT delegate_id FROM delegate_health_links WHERE delegate_id = ANY($1::int[])`, [wanted.map((d) => d.id)])).rows.map((r) => r.delegate_id));
        const out: { delegateId: number; fullName: string; token: string }[] = [];
        for (const d of wanted) {
          if (existing.has(d.id) && !input.reissue) continue;
          const { token, hash } = newLinkToken();
          await tx.query(`INSERT INTO delegate_health_links (delegate_id, token_hash) VALUES ($1, $2) ON CONFLICT (delegate_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`, [d.id, hash]);
          out.push({ delegateId: d.id, fullName: d.full_name, token });
        }
        await auditDelegates(tx, actor, c, 'delegates.health.links', `Cấp ${out.length} đường link khai báo y tế cho đại biểu đại hội ${c.org_name}${input.reissue ? ' (cấp lại)' : ''}`, { delegateIds: out.map((o) => o.delegateId) });
        return out;
      });
    },

    async publicHealth(token: string): Promise<PublicHealth> {
      const { d, c, window, declaredDays, declaredToday, today } = await byToken(token);
      return { fullName: d.full_name, congressName: `Đại hội ${c.org_name}`, window, today, state: linkState(today, window), declaredToday, declaredDays };
    },

    async declareHealth(token: string, input: z.output<typeof healthDeclarationRequestSchema>): Promise<PublicHealth> {
      const { d, c, window, today } = await byToken(token);
      const state = linkState(today, window);
      if (state === 'expired') fail('HEALTH_LINK_EXPIRED');
      if (state === 'notYet') fail('HEALTH_NOT_YET');
      const settings = await delegatesRepo.settings(db, c.id, newSecret);
      const flags = healthFlags(input, settings.fever_from);
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO delegate_health_declarations (delegate_id, day, symptoms, temperature, contact, isolation, note, flagged)
           VALUES ($1, $2, $3::text[], $4, $5, $6, $7, $8)
           ON CONFLICT (delegate_id, day) DO UPDATE SET symptoms = EXCLUDED.symptoms, temperature = EXCLUDED.temperature, contact = EXCLUDED.contact,
             isolation = EXCLUDED.isolation, note = EXCLUDED.note, declared_at = now(),
             -- The day stays flagged once it was, and what the new declaration replaces is kept (0021).
             flagged = EXCLUDED.flagged OR delegate_health_declarations.flagged,
             superseded = delegate_health_declarations.superseded || jsonb_build_array(jsonb_build_object(
               'symptoms', to_jsonb(delegate_health_declarations.symptoms), 'temperature', delegate_health_declarations.temperature,
               'contact', delegate_health_declarations.contact, 'isolation', delegate_health_declarations.isolation,
               'note', delegate_health_declarations.note, 'declaredAt', delegate_health_declarations.declared_at))`,
          [d.id, today, input.symptoms, input.temperature, input.contact, input.isolation, input.note?.trim() || null, flags.length > 0],
        );
        await auditDelegates(tx, null, c, 'delegates.health.declared', `Khai báo y tế ngày ${today}: ${d.full_name}${flags.length ? ` — cần chú ý: ${flags.join('; ')}` : ''}`, { ...input, flags }, { type: 'delegate', id: d.id });
      });
      return this.publicHealth(token);
    },
  };

  async function byToken(token: string) {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new DomainError('HEALTH_LINK_INVALID');
    const r = await db.query<{ delegate_id: number }>(`SELECT delegate_id FROM delegate_health_links WHERE token_hash = $1`, [linkTokenHash(token)]);
    const id = r.rows[0]?.delegate_id;
    if (id === undefined) throw new DomainError('HEALTH_LINK_INVALID');
    const d = (await delegatesRepo.delegate(db, id))!;
    const c = (await delegatesRepo.congress(db, d.congress_id))!;
    // A replaced or excluded delegate's link, or one of a congress that is over, no longer opens.
    if (d.replaced_by_id !== null || d.not_summoned_reason !== null || c.status === 'cancelled') throw new DomainError('HEALTH_LINK_INVALID');
    const { window } = await windowOf(db, c);
    if (!window) throw new DomainError('HEALTH_WATCH_NO_DATE');
    const today = todayVn(clock);
    const days = (await db.query<{ day: string }>(`SELECT day::text AS day FROM delegate_health_declarations WHERE delegate_id = $1`, [d.id])).rows.map((x) => x.day);
    return { d, c, window, today, declaredDays: days.length, declaredToday: days.includes(today) };
  }
}
