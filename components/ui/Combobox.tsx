import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { Result } from '../../lib/result';
import { describedBy, Field } from './Field';

/** One choice: an Everflow id and its name. */
export interface ComboOption {
  id: number;
  name: string;
}

/** Finds choices for what was typed ('' = the first ones). */
export type ComboSearch = (text: string) => Promise<Result<ComboOption[], AppError>>;

export interface ComboboxProps {
  id: string;
  label: string;
  value?: ComboOption | undefined;
  search: ComboSearch;
  onChange: (option: ComboOption | undefined) => void;
  hint?: string | undefined;
  error?: string | undefined;
  /** Debounce of searches while typing. */
  delayMs?: number;
  /** Take focus and show the first choices as soon as it appears (a picker opened by a button). */
  openOnMount?: boolean;
  /** Escape was pressed (after the list closed): the host can give focus back to what opened the picker. */
  onEscape?: (() => void) | undefined;
  /** Placeholder text of the field. */
  placeholder?: string | undefined;
}

type Found =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'ready'; options: ComboOption[] }
  | {
      kind: 'error';
      message: string;
    };

/** How a choice reads in the field and in the list. */
export function optionLabel(o: ComboOption): string {
  return `${o.name} (#${o.id})`;
}

/**
 * A searchable picker (ARIA 1.2 combobox with a listbox popup): type to search the server, arrows move
 * through the results (aria-activedescendant, focus stays in the field), Enter picks, Escape closes and puts
 * the chosen value back. Emptying the field clears the choice.
 */
export function Combobox({
  id,
  label,
  value,
  search,
  onChange,
  hint,
  error,
  delayMs = 200,
  openOnMount = false,
  onEscape,
  placeholder,
}: ComboboxProps) {
  const [text, setText] = useState(value ? optionLabel(value) : '');
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>({ kind: 'idle' });
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!openOnMount) return;
    input.current?.focus();
    setOpen(true);
  }, []);

  // Follow the value when the host changes it (a template, a cleared offer).
  useEffect(() => {
    if (document.activeElement !== input.current) setText(value ? optionLabel(value) : '');
  }, [value?.id, value?.name]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setFound({ kind: 'searching' });
    const timer = setTimeout(() => {
      search(query)
        .then((r) => {
          if (!live) return;
          setFound(r.ok ? { kind: 'ready', options: r.value } : { kind: 'error', message: r.error.message });
          setActive(0);
        })
        .catch(() => live && setFound({ kind: 'error', message: i18n.t('network.combobox.none') }));
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, query, search, delayMs]);

  const options = found.kind === 'ready' ? found.options : [];
  const current = options[Math.min(active, options.length - 1)];
  const optionId = (o: ComboOption) => `${id}-option-${o.id}`;
  useEffect(() => {
    if (open && current) document.getElementById(optionId(current))?.scrollIntoView?.({ block: 'nearest' });
  });

  const close = (restore: boolean) => {
    setOpen(false);
    if (restore) setText(value ? optionLabel(value) : '');
  };
  const pick = (o: ComboOption) => {
    setOpen(false);
    setText(optionLabel(o));
    onChange(o);
  };
  const openWith = (q: string) => {
    setQuery(q);
    setOpen(true);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const last = options.length - 1;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return openWith(value && text === optionLabel(value) ? '' : text.trim());
      if (last < 0) return;
      setActive(e.key === 'ArrowDown' ? Math.min(active + 1, last) : Math.max(active - 1, 0));
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      if (current) pick(current);
    } else if (e.key === 'Escape' && (open || onEscape)) {
      e.preventDefault();
      e.stopPropagation();
      close(true);
      onEscape?.();
    }
  };
  const onBlur = () => {
    if (text.trim() === '') {
      setOpen(false);
      if (value) onChange(undefined);
      return;
    }
    close(true);
  };

  const listId = `${id}-listbox`;
  const statusText =
    found.kind === 'searching'
      ? i18n.t('network.combobox.searching')
      : found.kind === 'error'
        ? found.message
        : found.kind === 'ready'
          ? options.length === 0
            ? i18n.t('network.combobox.none')
            : i18n.t('network.combobox.results', options.length)
          : '';
  return (
    <Field id={id} label={label} hint={hint} error={error} class="field combobox">
      <input
        id={id}
        ref={input}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        placeholder={placeholder}
        aria-autocomplete="list"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={listId}
        aria-activedescendant={open && current ? optionId(current) : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        value={text}
        onInput={(e) => {
          const next = (e.currentTarget as HTMLInputElement).value;
          setText(next);
          openWith(next.trim());
        }}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      <div class="combobox__list" role="listbox" id={listId} aria-label={label} hidden={!open}>
        {options.map((o) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useFocusableInteractive: the combobox owns the keys and focus (aria-activedescendant)
          <div
            key={o.id}
            id={optionId(o)}
            role="option"
            aria-selected={o === current ? 'true' : 'false'}
            class={`combobox__option${o === current ? ' combobox__option--active' : ''}`}
            // Keep focus in the field: a click picks, it does not move focus.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(o)}
          >
            {o.name} <span class="muted">#{o.id}</span>
          </div>
        ))}
      </div>
      <p class={open ? 'hint' : 'sr-only'} role="status">
        {open ? statusText : ''}
      </p>
    </Field>
  );
}
