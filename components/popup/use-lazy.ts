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
    // requestIdleCallback exists in every browser we ship to; the timeout caps the wait on a busy machine.
    const handle = requestIdleCallback(go, { timeout: 300 });
    return () => {
      live = false;
      cancelIdleCallback(handle);
    };
  }, [load, enabled, component]);
  return component?.c ?? null;
}
