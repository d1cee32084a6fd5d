import { api } from '../../shared/api.ts';

export type RegisterBody = {
  idNumber: string;
  name: string;
  phone: string;
  regionCode: string;
  employerId: string;
  password: string;
};

export const registerProfessional = (body: RegisterBody) =>
  api.post<{ id: string; status: 'pending' }>('/api/auth/register', body);

export const changePassword = (body: { currentPassword: string; newPassword: string }) =>
  api.post<undefined>('/api/auth/password', body);
