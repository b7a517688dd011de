import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

// A windowed list, written here rather than taken from a library: the popup's start-up bundle is held to 25 KB
// gzip, the rows are in the document's own scroll (the popup and the options page scroll as pages, not in a
// box), and the list must stay a real list (ul/li, so list/listitem, with aria-setsize/aria-posinset) with arrow-key
// moves between rows. react-window and @tanstack/virtual each want their own scroll box and React (preact/compat);
// what is needed here is ~150 lines.

/** What a row must put on its `<li>`: its place in the whole list, for screen readers and key moves. */
export interface RowPlace {
  'aria-posinset': number;
  'aria-setsize': number;
  'data-index': number;
}

export interface VirtualListProps<T> {
  items: readonly T[];
  keyOf: (item: T) => string | number;
  /** A row's height before it has been measured, in px. */
  estimate: number;
  /** One row: an `<li>` carrying `place`. */
  renderItem: (item: T, place: RowPlace) => ComponentChildren;
  label: string;
  class?: string;
  busy?: boolean;
  /** Rows kept rendered beyond the screen, in px, so a fast scroll shows rows rather than gaps. */
  overscan?: number;
  /**
   * Up to this many items every row is rendered (no windowing): a short list costs what it always did, the
   * page's find-in-page sees every row, and nothing shifts while rows are measured.
   */
  windowFrom?: number;
  /**
   * The length of the whole list when `items` is only its start (the rest is on its way): said in
   * aria-setsize, and kept as height below the rows.
   */
  setSize?: number;
}

/** The list length from which rows off screen are left out, unless a list says otherwise. */
export const WINDOW_FROM = 100;

const KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);
const FOCUSABLE = 'button:not([disabled]), a[href], input, select, [tabindex]:not([tabindex="-1"])';

/** The first index whose row ends below `y` (binary search over the rows' start offsets). */
function indexAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] ?? 0) <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/**
 * Renders only the rows on screen (and `overscan` px around them) of a list in the page's scroll; the rest is
 * padding of the right height. Row heights are measured as rows render and remembered by key. Arrow keys, Home,
 * End, PageUp and PageDown move focus to the same control of another row, scrolling it into view.
 */
export function VirtualList<T>({
  items,
  keyOf,
  estimate,
  renderItem,
  label,
  class: className,
  busy,
  overscan = 600,
  windowFrom = WINDOW_FROM,
  setSize,
}: VirtualListProps<T>) {
  const size = Math.max(items.length, setSize ?? 0);
  const ref = useRef<HTMLUListElement>(null);
  const heights = useRef(new Map<string | number, number>());
  // The item each height was measured for: a row shown again with the same item is not measured again, so
  // scrolling over rows already seen forces no layout.
  const measuredFor = useRef(new WeakMap<object, number>());
  const [measured, setMeasured] = useState(0);
  const [view, setView] = useState(() => ({
    top: 0,
    bottom: (typeof window === 'undefined' ? 800 : window.innerHeight) + overscan,
  }));
  const pendingFocus = useRef<{ index: number; slot: number } | null>(null);

  // Row start offsets (n + 1 entries): O(n) additions, redone when the items or a measured height change.
  const offsets = useMemo(() => {
    const o = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) {
      o[i + 1] = (o[i] ?? 0) + (heights.current.get(keyOf(items[i] as T)) ?? estimate);
    }
    return o;
  }, [items, measured, estimate]);

  const windowed = items.length > windowFrom;
  const total = offsets[items.length] ?? 0;
  let start = 0;
  let end = items.length;
  if (windowed) {
    start = Math.min(indexAt(offsets, Math.max(0, view.top - overscan)), Math.max(0, items.length - 1));
    end = start;
    while (end < items.length && (offsets[end] ?? 0) < view.bottom) end++;
    end = Math.max(end, Math.min(items.length, start + 1));
  }

  // Follow the page's scroll and size, at most once a frame.
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const el = ref.current;
      if (!el) return;
      const top = -el.getBoundingClientRect().top;
      setView((v) => {
        const next = { top, bottom: top + window.innerHeight + overscan };
        return Math.abs(v.top - next.top) < 1 && Math.abs(v.bottom - next.bottom) < 1 ? v : next;
      });
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [overscan]);

  // Measure what rendered; a changed height re-renders once with the right offsets. Then a pending key move
  // lands its focus.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let changed = false;
    // A short list renders every row: its heights only matter once it grows into a window.
    for (const li of windowed ? (Array.from(el.children) as HTMLElement[]) : []) {
      const index = Number(li.dataset.index);
      const item = items[index];
      if (item === undefined) continue;
      const key = keyOf(item);
      const isObject = typeof item === 'object' && item !== null;
      if (isObject && measuredFor.current.has(item) && heights.current.has(key)) continue;
      const h = li.offsetHeight;
      if (!h) continue;
      if (isObject) measuredFor.current.set(item, h);
      if (Math.abs((heights.current.get(key) ?? estimate) - h) > 0.5) changed = true;
      heights.current.set(key, h);
    }
    if (changed) setMeasured((n) => n + 1);
    const want = pendingFocus.current;
    if (want) {
      const row = el.querySelector<HTMLElement>(`:scope > [data-index="${want.index}"]`);
      const targets = row ? Array.from(row.querySelectorAll<HTMLElement>(FOCUSABLE)) : [];
      const target = targets[Math.min(want.slot, targets.length - 1)];
      if (target) {
        pendingFocus.current = null;
        target.focus();
      }
    }
  });

  const onKeyDown = (e: KeyboardEvent) => {
    if (!KEYS.has(e.key) || !(e.target instanceof HTMLElement)) return;
    if (e.target.matches('input, select, textarea')) return;
    const row = e.target.closest<HTMLElement>('[data-index]');
    if (!row || row.parentElement !== ref.current) return;
    const from = Number(row.dataset.index);
    const page = Math.max(1, Math.floor(window.innerHeight / estimate) - 1);
    const step: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      Home: 0,
      End: items.length - 1,
      PageDown: from + page,
      PageUp: from - page,
    };
    const index = Math.min(items.length - 1, Math.max(0, step[e.key] ?? from));
    e.preventDefault();
    if (index === from) return;
    const slot = Math.max(0, Array.from(row.querySelectorAll(FOCUSABLE)).indexOf(e.target));
    if (!windowed) {
      // Every row is there: focus scrolls it into view.
      const to = ref.current?.querySelector<HTMLElement>(`:scope > [data-index="${index}"]`);
      const targets = to ? Array.from(to.querySelectorAll<HTMLElement>(FOCUSABLE)) : [];
      targets[Math.min(slot, targets.length - 1)]?.focus();
      return;
    }
    pendingFocus.current = { index, slot };
    // Scroll the row into view; the scroll handler renders it, and the layout effect focuses it.
    const listTop = (ref.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
    const y = listTop + (offsets[index] ?? 0);
    const h = (offsets[index + 1] ?? y) - (offsets[index] ?? 0);
    if (y < window.scrollY) window.scrollTo(0, y);
    else if (y + h > window.scrollY + window.innerHeight) window.scrollTo(0, y + h - window.innerHeight);
    const top = y - listTop;
    setView({ top: top - window.innerHeight / 2, bottom: top + window.innerHeight / 2 + overscan });
  };

  return (
    <ul
      ref={ref}
      class={className}
      aria-label={label}
      aria-busy={busy ? 'true' : undefined}
      style={{
        paddingTop: `${offsets[start] ?? 0}px`,
        paddingBottom: `${total - (offsets[end] ?? total) + (size - items.length) * estimate}px`,
      }}
      onKeyDown={onKeyDown}
    >
      {items.slice(start, end).map((item, i) =>
        renderItem(item, {
          'aria-posinset': start + i + 1,
          'aria-setsize': size,
          'data-index': start + i,
        }),
      )}
    </ul>
  );
}
