import { i18n } from '#i18n';
import { Field } from '../ui/Field';

export interface DescriptionFieldProps {
  id: string;
  value: string;
  onInput: (value: string) => void;
}

/** The network postback's description: free text for the network's team. */
export function DescriptionField({ id, value, onInput }: DescriptionFieldProps) {
  return (
    <Field id={id} label={i18n.t('form.description.label')} hint={i18n.t('form.description.hint')}>
      <input
        id={id}
        type="text"
        autocomplete="off"
        maxLength={1000}
        value={value}
        aria-describedby={`${id}-hint`}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </Field>
  );
}
