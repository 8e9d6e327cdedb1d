import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApprovalChecklist,
  calendarSchema,
  Campaign,
  directorCalendarSchema,
  Congress,
  CongressStatus,
  CongressSummary,
  CreateCampaignRequest,
  Dashboard,
  PostponeRequest,
  presetSchema,
  seriesSchema,
  TransitionRequest,
  UpdateCampaignRequest,
  UpdateCongressRequest,
} from '../../../../shared/src/contracts/campaigns.ts';
import { api, buildUrl, isApiError } from '../../lib/api.ts';

export type { ApprovalChecklist, Campaign, Congress, CongressStatus, CongressSummary, Dashboard };
export type Preset = z.infer<typeof presetSchema>;
export type Series = z.infer<typeof seriesSchema>;
export type CalendarView = z.infer<typeof calendarSchema>;
export type CongressList = { total: number; items: CongressSummary[] };
export type CongressFilters = {
  orgId?: number;
  level?: number;
  status?: CongressStatus;
  pilot?: 'true' | 'false';
  postponed?: 'true' | 'false';
  warned?: 'true' | 'false';
  q?: string;
  limit?: number;
  offset?: number;
};

// Every campaign query starts with 'campaigns', so one invalidation refreshes dashboards, lists and pages after a change.
export const campaignKeys = {
  all: ['campaigns'] as const,
  list: () => ['campaigns', 'list'] as const,
  campaign: (id: number) => ['campaigns', id] as const,
  congress: (id: number) => ['campaigns', 'congress', id] as const,
};

export const campaignsQuery = queryOptions({ queryKey: campaignKeys.list(), queryFn: () => api<Campaign[]>('/campaigns') });
export const campaignQuery = (id: number) => queryOptions({ queryKey: [...campaignKeys.campaign(id), 'detail'], queryFn: () => api<Campaign>(`/campaigns/${id}`) });
export const presetsQuery = queryOptions({ queryKey: ['campaign-presets'], queryFn: () => api<Preset[]>('/campaign-presets'), staleTime: Infinity });

export const dashboardQuery = (id: number, orgId: number | undefined, asOf: string | undefined) =>
  queryOptions({
    queryKey: [...campaignKeys.campaign(id), 'dashboard', orgId ?? null, asOf ?? null],
    queryFn: () => api<Dashboard>(`/campaigns/${id}/dashboard`, { query: { orgId, asOf } }),
    placeholderData: (prev) => prev,
  });
export const seriesQuery = (id: number, orgId: number | undefined, asOf: string | undefined) =>
  queryOptions({
    queryKey: [...campaignKeys.campaign(id), 'series', orgId ?? null, asOf ?? null],
    queryFn: () => api<Series>(`/campaigns/${id}/series`, { query: { orgId, asOf } }),
    placeholderData: (prev) => prev,
  });
export const calendarQuery = (id: number, orgId: number | undefined, from: string, to: string) =>
  queryOptions({
    queryKey: [...campaignKeys.campaign(id), 'calendar', orgId ?? null, from, to],
    queryFn: () => api<CalendarView>(`/campaigns/${id}/calendar`, { query: { orgId, from, to } }),
    placeholderData: (prev) => prev,
  });
export const congressesQuery = (id: number, filters: CongressFilters) =>
  queryOptions({
    queryKey: [...campaignKeys.campaign(id), 'congresses', filters],
    queryFn: () => api<CongressList>(`/campaigns/${id}/congresses`, { query: filters }),
    placeholderData: (prev) => prev,
  });
export const congressQuery = (id: number) => queryOptions({ queryKey: campaignKeys.congress(id), queryFn: () => api<Congress>(`/congresses/${id}`) });

export type ExportView = 'dashboard' | 'children' | 'congresses' | 'calendar' | 'series';
export const exportUrl = (id: number, view: ExportView, orgId: number | undefined, asOf: string | undefined, from?: string, to?: string) =>
  buildUrl(`/campaigns/${id}/export`, { view, orgId, asOf, from, to });
export const eventsUrl = (id: number, orgId: number | undefined) => buildUrl(`/campaigns/${id}/events`, { orgId });

/** The server's answer to a rule breach: nothing saved, every warning listed; resend with `override` to keep it. */
export const isRuleWarnings = (e: unknown) => isApiError(e) && e.code === 'CONGRESS_RULE_WARNINGS';

function useCampaignMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: campaignKeys.all }),
    // Someone else changed the congress: fetch the current version so the next try uses it.
    onError: (e) => (isApiError(e) && e.code === 'VERSION_CONFLICT' ? qc.invalidateQueries({ queryKey: campaignKeys.all }) : undefined),
  });
}

export const useCreateCampaign = () => useCampaignMutation((body: CreateCampaignRequest) => api<Campaign>('/campaigns', { method: 'POST', body }));
export const useUpdateCampaign = () =>
  useCampaignMutation(({ id, ...body }: UpdateCampaignRequest & { id: number }) => api<Campaign>(`/campaigns/${id}`, { method: 'PATCH', body }));
export const useUpdateCongress = () =>
  useCampaignMutation(({ id, ...body }: UpdateCongressRequest & { id: number }) => api<Congress>(`/congresses/${id}`, { method: 'PATCH', body }));
export const useTransition = () =>
  useCampaignMutation(({ id, ...body }: TransitionRequest & { id: number }) => api<Congress>(`/congresses/${id}/transition`, { method: 'POST', body }));
export const usePostpone = () =>
  useCampaignMutation(({ id, ...body }: Omit<PostponeRequest, 'reason' | 'decidedBy'> & { reason?: string; decidedBy?: string; id: number }) =>
    api<Congress>(`/congresses/${id}/postpone`, { method: 'POST', body }),
  );
export const useSetPilot = () =>
  useCampaignMutation(({ id, ...body }: { id: number; version: number; isPilot: boolean; observerOrgIds: number[] }) =>
    api<Congress>(`/congresses/${id}/pilot`, { method: 'PUT', body }),
  );
export const useAddLesson = () => useCampaignMutation(({ id, text }: { id: number; text: string }) => api<Congress>(`/congresses/${id}/lessons`, { method: 'POST', body: { text } }));
export const useSetVillageElection = () =>
  useCampaignMutation(
    ({ id, ...body }: { id: number; electionDate: string; villageName: string; voters: number; votesForHead: number; headName: string; headIsSecretary: boolean }) =>
      api<Congress>(`/congresses/${id}/village-election`, { method: 'PUT', body }),
  );
export const useAddSession = () =>
  useCampaignMutation(({ id, ...body }: { id: number; label: string; date: string; kind: 'preparatory' | 'official' }) =>
    api<Congress>(`/congresses/${id}/sessions`, { method: 'POST', body }),
  );
export const useTickSafety = () =>
  useCampaignMutation(({ id, sessionId, checks }: { id: number; sessionId: number; checks: Record<string, boolean> }) =>
    api<Congress>(`/congresses/${id}/sessions/${sessionId}/safety`, { method: 'PUT', body: { checks } }),
  );
export const useSetAssignments = () =>
  useCampaignMutation(({ id, assignments }: { id: number; assignments: { directorId: number; duty: 'direct' | 'attend' }[] }) =>
    api<Congress>(`/congresses/${id}/assignments`, { method: 'PUT', body: { assignments } }),
  );
export type Director = { id: number; org: { id: number; code: string; name: string }; fullName: string; position: string; assignments: number };
export const directorsQuery = (campaignId: number, forCongress?: number) =>
  queryOptions({
    queryKey: [...campaignKeys.campaign(campaignId), 'directors', forCongress ?? null],
    queryFn: () => api<Director[]>(`/campaigns/${campaignId}/directors`, { query: { forCongress } }),
  });
export type DirectorCalendar = z.infer<typeof directorCalendarSchema>;
export const directorCalendarQuery = (campaignId: number, directorId: number) =>
  queryOptions({
    queryKey: [...campaignKeys.campaign(campaignId), 'directors', 'calendar', directorId],
    queryFn: () => api<DirectorCalendar>(`/campaigns/${campaignId}/directors/${directorId}/calendar`),
  });
export const useCreateDirector = () =>
  useCampaignMutation(({ campaignId, ...body }: { campaignId: number; orgId: number; fullName: string; position: string }) =>
    api<Director>(`/campaigns/${campaignId}/directors`, { method: 'POST', body }),
  );

export const approvalChecklistQuery = (congressId: number) =>
  queryOptions({ queryKey: [...campaignKeys.congress(congressId), 'approval-checklist'], queryFn: () => api<ApprovalChecklist>(`/congresses/${congressId}/approval-checklist`) });
export const useConfirmLessonsRead = () => useCampaignMutation((congressId: number) => api<ApprovalChecklist>(`/congresses/${congressId}/pilot-lessons/read`, { method: 'POST', body: {} }));
export const useAttachLessonFile = () =>
  useCampaignMutation(({ congressId, lessonId, file }: { congressId: number; lessonId: number; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    return api<Congress>(`/congresses/${congressId}/lessons/${lessonId}/files`, { method: 'POST', body: form });
  });
export const lessonFileUrl = (congressId: number, lessonId: number, fileId: number) => buildUrl(`/congresses/${congressId}/lessons/${lessonId}/files/${fileId}`, {});
export type ProgressPreview = {
  batchId: string | null;
  fileName: string;
  rows: number;
  changes: { row: number; code: string; name: string; from: string; to: string; dates: string; note: string | null }[];
  unchanged: number;
  issues: { row: number; column?: string; code: string; message: string }[];
};
export const progressTemplateUrl = (campaignId: number, orgId?: number) => buildUrl(`/campaigns/${campaignId}/progress-import/template`, { orgId });
export const usePreviewProgress = () =>
  useMutation({
    mutationFn: ({ campaignId, file }: { campaignId: number; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api<ProgressPreview>(`/campaigns/${campaignId}/progress-import/preview`, { method: 'POST', body: form });
    },
  });
export const useApplyProgress = () =>
  useCampaignMutation(({ campaignId, batchId }: { campaignId: number; batchId: string }) => api<{ applied: number }>(`/campaigns/${campaignId}/progress-import/${batchId}/apply`, { method: 'POST' }));
