import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Load a component once `enabled` turns true, after the browser is idle. The create and edit panels carry the
 * URL checker and the form, which the list does not need; loading them after the list has painted is what keeps
 * the popup fast to open.
 */
export function useLazy<P>(load: () => Promise<ComponentType<P>>, enabled: boolean): ComponentType<P> | null {
  const [component, setComponent] = useState<{ c: ComponentType<P> } | null>(null);
  useEffect(() => {
    if (!enabled || component) return;
    let live = true;
    const go = () => void load().then((c) => live && setComponent({ c }));
    // After the browser is idle (the timeout caps the wait on a busy machine); a short timer where there is no
    // requestIdleCallback (Safari, test DOMs).
    const cancel =
      typeof requestIdleCallback === 'function'
        ? (
            (h) => () =>
              cancelIdleCallback(h)
          )(requestIdleCallback(go, { timeout: 300 }))
        : (
            (h) => () =>
              clearTimeout(h)
          )(setTimeout(go, 50));
    return () => {
      live = false;
      cancel();
    };
  }, [load, enabled, component]);
  return component?.c ?? null;
}
