/**
 * Whether an operation may start now, and if not, why: what a button shows before it is pressed.
 * The operation checks again when asked; this is for showing, never for deciding.
 */
export type Availability =
  | { allowed: true }
  | {
      allowed: false;
      reason: string;
      /**
       * Set when another operation holds the environment: the page says so once, in its banner,
       * so the button carries only this short tooltip ("Reseed in progress").
       */
      busy?: string;
    };

/** What a preview may offer: reseed its database, delete it; once deleted, provision it again. */
export interface PreviewAvailability {
  reseed: Availability;
  delete: Availability;
  /** Only for a deleted preview. */
  provisionAgain?: Availability;
}

/** What a deployment row may offer: promote (a ready staging build), roll back to (production). */
export interface DeploymentAvailability {
  promote?: Availability;
  rollback?: Availability;
}
