import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AddCandidateRequest,
  AdvanceComplaintRequest,
  Complaint,
  ConcurrentReport,
  ConcurrentTargetRequest,
  CongressPersonnel,
  CreateComplaintRequest,
  CreateFirstMeetingElectionRequest,
  CreatePersonRequest,
  PersonDocument,
  PersonImportPreview,
  PersonnelCongressHit,
  PersonnelPresets,
  PersonProfile,
  PersonSummary,
  RecordStepRequest,
  SavePlanRequest,
  SaveStepsRequest,
  SaveTargetsRequest,
  UpdateCandidateRequest,
  UpdatePersonRequest,
} from '../../../../shared/src/contracts/personnel.ts';
import { api, buildUrl } from '../../lib/api.ts';

export type { Complaint, ConcurrentReport, CongressPersonnel, PersonImportPreview, PersonnelCongressHit, PersonProfile, PersonSummary };

// Every personnel query starts with 'personnel', so one invalidation refreshes lists, profiles and congress pages.
export const personnelKeys = {
  all: ['personnel'] as const,
  people: (orgId: number | undefined, q: string) => ['personnel', 'people', orgId ?? null, q] as const,
  person: (id: number) => ['personnel', 'person', id] as const,
  congress: (id: number) => ['personnel', 'congress', id] as const,
};

export const peopleQuery = (orgId: number | undefined, q: string) =>
  queryOptions({ queryKey: personnelKeys.people(orgId, q), queryFn: () => api<PersonSummary[]>('/people', { query: { orgId, q: q || undefined, limit: 500 } }), placeholderData: (p) => p });
export const personQuery = (id: number) => queryOptions({ queryKey: personnelKeys.person(id), queryFn: () => api<PersonProfile>(`/people/${id}`) });
export const congressPersonnelQuery = (id: number) => queryOptions({ queryKey: personnelKeys.congress(id), queryFn: () => api<CongressPersonnel>(`/congresses/${id}/personnel`) });
export const presetsQuery = queryOptions({ queryKey: ['personnel', 'presets'], queryFn: () => api<PersonnelPresets>('/personnel/presets'), staleTime: Infinity });
export const personnelCongressesQuery = (q: string) =>
  queryOptions({ queryKey: ['personnel', 'congresses', q], queryFn: () => api<PersonnelCongressHit[]>('/personnel/congresses', { query: { q: q || undefined } }), placeholderData: (p) => p });
export const concurrentQuery = (orgId: number | undefined) =>
  queryOptions({ queryKey: ['personnel', 'concurrent', orgId ?? null], queryFn: () => api<ConcurrentReport>('/personnel/concurrent', { query: { orgId } }) });

export const templateUrl = () => buildUrl('/people/import/template');
export const documentUrl = (personId: number, docId: number) => buildUrl(`/people/${personId}/documents/${docId}`);
export const complaintFileUrl = (complaintId: number, fileId: number) => buildUrl(`/complaints/${complaintId}/files/${fileId}`);

/** A write that refreshes every personnel view when it succeeds. */
function usePersonnelMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: personnelKeys.all }) });
}

export const useCreatePerson = () => usePersonnelMutation((body: CreatePersonRequest) => api<PersonProfile>('/people', { method: 'POST', body }));
export const useUpdatePerson = (id: number) => usePersonnelMutation((body: UpdatePersonRequest) => api<PersonProfile>(`/people/${id}`, { method: 'PATCH', body }));
export const useAttachDocument = (id: number) =>
  usePersonnelMutation(({ file, label }: { file: File; label: string }) => {
    const form = new FormData();
    form.append('label', label);
    form.append('file', file);
    return api<PersonDocument>(`/people/${id}/documents`, { method: 'POST', body: form });
  });
export const useAddComplaint = (personId: number) => usePersonnelMutation((body: CreateComplaintRequest) => api<Complaint>(`/people/${personId}/complaints`, { method: 'POST', body }));
export const useAttachComplaintFile = () =>
  usePersonnelMutation(({ id, file }: { id: number; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    return api<Complaint>(`/complaints/${id}/files`, { method: 'POST', body: form });
  });
export const useAdvanceComplaint = () => usePersonnelMutation(({ id, ...body }: AdvanceComplaintRequest & { id: number }) => api<Complaint>(`/complaints/${id}/advance`, { method: 'POST', body }));
export const usePreviewImport = () =>
  useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<PersonImportPreview>('/people/import/preview', { method: 'POST', body: form });
    },
  });
export const useApplyImport = () => usePersonnelMutation((batchId: string) => api<{ created: number; updated: number }>(`/people/import/${batchId}/apply`, { method: 'POST' }));

export const useSavePlan = (congressId: number) => usePersonnelMutation((body: SavePlanRequest) => api<CongressPersonnel>(`/congresses/${congressId}/personnel/plan`, { method: 'PUT', body }));
export const useSaveTargets = (congressId: number) => usePersonnelMutation((body: SaveTargetsRequest) => api<CongressPersonnel>(`/congresses/${congressId}/personnel/targets`, { method: 'PUT', body }));
export const useSaveSteps = (congressId: number) => usePersonnelMutation((body: SaveStepsRequest) => api<CongressPersonnel>(`/congresses/${congressId}/personnel/steps`, { method: 'PUT', body }));
export const useAddCandidate = (congressId: number) => usePersonnelMutation((body: AddCandidateRequest) => api<CongressPersonnel>(`/congresses/${congressId}/personnel/candidates`, { method: 'POST', body }));
export const useUpdateCandidate = (congressId: number) =>
  usePersonnelMutation(({ personId, ...body }: UpdateCandidateRequest & { personId: number }) => api<CongressPersonnel>(`/congresses/${congressId}/personnel/candidates/${personId}`, { method: 'PATCH', body }));
export const useRemoveCandidate = (congressId: number) => usePersonnelMutation((personId: number) => api<CongressPersonnel>(`/congresses/${congressId}/personnel/candidates/${personId}/remove`, { method: 'POST' }));
export const useRecordStep = (congressId: number) =>
  usePersonnelMutation(({ no, ...body }: RecordStepRequest & { no: number }) => api<CongressPersonnel>(`/congresses/${congressId}/personnel/steps/${no}`, { method: 'PUT', body }));
export const useApproveList = (congressId: number) => usePersonnelMutation((version: number) => api<CongressPersonnel>(`/congresses/${congressId}/personnel/approve`, { method: 'POST', body: { version } }));
export const useCreateElection = (congressId: number) =>
  usePersonnelMutation((body: { summoned: number }) => api<{ electionId: number }>(`/congresses/${congressId}/personnel/election`, { method: 'POST', body }));
export const useFirstMeeting = (congressId: number) =>
  usePersonnelMutation((body: CreateFirstMeetingElectionRequest) => api<{ electionId: number }>(`/congresses/${congressId}/personnel/first-meeting`, { method: 'POST', body }));
export const useSetConcurrentTarget = () => usePersonnelMutation((body: ConcurrentTargetRequest) => api<ConcurrentReport>('/personnel/concurrent/targets', { method: 'PUT', body }));
