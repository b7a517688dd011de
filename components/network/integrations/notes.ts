import { i18n } from '#i18n';
import type { DeliveryMethod } from '../../../lib/model/vocabulary';
import { checkIntegration } from '../../../lib/postback/check-integration';
import { INTEGRATION_VOCABULARY, standardEventFor } from '../../../lib/postback/integration-vocabulary';

/**
 * What the sub-form says under its fields (issue 15.4/15.5): the checker's findings on each macro-bearing value,
 * keyed by field name or `field.row`, and a standard event name spelt another way ("purchase" → "Purchase").
 * Empty for Rumble (its values carry no macros).
 */
export function integrationNotes(
  method: DeliveryMethod,
  value: Readonly<Record<string, unknown>> | undefined,
): Record<string, string> {
  if (method !== 'facebook' && method !== 'tiktok' && method !== 'snapchat') return {};
  const out: Record<string, string> = {};
  const add = (key: string, text: string) => {
    out[key] = out[key] ? `${out[key]} ${text}` : text;
  };
  for (const f of checkIntegration(method, value)) {
    const { field, row } = f.location;
    add(row === undefined ? field : `${field}.${row}`, f.message);
  }
  const name = value?.event_name;
  if (typeof name === 'string' && name.trim()) {
    const standard = standardEventFor(method, name.trim());
    if (standard && standard !== name)
      add(
        'event_name',
        i18n.t('network.integration.standardSpelling', [INTEGRATION_VOCABULARY[method].name, standard]),
      );
  }
  return out;
}
