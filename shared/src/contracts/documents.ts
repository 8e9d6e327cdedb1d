import { z } from 'zod';

// ---- Vocabulary ----

export const documentTypes = ['politicalReport', 'committeeReview', 'draftResolution', 'actionProgram', 'upperDraftComments', 'other'] as const;
export type DocumentType = (typeof documentTypes)[number];
export const documentTypeLabels: Record<DocumentType, string> = {
  politicalReport: 'Báo cáo chính trị',
  committeeReview: 'Báo cáo kiểm điểm của Ban Chấp hành',
  draftResolution: 'Dự thảo nghị quyết',
  actionProgram: 'Chương trình hành động',
  upperDraftComments: 'Ý kiến góp ý dự thảo văn kiện cấp trên',
  other: 'Văn kiện khác',
};
export const commentChannels = ['member', 'org', 'public', 'import'] as const;
export type CommentChannel = (typeof commentChannels)[number];
export const commentChannelLabels: Record<CommentChannel, string> = {
  member: 'Đảng viên',
  org: 'Tổ chức',
  public: 'Nhân dân (đường dẫn công khai)',
  import: 'Tổng hợp từ văn bản',
};
export const commentStatuses = ['visible', 'hidden', 'merged'] as const;
export type CommentStatus = (typeof commentStatuses)[number];
export const commentStatusLabels: Record<CommentStatus, string> = { visible: 'Đang hiển thị', hidden: 'Đã ẩn', merged: 'Đã gộp (trùng)' };
export const responseKinds = ['accepted', 'explained', 'notAccepted'] as const;
export type ResponseKind = (typeof responseKinds)[number];
export const responseKindLabels: Record<ResponseKind, string> = { accepted: 'Tiếp thu', explained: 'Giải trình', notAccepted: 'Không tiếp thu' };
export const consultationStates = ['notOpen', 'open', 'closed'] as const;
export type ConsultationState = (typeof consultationStates)[number];
export const consultationStateLabels: Record<ConsultationState, string> = { notOpen: 'Chưa mở', open: 'Đang lấy ý kiến', closed: 'Đã kết thúc' };

const id = z.number().int().positive().max(2_147_483_647);
const bigId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().trim().max(max);
const sectionKey = z.string().regex(/^s\d{1,7}$/);
const instant = z.iso.datetime({ offset: true });

/** A document's text is limited to what a congress document runs to (a political report is ~40 pages). */
export const MAX_DOCUMENT_CHARS = 400_000;
export const MAX_COMMENT_CHARS = 5000;
export const MAX_BATCH_COMMENTS = 5000;

// ---- Requests ----

export const createDocumentRequestSchema = z.strictObject({ docType: z.enum(documentTypes), title: text(300).min(1) });
export type CreateDocumentRequest = z.infer<typeof createDocumentRequestSchema>;

export const addVersionRequestSchema = z.strictObject({ text: z.string().max(MAX_DOCUMENT_CHARS).refine((s) => s.trim().length > 0), note: text(500).optional() });
export type AddVersionRequest = z.infer<typeof addVersionRequestSchema>;

export const approveVersionRequestSchema = z.strictObject({ versionId: id, version: id });

export const diffQuerySchema = z.strictObject({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });

export const publicFormSettingsSchema = z.strictObject({
  perAddressPerWindow: z.number().int().min(1).max(1000),
  windowMinutes: z.number().int().min(1).max(1440),
  perAddressPerDay: z.number().int().min(1).max(10_000),
  minFillSeconds: z.number().int().min(0).max(600),
  maxFormAgeHours: z.number().int().min(1).max(24 * 14),
  minChars: z.number().int().min(1).max(1000),
  maxChars: z.number().int().min(10).max(MAX_COMMENT_CHARS),
});
export type PublicFormSettings = z.infer<typeof publicFormSettingsSchema>;

export const createConsultationRequestSchema = z.strictObject({
  versionId: id,
  title: text(300).min(1),
  audienceOrgId: id,
  members: z.boolean(),
  orgs: z.boolean(),
  public: z.boolean(),
  opensAt: instant,
  closesAt: instant,
  settings: publicFormSettingsSchema.partial().optional(),
});
export type CreateConsultationRequest = z.infer<typeof createConsultationRequestSchema>;

export const updateConsultationRequestSchema = z.strictObject({
  version: id,
  title: text(300).min(1).optional(),
  members: z.boolean().optional(),
  orgs: z.boolean().optional(),
  public: z.boolean().optional(),
  opensAt: instant.optional(),
  closesAt: instant.optional(),
  /** Closes the round now (the clear refusal starts at once). */
  closeNow: z.boolean().optional(),
  settings: publicFormSettingsSchema.partial().optional(),
});
export type UpdateConsultationRequest = z.infer<typeof updateConsultationRequestSchema>;

export const commentRequestSchema = z.strictObject({
  sectionKey,
  body: text(MAX_COMMENT_CHARS).min(1),
  /** Commenting for an organization (organizers); absent: as a member, for one's own unit. */
  asOrgId: id.optional(),
});
export type CommentRequest = z.infer<typeof commentRequestSchema>;

export const batchCommentsRequestSchema = z.strictObject({
  rows: z
    .array(z.strictObject({ sectionKey, body: text(MAX_COMMENT_CHARS).min(1), authorOrgId: id, authorName: text(120).optional() }))
    .min(1)
    .max(MAX_BATCH_COMMENTS),
});
export type BatchCommentsRequest = z.infer<typeof batchCommentsRequestSchema>;

export const publicCommentRequestSchema = z.strictObject({
  sectionKey,
  body: z.string().max(MAX_COMMENT_CHARS * 2),
  name: text(120).optional(),
  place: text(200).optional(),
  /** Hidden from people; robots fill it. */
  website: z.string().max(500).default(''),
  formToken: z.string().max(200),
});
export type PublicCommentRequest = z.infer<typeof publicCommentRequestSchema>;

export const commentListQuerySchema = z.strictObject({
  sectionKey: sectionKey.optional(),
  status: z.enum(commentStatuses).optional(),
  channel: z.enum(commentChannels).optional(),
  q: text(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type CommentListQuery = z.infer<typeof commentListQuerySchema>;

export const hideCommentRequestSchema = z.strictObject({ reason: text(500).min(3) });
export const mergeCommentRequestSchema = z.strictObject({ intoId: bigId });

export const synthesisQuerySchema = z.strictObject({ orgId: z.coerce.number().int().positive().optional() });
export const sectionSynthesisQuerySchema = z.strictObject({
  orgId: z.coerce.number().int().positive().optional(),
  sectionKey,
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(30),
});

export const createThemeRequestSchema = z.strictObject({ orgId: id, sectionKey, title: text(300).min(1) });
export const updateThemeRequestSchema = z.strictObject({
  version: id,
  title: text(300).min(1).optional(),
  response: z.enum(responseKinds).nullable().optional(),
  responseText: text(4000).nullable().optional(),
  /** Rolls this theme up into a theme of an upper organization; null takes it back. */
  parentId: id.nullable().optional(),
});
export type UpdateThemeRequest = z.infer<typeof updateThemeRequestSchema>;
export const assignRequestSchema = z.strictObject({ orgId: id, commentIds: z.array(bigId).min(1).max(1000), themeId: id.nullable() });
export const quotesRequestSchema = z.strictObject({ commentIds: z.array(bigId).max(20) });

// ---- Responses ----

export type OrgRef = { id: number; code: string; name: string };
export type Section = { key: string; kind: 'heading' | 'paragraph'; level: number; text: string };
export type VersionSummary = { id: number; no: number; note: string | null; source: 'text' | 'docx'; fileName: string | null; createdAt: string; createdBy: string | null; sectionCount: number };
export type ConsultationSummary = {
  id: number;
  title: string;
  versionNo: number;
  state: ConsultationState;
  opensAt: string;
  closesAt: string;
  audienceOrg: OrgRef;
  commentCount: number;
};
export type CongressDocument = {
  id: number;
  congressId: number;
  org: OrgRef;
  campaignName: string;
  docType: DocumentType;
  title: string;
  versions: VersionSummary[];
  approvedVersionId: number | null;
  approvedAt: string | null;
  approvedBy: string | null;
  consultations: ConsultationSummary[];
  version: number;
  can: { write: boolean };
};
export type CongressDocuments = {
  congress: { id: number; org: OrgRef; campaignName: string; status: string };
  documents: (Omit<CongressDocument, 'versions' | 'consultations'> & { latestVersionNo: number | null; approvedVersionNo: number | null })[];
  /** Types that the congress approval checklist requires; `confirmed: false` = unconfirmed rule. */
  required: { types: DocumentType[]; confirmed: boolean; note: string };
  can: { write: boolean };
};
export type CongressOption = { id: number; org: OrgRef; campaignName: string; status: string };
export type VersionView = { document: { id: number; title: string; docType: DocumentType }; version: VersionSummary; sections: Section[] };
export type SectionDiff = { key: string; change: 'same' | 'changed' | 'added' | 'removed'; kind: 'heading' | 'paragraph'; level: number; ops: { op: 'same' | 'add' | 'del'; text: string }[] };
export type DocumentDiff = { from: number; to: number; sections: SectionDiff[]; counts: { changed: number; added: number; removed: number; same: number } };

export type Consultation = {
  id: number;
  title: string;
  document: { id: number; title: string; docType: DocumentType; congressId: number; org: OrgRef };
  versionId: number;
  versionNo: number;
  audienceOrg: OrgRef;
  members: boolean;
  orgs: boolean;
  public: boolean;
  opensAt: string;
  closesAt: string;
  state: ConsultationState;
  /** Only for those who manage the round. */
  publicPath: string | null;
  settings: PublicFormSettings;
  settingsUnconfirmed: true;
  counts: { total: number; visible: number; byChannel: Record<CommentChannel, number> };
  version: number;
  can: { manage: boolean; commentAsMember: boolean; commentAsOrg: boolean; synthesize: boolean };
};
export type ConsultationForComment = Consultation & { sections: Section[]; myComments: Comment[] };
export type Comment = {
  id: number;
  sectionKey: string;
  channel: CommentChannel;
  authorOrg: OrgRef | null;
  authorName: string | null;
  authorPlace: string | null;
  body: string;
  status: CommentStatus;
  hiddenReason: string | null;
  mergedIntoId: number | null;
  themeId: number | null;
  createdAt: string;
};
export type CommentList = { total: number; items: Comment[] };
export type PublicConsultation = {
  title: string;
  documentTitle: string;
  orgName: string;
  state: ConsultationState;
  opensAt: string;
  closesAt: string;
  sections: Section[];
  formToken: string;
  minChars: number;
  maxChars: number;
};
export type Theme = {
  id: number;
  org: OrgRef;
  sectionKey: string;
  title: string;
  response: ResponseKind | null;
  responseText: string | null;
  parentId: number | null;
  /** Comments behind the theme, its own and those of lower themes rolled into it. */
  count: number;
  directCount: number;
  quotes: Comment[];
  children: { id: number; org: OrgRef; title: string; count: number }[];
  version: number;
};
export type SynthesisOverview = {
  consultation: Consultation;
  org: OrgRef;
  sections: { key: string; kind: 'heading' | 'paragraph'; level: number; text: string; total: number; visible: number; themed: number; themes: number }[];
  totals: { total: number; visible: number; themed: number };
  /** Organizations the actor may synthesize for (their scope inside the audience, and above it down to their own). */
  orgChoices: OrgRef[];
};
export type SectionSynthesis = {
  section: Section;
  org: OrgRef;
  counts: { total: number; visible: number; hidden: number; merged: number; themed: number; byChannel: Record<CommentChannel, number> };
  themes: Theme[];
  /** Lower organizations' themes not yet rolled into one of this organization's. */
  lowerThemes: Theme[];
  unthemed: { total: number; items: Comment[] };
  can: { edit: boolean };
};
