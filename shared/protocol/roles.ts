/** What a share link may do. The server decides; the client only mirrors it in the UI. */
export type Role = 'owner' | 'edit' | 'view';
export const ROLES: readonly Role[] = ['owner', 'edit', 'view'];

export function isRole(value: unknown): value is Role {
  return value === 'owner' || value === 'edit' || value === 'view';
}

export function canEdit(role: Role): boolean {
  return role === 'owner' || role === 'edit';
}
