import { i18n } from '#i18n';
import { type IntegrationFieldsProps, NumberInput, TextInput } from './fields';

/** The `rumble_pixel` (Rumble Ads conversion): every field of the documented object. */
export function RumbleFields(props: IntegrationFieldsProps) {
  return (
    <fieldset class="integration">
      <legend>{i18n.t('network.integration.rumble')}</legend>
      <NumberInput
        {...props}
        field="network_affiliate_integration_rumble_id"
        label={i18n.t('network.integration.idRumble')}
        hint={i18n.t('network.integration.idHint')}
      />
      <div class="field-row">
        <NumberInput
          {...props}
          field="conversion_action_id"
          label={i18n.t('network.integration.conversionActionId')}
        />
        <TextInput
          {...props}
          field="conversion_action_name"
          label={i18n.t('network.integration.conversionActionName')}
        />
      </div>
    </fieldset>
  );
}
