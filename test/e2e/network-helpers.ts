import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { SandboxControl } from '../../sandbox/control';
import { callFromPage } from './protocol';

// Helpers of the partner-postback (network mode) browser tests.

type R<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };

export const NETWORK_KEY = { 'X-Eflow-API-Key': 'demo-network-key' };

/** Keys the server owns: a PUT never sends them back. */
export const READ_ONLY = ['network_pixel_id', 'network_id', 'relationship', 'time_created', 'time_saved'];

/** Add the demo network profile (sandbox host) through the protocol, as the profile form would. */
export async function addNetworkProfile(page: Page, baseUrl: string, name = 'Demo network'): Promise<string> {
  const r = await callFromPage<R<{ id: string }>>(page, 'profiles.save', {
    name,
    role: 'network',
    region: 'custom',
    customBaseUrl: baseUrl,
    portalDomains: [],
    apiKey: 'demo-network-key',
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.id;
}

/** One partner postback as the network API shows it. */
export async function networkPixel(
  baseUrl: string,
  id: number,
): Promise<Record<string, unknown> | undefined> {
  const res = await fetch(`${baseUrl}/networks/pixels/${id}`, { headers: NETWORK_KEY });
  return res.ok ? ((await res.json()) as Record<string, unknown>) : undefined;
}

/** The object without the keys the server owns. */
export function writable(pixel: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(pixel).filter(([k]) => !READ_ONLY.includes(k)));
}

/** The logged requests with this method and path. */
export async function logged(control: SandboxControl, method: string, path: string) {
  return (await control.requests()).filter((q) => q.method === method && q.path === path);
}

/** Type into the combobox labelled `label` and click the option of the Everflow id `id` ("Name #id"). */
export async function pick(page: Page, label: string, text: string, id: number): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).fill(text);
  await page
    .getByRole('listbox', { name: label, exact: true })
    .getByRole('option', { name: new RegExp(`#${id}$`) })
    .click();
}

/** Fill a field found by its exact label. */
export async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
}

/** Axe findings that matter: serious or critical. */
export async function seriousA11y(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}
