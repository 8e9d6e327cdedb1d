import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Allocation,
  allocationPreviewRequestSchema,
  CheckInResult,
  CreateDelegateRequest,
  CredentialCheck,
  DelegateSaved,
  ElectionFigures,
  HealthDeclarationRequest,
  HealthOverview,
  NotSummonedReason,
  PublicHealth,
  Quorum,
  Register,
  RejectionReason,
  SaveAllocationRequest,
  SubstitutionReason,
  UpdateDelegateRequest,
} from '../../../../shared/src/contracts/delegates.ts';
import type { PersonSummary } from '../../../../shared/src/contracts/personnel.ts';
import { api, buildUrl } from '../../lib/api.ts';

export type { Allocation, CheckInResult, DelegateSaved, ElectionFigures, HealthOverview, PublicHealth, Quorum, Register };
export type Delegate = Register['delegates'][number];
export type PreviewRequest = z.input<typeof allocationPreviewRequestSchema>;

// Every delegates query starts with 'delegates': one invalidation refreshes the register, quorum and health after a change.
export const delegatesKeys = { all: ['delegates'] as const, congress: (id: number) => ['delegates', id] as const };

export const allocationQuery = (id: number) => queryOptions({ queryKey: [...delegatesKeys.congress(id), 'allocation'], queryFn: () => api<Allocation>(`/congresses/${id}/allocation`) });
export const registerQuery = (id: number) => queryOptions({ queryKey: [...delegatesKeys.congress(id), 'register'], queryFn: () => api<Register>(`/congresses/${id}/delegates`) });
export const quorumQuery = (id: number, sessionId: number | undefined) =>
  queryOptions({
    queryKey: [...delegatesKeys.congress(id), 'quorum', sessionId ?? null],
    queryFn: () => api<Quorum>(`/congresses/${id}/quorum`, { query: { sessionId } }),
    // The panel at the door stays live while delegates arrive.
    refetchInterval: 3000,
    placeholderData: (prev) => prev,
  });
export const figuresQuery = (id: number) => queryOptions({ queryKey: [...delegatesKeys.congress(id), 'figures'], queryFn: () => api<ElectionFigures>(`/congresses/${id}/election-figures`) });
export const healthQuery = (id: number) => queryOptions({ queryKey: [...delegatesKeys.congress(id), 'health'], queryFn: () => api<HealthOverview>(`/congresses/${id}/health`) });
export const publicHealthQuery = (token: string) => queryOptions({ queryKey: ['public-health', token], queryFn: () => api<PublicHealth>(`/public/health/${encodeURIComponent(token)}`), retry: false });

/** Personnel records to link a delegate to, searched by name (the personnel API, read-only here). */
export const peopleSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['delegates-people', q],
    queryFn: () => api<PersonSummary[]>('/people', { query: { q, limit: 20 } }),
    enabled: q.trim().length >= 2,
    placeholderData: (prev) => prev,
  });

export const badgesUrl = (id: number, layout: 'a4' | 'a6') => buildUrl(`/congresses/${id}/badges`, { layout });
export const credentialsReportUrl = (id: number) => buildUrl(`/congresses/${id}/credentials-report`);
export const healthLink = (token: string) => `${window.location.origin}/khai-bao-y-te/${token}`;

export const previewAllocation = (id: number, body: PreviewRequest) => api<Allocation>(`/congresses/${id}/allocation/preview`, { method: 'POST', body });

function useDelegatesMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: delegatesKeys.all });
      // The congress page's approval checklist has delegates items (allocation, seats, credentials): fetched again now,
      // even while that page is closed, so going back to it does not show the items as they were.
      await qc.invalidateQueries({ predicate: (q) => q.queryKey.includes('approval-checklist'), refetchType: 'all' });
    },
  });
}

export const useSaveAllocation = (id: number) => useDelegatesMutation((body: SaveAllocationRequest) => api<Allocation>(`/congresses/${id}/allocation`, { method: 'POST', body }));
export const useAddDelegate = (id: number) => useDelegatesMutation((body: CreateDelegateRequest) => api<DelegateSaved>(`/congresses/${id}/delegates`, { method: 'POST', body }));
export const useUpdateDelegate = () => useDelegatesMutation(({ id, ...body }: UpdateDelegateRequest & { id: number }) => api<DelegateSaved>(`/delegates/${id}`, { method: 'PATCH', body }));
export const useNotSummoned = () =>
  useDelegatesMutation(({ id, ...body }: { id: number; reason: NotSummonedReason | null; note?: string }) => api(`/delegates/${id}/not-summoned`, { method: 'POST', body }));
export const useSubstitute = () =>
  useDelegatesMutation(({ id, ...body }: { id: number; reason: SubstitutionReason; note: string }) => api<{ alternateId: number }>(`/delegates/${id}/substitute`, { method: 'POST', body }));
export const useCredentials = () =>
  useDelegatesMutation(({ id, ...body }: { id: number; decision: 'pending' | 'accepted' | 'rejected'; checks: Partial<Record<CredentialCheck, boolean>>; reason?: RejectionReason; note?: string }) =>
    api(`/delegates/${id}/credentials`, { method: 'POST', body }),
  );
export const useAddSession = (id: number) =>
  useDelegatesMutation((body: { label: string; date: string; kind: 'preparatory' | 'official' }) => api<{ id: number }>(`/congresses/${id}/attendance-sessions`, { method: 'POST', body }));
export const useCheckIn = (id: number) =>
  useDelegatesMutation((body: { sessionId: number; code: string; method: 'scan' | 'typed' }) => api<CheckInResult>(`/congresses/${id}/check-in`, { method: 'POST', body }));
export const useManualCheckIn = (id: number) =>
  useDelegatesMutation((body: { sessionId: number; delegateId: number }) => api<CheckInResult>(`/congresses/${id}/check-in/manual`, { method: 'POST', body }));
export const useHealthSettings = (id: number) => useDelegatesMutation((body: { days: number; feverFrom: number }) => api(`/congresses/${id}/health/settings`, { method: 'POST', body }));
export const useIssueLinks = (id: number) =>
  useDelegatesMutation((body: { delegateIds?: number[]; reissue: boolean }) => api<{ delegateId: number; fullName: string; token: string }[]>(`/congresses/${id}/health/links`, { method: 'POST', body }));
export const declareHealth = (token: string, body: HealthDeclarationRequest) => api<PublicHealth>(`/public/health/${encodeURIComponent(token)}`, { method: 'POST', body });
