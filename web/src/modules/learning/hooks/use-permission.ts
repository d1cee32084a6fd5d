import { useAuth } from '../../../shared/auth.tsx';
import type { LearningPermission } from '../enums.ts';

/** Whether the signed-in user holds a learning permission (menus, guards and buttons only; the server decides). */
export function useHasPermission(permission: LearningPermission): boolean {
  return useAuth().permissions.has(permission);
}
