import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AddVersionRequest,
  Comment,
  CommentList,
  CommentRequest,
  CongressDocument,
  CongressDocuments,
  CongressOption,
  Consultation,
  ConsultationForComment,
  ConsultationSummary,
  CreateConsultationRequest,
  CreateDocumentRequest,
  DocumentDiff,
  SectionSynthesis,
  SynthesisOverview,
  Theme,
  UpdateConsultationRequest,
  UpdateThemeRequest,
  VersionSummary,
  VersionView,
} from '../../../../shared/src/contracts/documents.ts';
import { api, buildUrl } from '../../lib/api.ts';

export type { Comment, CongressDocument, Consultation, SectionSynthesis, Theme };
export type RoundListItem = ConsultationSummary & { documentTitle: string; orgName: string; can: Consultation['can'] };

// Every query of this feature starts with 'documents': one invalidation refreshes them all after a change.
const key = (...parts: unknown[]) => ['documents', ...parts];

export const roundsQuery = queryOptions({ queryKey: key('rounds'), queryFn: () => api<RoundListItem[]>('/consultations') });
export const congressOptionsQuery = (q: string) => queryOptions({ queryKey: key('congress-options', q), queryFn: () => api<CongressOption[]>('/documents/congresses', { query: { q } }) });
export const congressDocumentsQuery = (id: number) => queryOptions({ queryKey: key('congress', id), queryFn: () => api<CongressDocuments>(`/congresses/${id}/documents`) });
export const documentQuery = (id: number) => queryOptions({ queryKey: key('doc', id), queryFn: () => api<CongressDocument>(`/documents/${id}`) });
export const versionQuery = (id: number, no: number) => queryOptions({ queryKey: key('doc', id, 'v', no), queryFn: () => api<VersionView>(`/documents/${id}/versions/${no}`) });
export const diffQuery = (id: number, from: number, to: number) =>
  queryOptions({ queryKey: key('doc', id, 'diff', from, to), queryFn: () => api<DocumentDiff>(`/documents/${id}/diff`, { query: { from, to } }) });
export const roundQuery = (id: number) => queryOptions({ queryKey: key('round', id), queryFn: () => api<Consultation>(`/consultations/${id}`) });
export const draftQuery = (id: number) => queryOptions({ queryKey: key('round', id, 'draft'), queryFn: () => api<ConsultationForComment>(`/consultations/${id}/draft`) });
export type CommentFilters = { sectionKey?: string; status?: string; channel?: string; q?: string; limit?: number; offset?: number };
export const commentsQuery = (id: number, f: CommentFilters) =>
  queryOptions({ queryKey: key('round', id, 'comments', f), queryFn: () => api<CommentList>(`/consultations/${id}/comments`, { query: f }), placeholderData: (p) => p });
export const overviewQuery = (id: number, orgId: number | undefined) =>
  queryOptions({ queryKey: key('round', id, 'synthesis', orgId ?? null), queryFn: () => api<SynthesisOverview>(`/consultations/${id}/synthesis`, { query: { orgId } }), placeholderData: (p) => p });
export const sectionQuery = (id: number, orgId: number | undefined, sectionKey: string, offset: number) =>
  queryOptions({
    queryKey: key('round', id, 'synthesis', orgId ?? null, sectionKey, offset),
    queryFn: () => api<SectionSynthesis>(`/consultations/${id}/synthesis/section`, { query: { orgId, sectionKey, offset, limit: 30 } }),
    placeholderData: (p) => p,
  });
export const themeCommentsQuery = (themeId: number) => queryOptions({ queryKey: key('theme', themeId), queryFn: () => api<CommentList>(`/synthesis-themes/${themeId}/comments`, { query: { limit: 100 } }) });

export const exportCommentsUrl = (id: number) => buildUrl(`/consultations/${id}/comments.xlsx`);
export const exportSynthesisUrl = (id: number, orgId: number | undefined) => buildUrl(`/consultations/${id}/synthesis.docx`, { orgId });

/** A write of this feature; everything under 'documents' is refetched after it. */
function useWrite<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['documents'] }) });
}

export const useCreateDocument = (congressId: number) => useWrite((b: CreateDocumentRequest) => api<CongressDocument>(`/congresses/${congressId}/documents`, { method: 'POST', body: b }));
export const useAddVersion = (id: number) => useWrite((b: AddVersionRequest) => api<VersionSummary>(`/documents/${id}/versions`, { method: 'POST', body: b }));
export const useUploadDocx = (id: number) =>
  useWrite((file: File) => {
    const fd = new FormData();
    fd.append('file', file, file.name);
    return api<VersionSummary>(`/documents/${id}/versions/docx`, { method: 'POST', body: fd });
  });
export const useApprove = (id: number) => useWrite((b: { versionId: number; version: number }) => api<CongressDocument>(`/documents/${id}/approve`, { method: 'POST', body: b }));
export const useCreateRound = (docId: number) => useWrite((b: CreateConsultationRequest) => api<Consultation>(`/documents/${docId}/consultations`, { method: 'POST', body: b }));
export const useUpdateRound = (id: number) => useWrite((b: UpdateConsultationRequest) => api<Consultation>(`/consultations/${id}`, { method: 'PATCH', body: b }));
export const useComment = (id: number) => useWrite((b: CommentRequest) => api<Comment>(`/consultations/${id}/comments`, { method: 'POST', body: b }));
export const useHide = (id: number) => useWrite((b: { commentId: number; reason: string }) => api<Comment>(`/consultations/${id}/comments/${b.commentId}/hide`, { method: 'POST', body: { reason: b.reason } }));
export const useUnhide = (id: number) => useWrite((commentId: number) => api<Comment>(`/consultations/${id}/comments/${commentId}/unhide`, { method: 'POST', body: {} }));
export const useMerge = (id: number) => useWrite((b: { commentId: number; intoId: number }) => api<Comment>(`/consultations/${id}/comments/${b.commentId}/merge`, { method: 'POST', body: { intoId: b.intoId } }));
export const useMergeDuplicates = (id: number) => useWrite(() => api<{ merged: number }>(`/consultations/${id}/merge-duplicates`, { method: 'POST', body: {} }));
export const useCreateTheme = (id: number) => useWrite((b: { orgId: number; sectionKey: string; title: string }) => api<Theme>(`/consultations/${id}/themes`, { method: 'POST', body: b }));
export const useUpdateTheme = () => useWrite((b: UpdateThemeRequest & { id: number }) => {
  const { id, ...body } = b;
  return api<Theme>(`/synthesis-themes/${id}`, { method: 'PATCH', body });
});
export const useAssign = (id: number) => useWrite((b: { orgId: number; commentIds: number[]; themeId: number | null }) => api<{ assigned: number }>(`/consultations/${id}/assign`, { method: 'POST', body: b }));
export const useQuotes = () => useWrite((b: { themeId: number; commentIds: number[] }) => api<Theme>(`/synthesis-themes/${b.themeId}/quotes`, { method: 'PUT', body: { commentIds: b.commentIds } }));
