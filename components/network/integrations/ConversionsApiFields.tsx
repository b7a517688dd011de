import { i18n } from '#i18n';
import { INTEGRATION_VOCABULARY } from '../../../lib/postback/integration-vocabulary';
import { type IntegrationFieldsProps, NumberInput, TextInput } from './fields';
import { KeyValueRows } from './KeyValueRows';
import { SecretField } from './SecretField';

/** What differs between the Meta and Snapchat objects: the legend and two keys. */
export interface ConversionsApiShape {
  legend: string;
  /** The partner integration id key, e.g. network_affiliate_integration_facebook_business_id. */
  idField: string;
  idLabel: string;
  /** The pixel key: `pixel_id` (Meta) or `asset_id` (Snapchat). */
  pixelField: string;
  pixelLabel: string;
  /** Whose documented names the fields offer. */
  platform: 'facebook' | 'snapchat';
}

/**
 * The Meta and Snapchat conversions-API objects: the seed documents the same fields for both (integration id,
 * pixel or asset id, event name and id, action source, event source URL, user_data and custom_data rows). The
 * event name, action source and row keys offer the platform's documented names (issue 15.5).
 */
export function ConversionsApiFields({
  shape,
  ...props
}: IntegrationFieldsProps & { shape: ConversionsApiShape }) {
  const vocabulary = INTEGRATION_VOCABULARY[shape.platform];
  return (
    <fieldset class="integration">
      <legend>{shape.legend}</legend>
      <p class="hint">{i18n.t('network.integration.valuesHint')}</p>
      <NumberInput
        {...props}
        field={shape.idField}
        label={shape.idLabel}
        hint={i18n.t('network.integration.idHint')}
      />
      <div class="field-row">
        <TextInput {...props} field={shape.pixelField} label={shape.pixelLabel} />
        <TextInput
          {...props}
          field="event_name"
          label={i18n.t('network.integration.eventName')}
          suggestions={vocabulary.events}
        />
      </div>
      <div class="field-row">
        <TextInput {...props} field="event_id" label={i18n.t('network.integration.eventId')} />
        <TextInput
          {...props}
          field="action_source"
          label={i18n.t('network.integration.actionSource')}
          suggestions={vocabulary.actionSources}
        />
      </div>
      <TextInput {...props} field="event_source_url" label={i18n.t('network.integration.eventSourceUrl')} />
      {shape.platform === 'facebook' && (
        // Meta's Conversions API token: shown as set or not set, replaceable, never its value.
        <SecretField {...props} field="access_token" label={i18n.t('network.integration.accessToken')} />
      )}
      <KeyValueRows
        {...props}
        field="user_data"
        label={i18n.t('network.integration.userData')}
        placeholder="email"
        keys={vocabulary.userDataKeys}
      />
      <KeyValueRows
        {...props}
        field="custom_data"
        label={i18n.t('network.integration.customData')}
        placeholder="value"
        keys={vocabulary.customDataKeys}
      />
    </fieldset>
  );
}
