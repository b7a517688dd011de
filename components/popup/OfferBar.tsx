import type { ComponentType } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { Paged } from '../../lib/model/lists';
import type { OfferView } from '../../lib/model/offer';
import { ok, type Result } from '../../lib/result';
import type { ComboboxProps, ComboOption } from '../ui/Combobox';

// The picker loads when "Change offer" is first opened (at once, not when idle: the user is waiting for it), so it
// stays out of the popup's start-up bundle.
const loadCombobox = () => import('../ui/Combobox').then((m) => m.Combobox);

export interface OfferBarProps {
  offerId?: number;
  offerName?: string;
  /** Where the offer came from, for the user: "from this tab" or "picked". */
  source: 'tab' | 'picked' | 'none';
  search: (text: string) => Promise<Result<Paged<OfferView>, AppError>>;
  onPick: (offer: OfferView | undefined) => void;
}

/**
 * The offer the popup is about, and "Change offer": a real combobox (issue 15.5) that opens on the first offers,
 * searches as you type, moves with the arrows, picks with Enter, and gives focus back to its button on Escape.
 */
export function OfferBar({ offerId, offerName, source, search, onPick }: OfferBarProps) {
  const [open, setOpen] = useState(false);
  const [Combobox, setCombobox] = useState<ComponentType<ComboboxProps> | null>(null);
  useEffect(() => {
    if (open && !Combobox) void loadCombobox().then((c) => setCombobox(() => c));
  }, [open, Combobox]);
  const button = useRef<HTMLButtonElement>(null);
  // The offers of the last answer, so a pick hands the host the whole offer (events included when known).
  const seen = useRef(new Map<number, OfferView>());
  const find = useCallback(
    async (text: string): Promise<Result<ComboOption[], AppError>> => {
      const r = await search(text);
      if (!r.ok) return r;
      for (const o of r.value.items) seen.current.set(o.id, o);
      return ok(r.value.items.map((o) => ({ id: o.id, name: o.name })));
    },
    [search],
  );
  const close = () => {
    setOpen(false);
    setTimeout(() => button.current?.focus(), 0);
  };
  const pick = (offer: OfferView | undefined) => {
    setOpen(false);
    onPick(offer);
  };

  return (
    <section class="offer" aria-label={i18n.t('popup.offer.label')}>
      <div class="offer__line">
        {offerId ? (
          <p class="offer__name" data-offer-id={offerId}>
            <strong>{offerName ?? i18n.t('popup.offerN', [String(offerId)])}</strong>{' '}
            <span class="muted">#{offerId}</span>
            {source === 'tab' ? <span class="muted">{i18n.t('popup.offer.fromTab')}</span> : null}
          </p>
        ) : (
          <p class="offer__name muted">{i18n.t('popup.offer.none')}</p>
        )}
        <button
          ref={button}
          type="button"
          class="link-button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {offerId ? i18n.t('popup.offer.change') : i18n.t('popup.offer.pick')}
        </button>
      </div>
      {open ? (
        <div class="offer__search">
          {Combobox ? (
            <Combobox
              id="offer-search"
              label={i18n.t('popup.offer.find')}
              placeholder={i18n.t('popup.offer.placeholder')}
              search={find}
              openOnMount
              delayMs={150}
              onChange={(o) => {
                if (o) pick(seen.current.get(o.id) ?? { id: o.id, name: o.name, events: [] });
              }}
              onEscape={close}
            />
          ) : null}
          {offerId ? (
            <button type="button" class="link-button" onClick={() => pick(undefined)}>
              {i18n.t('popup.offer.showAll')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
