import type { Ctx } from '../../platform/context.ts';

/** Placeholder replaced below. */
export async function loadDemoSeminars(_ctx: Ctx, _options: { password: string }): Promise<null> {
  return null;
}
