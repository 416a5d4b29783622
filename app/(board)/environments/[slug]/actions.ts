'use server';

import { z } from 'zod';
import type { BadgesSwitchState } from '@/components/environments/badges-switch';
import { getDatabase } from '@/db/client';
import { getCurrentProject } from '@/db/queries/project';
import { setBadgesPublic } from '@/db/writes/projects';
import { ActionFailure, guardedAction } from '@/lib/auth';

const switchInput = z.object({ badgesPublic: z.enum(['on', 'off']) });

const switchBadges = guardedAction(switchInput, 'admin', async ({ badgesPublic }) => {
  const db = getDatabase();
  const project = await getCurrentProject(db);
  if (!project) throw new ActionFailure('no_project', 'There is no project yet.');
  await setBadgesPublic(db, project.id, badgesPublic === 'on');
  // No revalidation: the switch shows the answer itself, and the board's pages are dynamic.
  return { badgesPublic: badgesPublic === 'on' };
});

/** Serve the project's status badges to anyone, or to members only (admins only). */
export async function switchBadgesAction(
  _state: BadgesSwitchState,
  form: FormData,
): Promise<BadgesSwitchState> {
  return switchBadges(form);
}
