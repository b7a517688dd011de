import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Load a component after the first paint. The create and edit panels carry the URL checker and the form, which
 * the list does not need; keeping them out of the start-up bundle is what keeps the popup fast to open.
 */
export function useLazy<P>(load: () => Promise<ComponentType<P>>): ComponentType<P> | null {
  const [component, setComponent] = useState<{ c: ComponentType<P> } | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((c) => live && setComponent({ c }));
    return () => {
      live = false;
    };
  }, [load]);
  return component?.c ?? null;
}
