import { dateVi, localParts } from '../elections/documents/format.ts';

// Times on screen and paper are Vietnam times, whatever the server's own time zone.

/** "17:00 30/05/2020" in Vietnam time. */
export function timeVi(at: Date | string): string {
  const p = localParts(at);
  return `${p.hh}:${p.mi} ${p.dd}/${p.mm}/${p.yyyy}`;
}
export { dateVi };
