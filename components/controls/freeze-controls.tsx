'use client';

import { MAX_FREEZE_REASON_LENGTH } from '@/lib/domain/freeze';
import { type ControlAction, ControlDialog, ControlField, INPUT_CLASS } from './control-dialog';

/** Set production's freeze window, or clear the one set (active or upcoming). */
export function FreezeControls({
  productionName,
  frozen,
  actions,
}: {
  productionName: string;
  /** A window is set, active or upcoming. */
  frozen: boolean;
  actions: { freeze: ControlAction; clear: ControlAction };
}) {
  if (frozen) {
    return (
      <ControlDialog
        label="Clear freeze…"
        title={`Clear the freeze on ${productionName}`}
        action={actions.clear}
        fields={{}}
        submitLabel="Clear freeze"
        testId="clear-freeze-button"
      >
        <p>Promotions to {productionName} are allowed again as soon as the freeze is cleared.</p>
      </ControlDialog>
    );
  }
  return (
    <ControlDialog
      label="Freeze production…"
      title={`Freeze ${productionName}`}
      action={actions.freeze}
      fields={{}}
      submitLabel="Freeze"
      testId="freeze-button"
    >
      <p>
        During the window every promotion to {productionName} is refused and every board page says
        so; rollbacks stay allowed.
      </p>
      <ControlField label="From" hint="UTC; blank for now">
        <input type="datetime-local" name="from" className={INPUT_CLASS} />
      </ControlField>
      <ControlField label="Until" hint="UTC">
        <input type="datetime-local" name="until" required className={INPUT_CLASS} />
      </ControlField>
      <ControlField label="Reason">
        <textarea
          name="reason"
          required
          maxLength={MAX_FREEZE_REASON_LENGTH}
          rows={2}
          className={INPUT_CLASS}
        />
      </ControlField>
    </ControlDialog>
  );
}
