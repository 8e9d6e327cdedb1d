import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Discipline, Oversight, RegisterList, Resolution, StudySession, SummaryReport } from '../../../../shared/src/contracts/reports.ts';
import { api, buildUrl } from '../../lib/api.ts';

export type { Discipline, Oversight, Resolution, StudySession, SummaryReport };
export type RegisterPath = 'oversight' | 'disciplines' | 'study-sessions';
export const registerPaths: RegisterPath[] = ['oversight', 'disciplines', 'study-sessions'];
export type RegisterRow = Oversight | Discipline | StudySession;
export type RegisterFilters = { orgId?: number; from?: string; to?: string; kind?: string; q?: string; limit?: number; offset?: number };

// Every reports query starts with 'reports': one invalidation refreshes lists and the summary after a write.
const keys = { all: ['reports'] as const };

export const registerQuery = (path: RegisterPath | 'resolutions', f: RegisterFilters) =>
  queryOptions({
    queryKey: [...keys.all, path, f],
    queryFn: () => api<RegisterList<RegisterRow & Resolution>>(`/registers/${path}`, { query: f }),
    placeholderData: (prev) => prev,
  });

export const exportRegisterUrl = (path: RegisterPath | 'resolutions', f: RegisterFilters) => buildUrl(`/registers/${path}/export`, { orgId: f.orgId, from: f.from, to: f.to, kind: f.kind, q: f.q });

export function useSaveRegister(path: RegisterPath | 'resolutions') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: Record<string, unknown> }) =>
      id ? api<RegisterRow>(`/registers/${path}/${id}`, { method: 'PATCH', body }) : api<RegisterRow>(`/registers/${path}`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useTargetWrites() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: keys.all });
  return {
    addTarget: useMutation({ mutationFn: ({ resolutionId, body }: { resolutionId: number; body: Record<string, unknown> }) => api<Resolution>(`/registers/resolutions/${resolutionId}/targets`, { method: 'POST', body }), onSuccess: done }),
    record: useMutation({ mutationFn: ({ targetId, body }: { targetId: number; body: Record<string, unknown> }) => api<Resolution>(`/registers/targets/${targetId}/progress`, { method: 'POST', body }), onSuccess: done }),
  };
}

export type SummaryParams = { orgId?: number; asOf?: string; from?: string };
export const summaryQuery = (campaignId: number, p: SummaryParams) =>
  queryOptions({
    queryKey: [...keys.all, 'summary', campaignId, p],
    queryFn: () => api<SummaryReport>(`/campaigns/${campaignId}/summary-report`, { query: p }),
    placeholderData: (prev) => prev,
  });
export const summaryFileUrl = (campaignId: number, kind: 'docx' | 'xlsx', p: SummaryParams) => buildUrl(`/campaigns/${campaignId}/summary-report.${kind}`, p);
