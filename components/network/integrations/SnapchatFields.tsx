import { i18n } from '#i18n';
import { ConversionsApiFields } from './ConversionsApiFields';
import type { IntegrationFieldsProps } from './fields';

/** The `snapchat_pixel` (Snap Conversions API): every field of the documented object. */
export function SnapchatFields(props: IntegrationFieldsProps) {
  return (
    <ConversionsApiFields
      {...props}
      shape={{
        legend: i18n.t('network.integration.snapchat'),
        idField: 'network_affiliate_integration_snapchat_id',
        idLabel: i18n.t('network.integration.idSnapchat'),
        pixelField: 'asset_id',
        platform: 'snapchat',
        pixelLabel: i18n.t('network.integration.assetId'),
      }}
    />
  );
}
