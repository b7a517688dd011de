import { useCallback, useRef, useState } from 'preact/hooks';
import type { AppError } from '../lib/model/errors';
import type { PixelView } from '../lib/model/pixel';
import type { PixelStatus } from '../lib/model/vocabulary';
import type { Result } from '../lib/result';

export interface StatusToggleOptions {
  /** Ask the background to set the status; resolves with the row as Everflow now has it. */
  setStatus: (pixelId: number, status: PixelStatus) => Promise<Result<PixelView, AppError>>;
  /** Put a row (optimistic, confirmed or rolled back) in the host's list. */
  replace: (row: PixelView) => void;
  /** Called as a row changes and again when its answer is in (the popup guards its list refresh with it). */
  onChange?: (pixelId: number) => void;
}

export interface StatusToggle {
  /** Flip a row at once, then confirm it with Everflow's answer or roll it back with the specific error. */
  toggle: (pixel: PixelView) => Promise<void>;
  /** Rows waiting for their answer. */
  pending: ReadonlySet<number>;
  /** The last failure of each row, by pixel id. */
  errors: Readonly<Record<number, string>>;
  clearErrors: () => void;
}

/** The one-click status switch of the popup and the partner-postback console. */
export function useStatusToggle(options: StatusToggleOptions): StatusToggle {
  const [pending, setPending] = useState<ReadonlySet<number>>(new Set());
  const [errors, setErrors] = useState<Record<number, string>>({});
  // The latest options without re-creating `toggle` (hosts memoise rows on it).
  const opts = useRef(options);
  opts.current = options;

  const toggle = useCallback(async (p: PixelView) => {
    const { setStatus, replace, onChange } = opts.current;
    const next: PixelStatus = p.status === 'active' ? 'inactive' : 'active';
    onChange?.(p.id);
    replace({ ...p, status: next });
    setPending((s) => new Set(s).add(p.id));
    setErrors(({ [p.id]: _gone, ...rest }) => rest);
    const r = await setStatus(p.id, next);
    setPending((s) => {
      const n = new Set(s);
      n.delete(p.id);
      return n;
    });
    onChange?.(p.id);
    if (r.ok) replace(r.value);
    else {
      replace(p);
      setErrors((e) => ({ ...e, [p.id]: r.error.message }));
    }
  }, []);
  const clearErrors = useCallback(() => setErrors({}), []);
  return { toggle, pending, errors, clearErrors };
}
