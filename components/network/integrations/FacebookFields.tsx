import { i18n } from '#i18n';
import { ConversionsApiFields } from './ConversionsApiFields';
import type { IntegrationFieldsProps } from './fields';

/** The network `facebook_pixel` (Meta Conversions API): every field of the documented object. */
export function FacebookFields(props: IntegrationFieldsProps) {
  return (
    <ConversionsApiFields
      {...props}
      shape={{
        legend: i18n.t('network.integration.facebook'),
        idField: 'network_affiliate_integration_facebook_business_id',
        idLabel: i18n.t('network.integration.idFacebook'),
        pixelField: 'pixel_id',
        platform: 'facebook',
        pixelLabel: i18n.t('network.integration.pixelId'),
      }}
    />
  );
}
