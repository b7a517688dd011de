import { i18n } from '#i18n';
import { INTEGRATION_VOCABULARY } from '../../../lib/postback/integration-vocabulary';
import { type IntegrationFieldsProps, NumberInput, TextInput } from './fields';
import { KeyValueRows } from './KeyValueRows';

/**
 * The `tiktok_pixel` (TikTok Events API): every field of the documented object; the event name and property keys
 * offer TikTok's documented names (issue 15.5).
 */
export function TiktokFields(props: IntegrationFieldsProps) {
  return (
    <fieldset class="integration">
      <legend>{i18n.t('network.integration.tiktok')}</legend>
      <p class="hint">{i18n.t('network.integration.valuesHint')}</p>
      <NumberInput
        {...props}
        field="network_affiliate_integration_tiktok_id"
        label={i18n.t('network.integration.idTiktok')}
        hint={i18n.t('network.integration.idHint')}
      />
      <div class="field-row">
        <TextInput {...props} field="pixel_code" label={i18n.t('network.integration.pixelCode')} />
        <TextInput
          {...props}
          field="event_name"
          label={i18n.t('network.integration.eventName')}
          suggestions={INTEGRATION_VOCABULARY.tiktok.events}
        />
      </div>
      <TextInput {...props} field="url" label={i18n.t('network.integration.url')} />
      <div class="field-row">
        <TextInput {...props} field="email" label={i18n.t('network.integration.email')} />
        <TextInput {...props} field="phone" label={i18n.t('network.integration.phone')} />
      </div>
      <KeyValueRows
        {...props}
        field="properties"
        label={i18n.t('network.integration.properties')}
        placeholder="price"
        keys={INTEGRATION_VOCABULARY.tiktok.customDataKeys}
      />
    </fieldset>
  );
}
