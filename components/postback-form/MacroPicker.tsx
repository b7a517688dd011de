import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { isFilledFor, type MacroInfo, type PixelType } from '../../lib/postback/macros';
import { groupMacros, pixelTypeLabel } from './macro-groups';

export interface MacroPickerProps {
  /** The form's pixel type: macros Everflow does not fill for it are marked. */
  pixelType?: PixelType;
  /** Insert the macro (with braces) where the caret is. */
  onInsert: (token: string) => void;
  /** The catalogue to offer (tests pass a small one). */
  macros?: readonly MacroInfo[];
  /** The button's accessible name when a page has several pickers ("Insert macro into User data"; it keeps the visible text). */
  label?: string | undefined;
}

/**
 * "Insert macro": a button that opens a searchable, grouped list of the macro catalogue. Focus stays in the
 * search box (a combobox); arrow keys move through the list (aria-activedescendant), Enter inserts, Escape
 * closes and gives focus back to the button.
 */
export function MacroPicker({ pixelType, onInsert, macros, label }: MacroPickerProps) {
  const base = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const search = useRef<HTMLInputElement>(null);

  const groups = useMemo(() => groupMacros(query, macros), [query, macros]);
  const flat = useMemo(() => groups.flatMap((g) => g.macros), [groups]);
  const optionId = (m: MacroInfo) => `${base}-m-${m.name}`;
  const current = flat[Math.min(active, flat.length - 1)];

  useEffect(() => {
    if (open) search.current?.focus();
  }, [open]);
  useEffect(() => {
    if (!open || !current) return;
    // scrollIntoView is missing in some test DOMs; the list still works without it.
    document.getElementById(optionId(current))?.scrollIntoView?.({ block: 'nearest' });
  });

  const close = (refocus: boolean) => {
    setOpen(false);
    setQuery('');
    setActive(0);
    if (refocus) button.current?.focus();
  };
  const insert = (m: MacroInfo) => {
    close(false);
    onInsert(m.token);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const last = flat.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => Math.min(active + 1, last),
      ArrowUp: () => Math.max(active - 1, 0),
      Home: () => 0,
      End: () => last,
      PageDown: () => Math.min(active + 8, last),
      PageUp: () => Math.max(active - 8, 0),
    };
    const move = moves[e.key];
    if (move && flat.length > 0) {
      e.preventDefault();
      setActive(move());
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (current) insert(current);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    }
  };
  const onFocusOut = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    const root = (e.currentTarget as HTMLElement).parentElement;
    if (next && root?.contains(next)) return;
    close(false);
  };

  const dialogId = `${base}-dialog`;
  const listId = `${base}-list`;
  const searchId = `${base}-search`;
  const hintId = `${base}-hint`;
  return (
    <div class="macro-picker">
      <button
        type="button"
        ref={button}
        class="button"
        aria-haspopup="dialog"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={open ? dialogId : undefined}
        aria-label={label}
        onClick={() => (open ? close(true) : setOpen(true))}
      >
        {i18n.t('macros.insert')}
      </button>
      {open && (
        <div
          class="macro-picker__popover"
          role="dialog"
          id={dialogId}
          aria-label={i18n.t('macros.insert')}
          onFocusOut={onFocusOut}
        >
          <label for={searchId}>{i18n.t('macros.search')}</label>
          <input
            id={searchId}
            ref={search}
            type="text"
            role="combobox"
            autocomplete="off"
            spellcheck={false}
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-describedby={hintId}
            aria-activedescendant={current ? optionId(current) : undefined}
            value={query}
            onInput={(e) => {
              setQuery((e.currentTarget as HTMLInputElement).value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <p id={hintId} class="hint">
            {i18n.t('macros.keys')}
          </p>
          <div class="macro-picker__list" role="listbox" id={listId} aria-label={i18n.t('macros.list')}>
            {groups.map((g) => (
              // biome-ignore lint/a11y/useSemanticElements: a listbox may only own groups and options, not fieldsets
              <div role="group" key={g.id} aria-labelledby={`${base}-g-${g.id}`}>
                <div role="presentation" class="macro-picker__group" id={`${base}-g-${g.id}`}>
                  {g.label}
                </div>
                {g.macros.map((m) => (
                  <MacroOption
                    key={m.name}
                    id={optionId(m)}
                    macro={m}
                    pixelType={pixelType}
                    selected={m === current}
                    onPick={() => insert(m)}
                  />
                ))}
              </div>
            ))}
          </div>
          {flat.length === 0 && (
            <p class="hint" role="status">
              {i18n.t('macros.none')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/** The meaning without the catalogue's "UNCONFIRMED…:" lead-in (the row shows a badge instead). */
function meaning(macro: MacroInfo): string {
  const text = macro.description.replace(/^UNCONFIRMED[^:]*:\s*/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface MacroOptionProps {
  id: string;
  macro: MacroInfo;
  pixelType?: PixelType;
  selected: boolean;
  onPick: () => void;
}

/** One row: the macro, its meaning, the pixel types Everflow fills it for, and whether that is confirmed. */
function MacroOption({ id, macro, pixelType, selected, onPick }: MacroOptionProps) {
  const unfilled = pixelType !== undefined && !isFilledFor(macro, pixelType);
  const types =
    macro.pixelTypes.length === 0
      ? i18n.t('macros.notFilled')
      : i18n.t('macros.filledFor', [macro.pixelTypes.map(pixelTypeLabel).join(', ')]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/useFocusableInteractive: the combobox owns the keys and focus (aria-activedescendant)
    <div
      role="option"
      id={id}
      aria-selected={selected ? 'true' : 'false'}
      class={`macro-option${selected ? ' macro-option--active' : ''}${unfilled ? ' macro-option--unfilled' : ''}`}
      // Keep focus in the search box: a click picks, it does not move focus.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPick}
    >
      <code class="macro-option__token">{macro.token}</code>
      <span class="macro-option__desc">{meaning(macro)}</span>
      <span class="macro-option__types">
        {types}
        {unfilled && pixelType && ` · ${i18n.t('macros.notForType', [pixelTypeLabel(pixelType)])}`}
        {!macro.confirmed && <span class="badge badge--warn">{i18n.t('macros.unconfirmed')}</span>}
      </span>
    </div>
  );
}
