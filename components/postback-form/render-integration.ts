import type { ComponentChildren } from 'preact';
import type { DeliveryMethod } from '../../lib/model/vocabulary';

// Apart from PostbackForm.tsx so the network renderer can name this type without an import cycle.

/**
 * Renders the settings of an integration delivery method (network mode): the object exactly as the API
 * documents it, and the errors of its fields by name (`pixel_id`, …).
 */
export type RenderIntegration = (
  method: DeliveryMethod,
  value: Record<string, unknown> | undefined,
  onChange: (next: Record<string, unknown>) => void,
  errors: Readonly<Record<string, string>>,
) => ComponentChildren;
