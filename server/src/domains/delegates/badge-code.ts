import crypto from 'node:crypto';

// A badge carries "DB<congress>-<delegate>-<signature>": readable enough to type at the door,
// signed with the congress' own secret (HMAC-SHA-256, 40 bits shown) so a code cannot be made
// up, and naming its congress so a badge of another congress is refused with that reason.

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no I, O, 0, 1: easy to read aloud and type

function signature(secret: Buffer, congressId: number, delegateId: number): string {
  const mac = crypto.createHmac('sha256', secret).update(`${congressId}.${delegateId}`).digest();
  let out = '';
  for (let i = 0; i < 8; i++) out += ALPHABET[mac[i]! % 32];
  return out;
}

export function badgeCode(secret: Buffer, congressId: number, delegateId: number): string {
  return `DB${congressId}-${delegateId}-${signature(secret, congressId, delegateId)}`;
}

export type ParsedBadge = { congressId: number; delegateId: number; signature: string };

/** Reads a typed or scanned code; tolerant of case, spaces and a missing "DB". */
export function parseBadgeCode(raw: string): ParsedBadge | null {
  const s = raw.toUpperCase().replace(/\s+/g, '').replace(/[–—_]/g, '-');
  const m = /^(?:DB)?(\d{1,9})-(\d{1,9})-([A-Z0-9]{8})$/.exec(s);
  if (!m) return null;
  return { congressId: Number(m[1]), delegateId: Number(m[2]), signature: m[3]! };
}

export function signatureValid(secret: Buffer, p: ParsedBadge): boolean {
  const expected = Buffer.from(signature(secret, p.congressId, p.delegateId));
  const given = Buffer.from(p.signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export const newSecret = () => crypto.randomBytes(32);

/** A health-declaration link token: 32 random bytes, kept only as its SHA-256. */
export function newLinkToken(): { token: string; hash: Buffer } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: linkTokenHash(token) };
}
export const linkTokenHash = (token: string) => crypto.createHash('sha256').update(token).digest();
