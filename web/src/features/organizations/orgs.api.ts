import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateOrgRequest,
  ImportPreview,
  Merge,
  MergeOrgsRequest,
  Org,
  OrgWithAncestors,
  ReferenceData,
  Rollup,
  UpdateOrgRequest,
} from '../../../../shared/src/contracts/organizations.ts';
import { api, buildUrl, isApiError } from '../../lib/api.ts';

export type { Org, OrgWithAncestors, Rollup, Merge, ReferenceData, ImportPreview };

/** A search hit carries its ancestors' names from the user's scope down, to show where it sits. */
export type OrgSearchHit = Org & { pathIds: number[]; pathNames: string[] };

export type OrgHistoryEvent = { id: number; at: string; actorUsername: string | null; action: string; summary: string; details: unknown };
export type OrgHistory = { events: OrgHistoryEvent[]; merges: Merge[] };

// Every organization query starts with 'orgs', so one invalidation refreshes tree, detail and roll-ups after a change.
export const orgKeys = {
  all: ['orgs'] as const,
  root: () => ['orgs', 'root'] as const,
  detail: (id: number) => ['orgs', id, 'detail'] as const,
  children: (id: number) => ['orgs', id, 'children'] as const,
  rollup: (id: number) => ['orgs', id, 'rollup'] as const,
  history: (id: number) => ['orgs', id, 'history'] as const,
  search: (q: string) => ['orgs', 'search', q] as const,
};

export const scopeRootQuery = queryOptions({ queryKey: orgKeys.root(), queryFn: () => api<OrgWithAncestors>('/orgs/root') });
export const orgQuery = (id: number) => queryOptions({ queryKey: orgKeys.detail(id), queryFn: () => api<OrgWithAncestors>(`/orgs/${id}`) });
export const childrenQuery = (id: number) =>
  queryOptions({ queryKey: orgKeys.children(id), queryFn: () => api<Org[]>(`/orgs/${id}/children`), staleTime: 60_000 });
export const rollupQuery = (id: number) => queryOptions({ queryKey: orgKeys.rollup(id), queryFn: () => api<Rollup>(`/orgs/${id}/rollup`) });
export const historyQuery = (id: number) => queryOptions({ queryKey: orgKeys.history(id), queryFn: () => api<OrgHistory>(`/orgs/${id}/history`) });
export const searchOrgs = (q: string, limit = 30, signal?: AbortSignal) => api<OrgSearchHit[]>('/orgs/search', { query: { q, limit }, signal });
export const searchQuery = (q: string) =>
  queryOptions({ queryKey: orgKeys.search(q), queryFn: ({ signal }) => searchOrgs(q, 30, signal), enabled: q.trim().length > 0, staleTime: 30_000 });

export const referenceQuery = queryOptions({ queryKey: ['org-reference'], queryFn: () => api<ReferenceData>('/org-reference'), staleTime: Infinity });
export const useOrgReference = () => useQuery(referenceQuery);

export const exportUrl = (id: number, format: 'xlsx' | 'csv') => buildUrl(`/orgs/${id}/export`, { format });
export const templateUrl = () => buildUrl('/orgs/import/template');

function useOrgMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKeys.all }),
    // Someone else changed the unit: fetch the current version, so reopening the form shows it.
    onError: (e) => (isApiError(e) && e.code === 'VERSION_CONFLICT' ? qc.invalidateQueries({ queryKey: orgKeys.all }) : undefined),
  });
}

export const useCreateOrg = () => useOrgMutation((body: CreateOrgRequest) => api<OrgWithAncestors>('/orgs', { method: 'POST', body }));
export const useUpdateOrg = () =>
  useOrgMutation(({ id, ...body }: UpdateOrgRequest & { id: number }) => api<OrgWithAncestors>(`/orgs/${id}`, { method: 'PATCH', body }));
export const useMoveOrg = () =>
  useOrgMutation(({ id, ...body }: { id: number; version: number; newParentId: number }) =>
    api<OrgWithAncestors>(`/orgs/${id}/move`, { method: 'POST', body }),
  );
export const useCloseOrg = () =>
  useOrgMutation(({ id, ...body }: { id: number; version: number; date: string; reason: string }) =>
    api<OrgWithAncestors>(`/orgs/${id}/close`, { method: 'POST', body }),
  );
export const useMergeOrgs = () => useOrgMutation((body: MergeOrgsRequest) => api<Merge>('/orgs/merge', { method: 'POST', body }));

export const usePreviewImport = () =>
  useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<ImportPreview>('/orgs/import/preview', { method: 'POST', body: form });
    },
  });
export const useApplyImport = () =>
  useOrgMutation((batchId: string) => api<{ created: number; updated: number }>(`/orgs/import/${batchId}/apply`, { method: 'POST' }));
