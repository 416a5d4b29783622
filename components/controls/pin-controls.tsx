'use client';

import type { Availability } from '@/lib/domain/availability';
import { MAX_PIN_REASON_LENGTH, type PinView } from '@/lib/domain/pins';
import { type ControlAction, ControlDialog, ControlField, INPUT_CLASS } from './control-dialog';

export interface PinActions {
  pin: ControlAction;
  unpin: ControlAction;
  /** The latest end date the form offers (PREVIEW_MAX_PIN_DAYS from today), `YYYY-MM-DD`. */
  latestEnd: string;
  maxDays: number;
}

/** Pin a preview until a date, for a reason; or unpin it. The server decides again. */
export function PinControls({
  preview,
  pin,
  availability,
  actions,
  size = 'sm',
}: {
  preview: { id: number; name: string };
  pin: PinView | null;
  availability: Availability;
  actions: PinActions;
  size?: 'sm' | 'md';
}) {
  if (pin) {
    return (
      <ControlDialog
        label="Unpin"
        title={`Unpin ${preview.name}`}
        action={actions.unpin}
        fields={{ environmentId: preview.id }}
        submitLabel="Unpin"
        availability={availability}
        size={size}
        testId="unpin-button"
      >
        <p>
          {preview.name} follows its TTL again from its last activity: the nightly cleanup may
          delete it once it has been idle that long.
        </p>
      </ControlDialog>
    );
  }
  return (
    <ControlDialog
      label="Pin…"
      title={`Pin ${preview.name}`}
      action={actions.pin}
      fields={{ environmentId: preview.id }}
      submitLabel="Pin preview"
      availability={availability}
      size={size}
      testId="pin-button"
    >
      <p>
        A pinned preview is kept past its TTL until the end date (at most {actions.maxDays} days),
        then follows its TTL again.
      </p>
      <ControlField label="Until" hint="end of that day, UTC">
        <input
          type="date"
          name="until"
          required
          max={actions.latestEnd}
          defaultValue={actions.latestEnd}
          className={INPUT_CLASS}
        />
      </ControlField>
      <ControlField label="Reason">
        <textarea
          name="reason"
          required
          maxLength={MAX_PIN_REASON_LENGTH}
          rows={2}
          className={INPUT_CLASS}
        />
      </ControlField>
    </ControlDialog>
  );
}
