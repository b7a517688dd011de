import { i18n } from '#i18n';
import { INTEGRATION_VOCABULARY } from '../../../lib/postback/integration-vocabulary';
import { type IntegrationFieldsProps, TextInput } from './fields';
import { SecretField } from './SecretField';

/**
 * The affiliate `facebook_pixel` (reference §2.1): `{ pixel_id, event_name, access_token }`, a smaller object than
 * the network's. The token shows masked and can be replaced, never read.
 */
export function AffiliateFacebookFields(props: IntegrationFieldsProps) {
  return (
    <fieldset class="integration">
      <legend>{i18n.t('network.integration.facebook')}</legend>
      <div class="field-row">
        <TextInput {...props} field="pixel_id" label={i18n.t('network.integration.pixelId')} />
        <TextInput
          {...props}
          field="event_name"
          label={i18n.t('network.integration.eventName')}
          suggestions={INTEGRATION_VOCABULARY.facebook.events}
        />
      </div>
      <SecretField {...props} field="access_token" label={i18n.t('network.integration.accessToken')} />
    </fieldset>
  );
}
