import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AppError } from '../../lib/model/errors';
import type { Paged } from '../../lib/model/lists';
import type { OfferView } from '../../lib/model/offer';
import type { Result } from '../../lib/result';

export interface OfferBarProps {
  offerId?: number;
  offerName?: string;
  /** Where the offer came from, for the user: "from this tab" or "picked". */
  source: 'tab' | 'picked' | 'none';
  search: (text: string) => Promise<Result<Paged<OfferView>, AppError>>;
  onPick: (offer: OfferView | undefined) => void;
}

/** The offer the popup is about, and a search to pick another runnable offer. */
export function OfferBar({ offerId, offerName, source, search, onPick }: OfferBarProps) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [results, setResults] = useState<OfferView[]>([]);
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const pick = (offer: OfferView | undefined) => {
    setOpen(false);
    onPick(offer);
  };

  useEffect(() => {
    if (!open) return;
    input.current?.focus();
    let stale = false;
    const t = setTimeout(() => {
      void search(text).then((r) => {
        if (stale) return;
        if (r.ok) {
          setResults(r.value.items);
          setError(undefined);
        } else setError(r.error.message);
      });
    }, 150);
    return () => {
      stale = true;
      clearTimeout(t);
    };
  }, [open, text, search]);

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
        <button type="button" class="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {offerId ? i18n.t('popup.offer.change') : i18n.t('popup.offer.pick')}
        </button>
      </div>
      {open ? (
        <div class="offer__search">
          <input
            ref={input}
            type="search"
            aria-label={i18n.t('popup.offer.find')}
            placeholder={i18n.t('popup.offer.placeholder')}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
          />
          {error ? (
            <p role="alert" class="error">
              {error}
            </p>
          ) : null}
          <ul class="offer__results">
            {offerId ? (
              <li>
                <button type="button" class="link-button" onClick={() => pick(undefined)}>
                  {i18n.t('popup.offer.showAll')}
                </button>
              </li>
            ) : null}
            {results.map((o) => (
              <li key={o.id}>
                <button type="button" class="offer__result" onClick={() => pick(o)}>
                  {o.name} <span class="muted">#{o.id}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
