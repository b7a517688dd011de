import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';
import type { OfferView } from '../../lib/model/offer';
import { SelectField } from '../ui/SelectField';
import { EventPicker, type LoadEvents } from './EventPicker';
import type { FormField, PostbackFormValue } from './model';

export interface OfferEventRowProps {
  /** The form's id prefix. */
  id: string;
  value: PostbackFormValue;
  /** Offers for a plain select (popup, affiliate side). */
  offers?: readonly OfferView[] | undefined;
  /** A picker the host renders instead of the select (network side: a searchable combobox). */
  offerField?: ComponentChildren;
  loadEvents?: LoadEvents | undefined;
  errors: Partial<Record<FormField, string>>;
  onChange: (patch: Partial<PostbackFormValue>) => void;
}

/** The offer, and for event postbacks at offer level, the event picked from the offer's events. */
export function OfferEventRow({
  id,
  value,
  offers,
  offerField,
  loadEvents,
  errors,
  onChange,
}: OfferEventRowProps) {
  const offerId = value.offerId;
  const showEvents = value.pixelType === 'event' && value.level !== 'global' && offerId && loadEvents;
  return (
    <div class="field-row">
      {offerField ??
        (offers && value.level === 'global' ? (
          // A global postback fires on every offer: there is no offer to choose (as in the network form).
          <fieldset class="field">
            <legend>{i18n.t('form.offer.label')}</legend>
            <p class="fixed-id">{i18n.t('form.offer.all')}</p>
          </fieldset>
        ) : (
          offers && (
            <SelectField
              id={`${id}-offer`}
              label={i18n.t('form.offer.label')}
              value={offerId ? String(offerId) : ''}
              options={[
                { value: '', label: i18n.t('form.offer.none') },
                ...offers.map((o) => ({ value: String(o.id), label: `${o.name} (#${o.id})` })),
              ]}
              onChange={(v) => onChange({ offerId: v ? Number(v) : undefined, eventId: undefined })}
              error={errors.offerId}
            />
          )
        ))}
      {showEvents && (
        <EventPicker
          id={`${id}-event`}
          offerId={offerId}
          loadEvents={loadEvents}
          value={value.eventId}
          onChange={(eventId) => onChange({ eventId })}
          error={errors.eventId}
        />
      )}
    </div>
  );
}
