import { infiniteQueryOptions } from '@tanstack/react-query';
import type { AuditEntry } from '../../../../shared/src/contracts/accounts.ts';
import { api } from '../../lib/api.ts';

export type AuditFilters = { action?: string; entityType?: string; actor?: string; from?: string; to?: string };
type AuditPage = { entries: AuditEntry[]; nextBefore: number | null };

const PAGE_SIZE = 50;

/** Newest first; "load more" asks for entries before the last id seen. */
export const auditQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) => api<AuditPage>('/audit', { query: { ...filters, limit: PAGE_SIZE, before: pageParam } }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    staleTime: 0,
  });
