import type { Queryable } from '../../platform/db/db.ts';

/**
 * Reads a long list as one JSON text cell instead of one result row per item. PGlite decodes
 * every cell of a result in JavaScript, which for a 1,000-name candidate list cost more than the
 * query itself (issue 5's composition benchmark); one text cell and JSON.parse cost a fraction.
 * Each column is an SQL expression whose JSON form is the value wanted: a DATE comes out as
 * YYYY-MM-DD (as the DATE parser gives it elsewhere), so pass timestamps only as text.
 */
export async function compactRows<T extends object>(
  q: Queryable,
  columns: { readonly [K in keyof T]: string },
  from: string,
  params: readonly unknown[],
  orderBy?: string,
): Promise<T[]> {
  const keys = Object.keys(columns) as (keyof T & string)[];
  const order = orderBy ? ` ORDER BY ${orderBy}` : '';
  const r = await q.query<{ j: string }>(`SELECT coalesce(json_agg(json_build_array(${keys.map((k) => columns[k]).join(', ')})${order}), '[]')::text AS j ${from}`, params);
  const arrays = JSON.parse(r.rows[0]!.j) as unknown[][];
  return arrays.map((a) => {
    const row = {} as Record<string, unknown>;
    for (let i = 0; i < keys.length; i++) row[keys[i]!] = a[i];
    return row as T;
  });
}

/**
 * Several short lists of one page in one round trip, each an ordinary SELECT read back as JSON
 * objects named by its columns. Every PGlite query costs about a millisecond before its first row,
 * so a page made of many small reads is mostly that cost. Order the rows in JavaScript if it matters.
 */
export async function readLists<L extends Record<string, object>>(q: Queryable, lists: { readonly [K in keyof L]: string }, params: readonly unknown[]): Promise<{ [K in keyof L]: L[K][] }> {
  const names = Object.keys(lists) as (keyof L & string)[];
  const r = await q.query<Record<string, string>>(`SELECT ${names.map((n) => `(SELECT coalesce(json_agg(x), '[]') FROM (${lists[n]}) x)::text AS "${n}"`).join(', ')}`, params);
  const row = r.rows[0]!;
  return Object.fromEntries(names.map((n) => [n, JSON.parse(row[n]!) as object[]])) as { [K in keyof L]: L[K][] };
}
