import type { PinActions } from '@/components/controls/pin-controls';
import { latestPinEnd } from '@/lib/domain/pins';
import { maxPinDaysFromEnv } from '@/lib/operations/pin-settings';
import { pinPreviewAction, unpinPreviewAction } from './pin';

/** What a page hands the pin controls: the actions and PREVIEW_MAX_PIN_DAYS from `now`. */
export function pinningActions(now: Date): PinActions {
  const maxDays = maxPinDaysFromEnv();
  return {
    pin: pinPreviewAction,
    unpin: unpinPreviewAction,
    maxDays,
    latestEnd: latestPinEnd(now, maxDays).toISOString().slice(0, 10),
  };
}
