// A person's role as stored decides what they may see and do: one the code does not know fails loudly.
import { describe, expect, it } from 'vitest';
import { toBotUser } from '../../src/users/users.ts';

const row = (role: string) => ({ id: 7, name: 'Trần Thị Bích', role, province: 'Cà Mau', agency: null });

describe('toBotUser', () => {
  it('keeps the three known roles', () => {
    expect(['official', 'coordinator', 'admin'].map((r) => toBotUser(row(r)).role)).toEqual(['official', 'coordinator', 'admin']);
  });

  it('refuses an unknown stored role instead of quietly treating the person as an official', () => {
    expect(() => toBotUser(row('Admin'))).toThrow(/Người dùng #7 có vai trò "Admin" không hợp lệ/);
  });
});
