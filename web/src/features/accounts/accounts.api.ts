import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEntry, CreateUserRequest, LoginRequest, Me, UpdateUserRequest, User } from '../../../../shared/src/contracts/accounts.ts';
import { api, isApiError } from '../../lib/api.ts';

export type { Me, User, AuditEntry };

export const meQueryKey = ['me'] as const;

/** The signed-in user, or null when there is no (valid) session. */
export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api<Me>('/auth/me');
    } catch (e) {
      if (isApiError(e) && e.status === 401) return null;
      throw e;
    }
  },
  staleTime: Infinity,
  retry: false,
});

export const signIn = (body: LoginRequest) => api<Me>('/auth/login', { method: 'POST', body });
export const signOut = () => api<{ ok: true }>('/auth/logout', { method: 'POST' });
export const changePassword = (body: { currentPassword: string; newPassword: string }) => api<{ ok: true }>('/auth/password', { method: 'POST', body });

const usersKey = ['users'] as const;

export const useUsers = () => useQuery({ queryKey: usersKey, queryFn: () => api<User[]>('/users') });

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => api<User>('/users', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserRequest & { id: number }) => api<User>(`/users/${id}`, { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }),
  });
}
