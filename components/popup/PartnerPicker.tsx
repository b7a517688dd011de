import { i18n } from '#i18n';
import { Combobox, type ComboOption, type ComboSearch } from '../ui/Combobox';

export interface PartnerPickerProps {
  value?: ComboOption | undefined;
  search: ComboSearch;
  onChange: (partner: ComboOption | undefined) => void;
  error?: string | undefined;
}

/** Network profiles: the partner a new postback from a template is for (searchable, by name or id). */
export function PartnerPicker({ value, search, onChange, error }: PartnerPickerProps) {
  return (
    <div class="create__partner">
      <Combobox
        id="create-partner"
        label={i18n.t('popup.create.partner')}
        value={value}
        search={search}
        onChange={onChange}
        error={error}
      />
    </div>
  );
}
