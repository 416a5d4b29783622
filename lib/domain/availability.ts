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
       * A short reason the button carries as its tooltip, instead of the sentence beside every
       * row: "Reseed in progress" while another operation holds the environment (the page's
       * banner says so once), or who may delete a preview.
       */
      brief?: string;
    };

/** What a preview may offer: reseed its database, delete it; once deleted, provision it again. */
export interface PreviewAvailability {
  reseed: Availability;
  delete: Availability;
  /** Pin or unpin it: a live preview only, by its author, a release manager or an admin. */
  pin?: Availability;
  /** Only for a deleted preview. */
  provisionAgain?: Availability;
}

/** What a deployment row may offer: promote (a ready staging build), roll back to (production). */
export interface DeploymentAvailability {
  promote?: Availability;
  rollback?: Availability;
}
