import type { RenderIntegration } from '../../postback-form/render-integration';
import { AffiliateFacebookFields } from './AffiliateFacebookFields';
import { FacebookFields } from './FacebookFields';
import { integrationNotes } from './notes';
import { RumbleFields } from './RumbleFields';
import { SnapchatFields } from './SnapchatFields';
import { TiktokFields } from './TiktokFields';

/**
 * The shared form's `renderIntegration` for the network side: the sub-form of the delivery method, editing
 * the network-side object exactly as the seed documents it (numbers as numbers), with the checker's notes on
 * its macro-bearing values.
 */
export function networkIntegrationRenderer(idPrefix: string): RenderIntegration {
  return (method, value, onChange, errors) => {
    const notes = integrationNotes(method, value);
    const props = { idPrefix: `${idPrefix}-${method}`, value: value ?? {}, onChange, errors, notes };
    if (method === 'facebook') return <FacebookFields {...props} />;
    if (method === 'tiktok') return <TiktokFields {...props} />;
    if (method === 'snapchat') return <SnapchatFields {...props} />;
    if (method === 'rumble') return <RumbleFields {...props} />;
    return null;
  };
}

/**
 * The shared form's `renderIntegration` for the affiliate side: the affiliate API's only integration method is
 * Meta (`facebook`), with its own smaller object.
 */
export function affiliateIntegrationRenderer(idPrefix: string): RenderIntegration {
  return (method, value, onChange, errors) => {
    if (method !== 'facebook') return null;
    const props = { idPrefix: `${idPrefix}-${method}`, value: value ?? {}, onChange, errors };
    return <AffiliateFacebookFields {...props} />;
  };
}
