import { i18n } from '#i18n';
import { type IntegrationFieldsProps, NumberInput, TextInput } from './fields';
import { KeyValueRows } from './KeyValueRows';

/** The network `facebook_pixel` (Meta Conversions API): every field of the documented object. */
export function FacebookFields(props: IntegrationFieldsProps) {
  return (
    <fieldset class="integration">
      <legend>{i18n.t('network.integration.facebook')}</legend>
      <p class="hint">{i18n.t('network.integration.valuesHint')}</p>
      <NumberInput
        {...props}
        field="network_affiliate_integration_facebook_business_id"
        label={i18n.t('network.integration.idFacebook')}
        hint={i18n.t('network.integration.idHint')}
      />
      <div class="field-row">
        <TextInput {...props} field="pixel_id" label={i18n.t('network.integration.pixelId')} />
        <TextInput {...props} field="event_name" label={i18n.t('network.integration.eventName')} />
      </div>
      <div class="field-row">
        <TextInput {...props} field="event_id" label={i18n.t('network.integration.eventId')} />
        <TextInput {...props} field="action_source" label={i18n.t('network.integration.actionSource')} />
      </div>
      <TextInput {...props} field="event_source_url" label={i18n.t('network.integration.eventSourceUrl')} />
      <KeyValueRows
        {...props}
        field="user_data"
        label={i18n.t('network.integration.userData')}
        placeholder="email"
      />
      <KeyValueRows
        {...props}
        field="custom_data"
        label={i18n.t('network.integration.customData')}
        placeholder="value"
      />
    </fieldset>
  );
}
