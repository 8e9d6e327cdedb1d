// Consultation rules: when a round accepts comments, who may comment, what the public form
// refuses (honeypot, too fast, too long, too many from one address, the same text again),
// which theme a synthesizer may put a comment in, and how theme counts roll up. Pure: no I/O.

import { foldVietnamese } from '../../../../shared/src/text.ts';

export type ConsultationWindow = { opensAt: Date; closesAt: Date };
export type ConsultationState = 'notOpen' | 'open' | 'closed';

export function consultationState(c: ConsultationWindow, now: Date): ConsultationState {
  if (now.getTime() < c.opensAt.getTime()) return 'notOpen';
  if (now.getTime() >= c.closesAt.getTime()) return 'closed';
  return 'open';
}

/** ltree containment on loaded paths. */
const inside = (path: string, scope: string) => path === scope || path.startsWith(scope + '.');

/** A signed-in member comments when the round is for members and their unit lies in the audience subtree. */
export function mayCommentAsMember(audience: { path: string; members: boolean }, actorPath: string): boolean {
  return audience.members && inside(actorPath, audience.path);
}

/** An organization comments through its organizer, for a unit inside both the audience and the organizer's scope. */
export function mayCommentAsOrg(audience: { path: string; orgs: boolean }, actor: { role: string; scopePath: string }, orgPath: string): boolean {
  return audience.orgs && (actor.role === 'admin' || actor.role === 'organizer') && inside(orgPath, audience.path) && inside(orgPath, actor.scopePath);
}

export type PublicFormSettings = {
  /** Comments one address may send in `windowMinutes`. */
  perAddressPerWindow: number;
  windowMinutes: number;
  /** Comments one address may send per day. */
  perAddressPerDay: number;
  /** A person needs at least this long to read a section and write; scripts are faster. */
  minFillSeconds: number;
  /** A form older than this is stale (the page was left open for days). */
  maxFormAgeHours: number;
  minChars: number;
  maxChars: number;
};

export const defaultPublicFormSettings: PublicFormSettings = {
  perAddressPerWindow: 5,
  windowMinutes: 10,
  perAddressPerDay: 30,
  minFillSeconds: 5,
  maxFormAgeHours: 24,
  minChars: 10,
  maxChars: 5000,
};

export type PublicRefusal =
  | { code: 'PUBLIC_COMMENT_REFUSED'; reason: 'honeypot' | 'tooFast' | 'formExpired' | 'tooShort' | 'tooLong'; message: string }
  | { code: 'PUBLIC_COMMENT_RATE_LIMITED'; reason: 'window' | 'day'; message: string }
  | { code: 'COMMENT_DUPLICATE'; reason: 'duplicate'; message: string };

/**
 * The public form's checks, in the order a person would want to hear about them. `formIssuedAt`
 * comes from the signed token the form was served with; `recent` are this address's earlier
 * comments in the round; `duplicate` says whether the same folded text is already there.
 */
export function checkPublicSubmission(
  s: PublicFormSettings,
  input: { body: string; honeypot: string; formIssuedAt: Date; now: Date; recentInWindow: number; recentInDay: number; duplicate: boolean },
): PublicRefusal | null {
  // A field hidden from people: only a robot fills it.
  if (input.honeypot.trim() !== '') return { code: 'PUBLIC_COMMENT_REFUSED', reason: 'honeypot', message: 'Biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại.' };
  const ageMs = input.now.getTime() - input.formIssuedAt.getTime();
  if (ageMs < s.minFillSeconds * 1000) return { code: 'PUBLIC_COMMENT_REFUSED', reason: 'tooFast', message: `Ý kiến được gửi quá nhanh sau khi mở trang. Vui lòng đọc kỹ và gửi lại sau ít giây.` };
  if (ageMs > s.maxFormAgeHours * 3_600_000) return { code: 'PUBLIC_COMMENT_REFUSED', reason: 'formExpired', message: 'Trang góp ý đã mở quá lâu. Vui lòng tải lại trang rồi gửi.' };
  const len = [...input.body.trim()].length;
  if (len < s.minChars) return { code: 'PUBLIC_COMMENT_REFUSED', reason: 'tooShort', message: `Ý kiến quá ngắn (tối thiểu ${s.minChars} ký tự).` };
  if (len > s.maxChars) return { code: 'PUBLIC_COMMENT_REFUSED', reason: 'tooLong', message: `Ý kiến quá dài (tối đa ${s.maxChars} ký tự).` };
  if (input.recentInWindow >= s.perAddressPerWindow)
    return { code: 'PUBLIC_COMMENT_RATE_LIMITED', reason: 'window', message: `Mỗi địa chỉ mạng gửi tối đa ${s.perAddressPerWindow} ý kiến trong ${s.windowMinutes} phút. Vui lòng thử lại sau.` };
  if (input.recentInDay >= s.perAddressPerDay) return { code: 'PUBLIC_COMMENT_RATE_LIMITED', reason: 'day', message: `Mỗi địa chỉ mạng gửi tối đa ${s.perAddressPerDay} ý kiến trong một ngày.` };
  if (input.duplicate) return { code: 'COMMENT_DUPLICATE', reason: 'duplicate', message: 'Ý kiến có nội dung trùng với một ý kiến đã gửi.' };
  return null;
}

/** The text duplicates are compared on: case, diacritics, punctuation and spacing do not make a comment new. */
export function duplicateKey(body: string): string {
  return foldVietnamese(body)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Text that a spreadsheet or a word processor could take for a formula or markup, for tests and warnings. */
export const looksLikeFormula = (s: string) => /^[=+\-@\t\r]/u.test(s);

export type ThemeRef = { id: number; orgPath: string; sectionKey: string; consultationId: number };
export type CommentRef = { consultationId: number; sectionKey: string; authorOrgPath: string; status: 'visible' | 'hidden' | 'merged'; theme: ThemeRef | null };

export type AssignRefusal = 'WRONG_SECTION' | 'OUTSIDE_THEME_ORG' | 'THEMED_BELOW' | 'THEMED_ABOVE' | 'NOT_VISIBLE';

/**
 * A synthesizer groups a comment into a theme of their organization when the comment was
 * written inside that organization's subtree, on the same section. A comment already grouped by
 * a lower organization stays in that organization's theme: the upper level rolls the lower theme
 * up instead, so the lower synthesis and its counts stay true; one grouped above is not the
 * lower organization's to move.
 */
export function checkAssign(comment: CommentRef, target: ThemeRef | null, actorOrgPath: string): AssignRefusal | null {
  if (comment.status !== 'visible') return 'NOT_VISIBLE';
  if (comment.theme && comment.theme.orgPath !== actorOrgPath) return inside(comment.theme.orgPath, actorOrgPath) ? 'THEMED_BELOW' : 'THEMED_ABOVE';
  if (!inside(comment.authorOrgPath, actorOrgPath)) return 'OUTSIDE_THEME_ORG';
  if (!target) return null;
  if (target.consultationId !== comment.consultationId || target.sectionKey !== comment.sectionKey) return 'WRONG_SECTION';
  if (!inside(comment.authorOrgPath, target.orgPath)) return 'OUTSIDE_THEME_ORG';
  return null;
}

export type RollUpRefusal = 'NOT_BELOW' | 'WRONG_SECTION' | 'CYCLE';

/** A lower organization's theme rolls up into a theme of an organization strictly above it, same section. */
export function checkRollUp(child: ThemeRef & { parentId: number | null }, parent: ThemeRef | null, ancestorsOfParent: readonly number[]): RollUpRefusal | null {
  if (!parent) return null;
  if (parent.consultationId !== child.consultationId || parent.sectionKey !== child.sectionKey) return 'WRONG_SECTION';
  if (parent.orgPath === child.orgPath || !inside(child.orgPath, parent.orgPath)) return 'NOT_BELOW';
  if (parent.id === child.id || ancestorsOfParent.includes(child.id)) return 'CYCLE';
  return null;
}

/**
 * Comments behind a theme, its own and those of the lower themes rolled into it, each counted
 * once. `direct` maps theme id → comments grouped directly; `children` maps theme id → lower themes.
 */
export function rolledUpCount(themeId: number, direct: ReadonlyMap<number, number>, children: ReadonlyMap<number, readonly number[]>): number {
  const seen = new Set<number>();
  const walk = (id: number): number => {
    if (seen.has(id)) return 0;
    seen.add(id);
    return (direct.get(id) ?? 0) + (children.get(id) ?? []).reduce((s, c) => s + walk(c), 0);
  };
  return walk(themeId);
}

export const responseKinds = ['accepted', 'explained', 'notAccepted'] as const;
export type ResponseKind = (typeof responseKinds)[number];
