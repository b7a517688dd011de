import { i18n } from '#i18n';
import { DELIVERY_METHODS, type DeliveryMethod, type PixelType } from '../../lib/model/vocabulary';
import { deliveryLabel, pixelTypeOptions } from '../postback-form/labels';
import { Combobox, type ComboOption, type ComboSearch } from '../ui/Combobox';
import { SelectField } from '../ui/SelectField';

/** What the console filters on; `text` is what was typed (the search waits for a pause). */
export interface ConsoleFilterValue {
  text: string;
  status: '' | 'active' | 'inactive';
  type: '' | PixelType;
  method: '' | DeliveryMethod;
  offer?: ComboOption | undefined;
  partner?: ComboOption | undefined;
}

/** No filter at all. */
export const NO_FILTERS: ConsoleFilterValue = { text: '', status: '', type: '', method: '' };

export interface ConsoleFiltersProps {
  value: ConsoleFilterValue;
  onChange: (next: ConsoleFilterValue) => void;
  searchOffers: ComboSearch;
  searchPartners: ComboSearch;
}

/** The console's search box and filters: status, type, delivery method, offer, partner. */
export function ConsoleFilters({ value, onChange, searchOffers, searchPartners }: ConsoleFiltersProps) {
  const set = (patch: Partial<ConsoleFilterValue>) => onChange({ ...value, ...patch });
  const any = i18n.t('network.filter.any');
  return (
    <search class="pp-filters" aria-label={i18n.t('network.filters')}>
      <div class="field pp-filters__search">
        <label for="pp-search">{i18n.t('network.search.label')}</label>
        <input
          id="pp-search"
          type="search"
          autocomplete="off"
          placeholder={i18n.t('network.search.placeholder')}
          value={value.text}
          onInput={(e) => set({ text: (e.currentTarget as HTMLInputElement).value })}
        />
      </div>
      <fieldset class="pp-filters__fields">
        <legend class="sr-only">{i18n.t('network.filters')}</legend>
        <div class="field-row">
          <SelectField
            id="pp-filter-status"
            label={i18n.t('form.status.label')}
            value={value.status}
            options={[
              { value: '', label: any },
              { value: 'active', label: i18n.t('form.status.active') },
              { value: 'inactive', label: i18n.t('form.status.inactive') },
            ]}
            onChange={(status) => set({ status })}
          />
          <SelectField<'' | PixelType>
            id="pp-filter-type"
            label={i18n.t('form.pixelType.label')}
            value={value.type}
            options={[{ value: '', label: any }, ...pixelTypeOptions()]}
            onChange={(type) => set({ type })}
          />
          <SelectField<'' | DeliveryMethod>
            id="pp-filter-method"
            label={i18n.t('form.method.label')}
            value={value.method}
            options={[
              { value: '', label: any },
              ...DELIVERY_METHODS.map((m) => ({ value: m, label: deliveryLabel(m) })),
            ]}
            onChange={(method) => set({ method })}
          />
        </div>
        <div class="field-row">
          <Combobox
            id="pp-filter-offer"
            label={i18n.t('form.offer.label')}
            value={value.offer}
            search={searchOffers}
            onChange={(offer) => set({ offer })}
          />
          <Combobox
            id="pp-filter-partner"
            label={i18n.t('form.partner.label')}
            value={value.partner}
            search={searchPartners}
            onChange={(partner) => set({ partner })}
          />
        </div>
      </fieldset>
    </search>
  );
}
