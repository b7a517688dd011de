import type { PixelView } from '../lib/model/pixel';

export interface StatusSwitchProps {
  pixel: PixelView;
  /** The accessible name; it carries the postback id ("Postback 123"). */
  label: string;
  /** True while the change waits for Everflow. */
  pending: boolean;
  /** The id of the element with this row's error, when there is one. */
  errorId?: string | undefined;
  onToggle: (pixel: PixelView) => void;
}

/** A postback's one-click status switch (`role="switch"`), shared by the popup and the partner-postback console. */
export function StatusSwitch({ pixel, label, pending, errorId, onToggle }: StatusSwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      class="switch"
      aria-checked={pixel.status === 'active'}
      aria-label={label}
      aria-describedby={errorId}
      aria-busy={pending}
      disabled={pending}
      onClick={() => onToggle(pixel)}
    >
      <span class="switch__knob" aria-hidden="true" />
    </button>
  );
}
