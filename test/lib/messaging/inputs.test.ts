// @vitest-environment node
// No silent drops at the boundary (issue 12): a field a page sends either reaches the service or is refused.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as z from 'zod';
import { type MessageName, messageTable, type Protocol } from '../../../lib/background/message-table';
import * as input from '../../../lib/messaging/inputs';
import type { PixelDraft, PixelFilters } from '../../../lib/model/pixel';
import type { ProfileInput } from '../../../lib/model/profile';
import type { TemplateImportItem, TemplateInput } from '../../../lib/model/template';

const draft: PixelDraft = {
  deliveryMethod: 'facebook',
  type: 'conversion',
  level: 'specific',
  status: 'active',
  offerId: 11,
  integration: { facebook_pixel: { pixel_id: '1' } },
};
const template: TemplateInput = {
  name: 'T',
  side: 'affiliate',
  tracker: 'custom',
  deliveryMethod: 'postback',
  pixelType: 'conversion',
  level: 'specific',
  postbackUrl: 'https://x.test/?c={sub1}',
  htmlCode: '',
  delayMs: 0,
  notes: '',
  description: '',
};

/** A valid input for every message: typed by the protocol, so a new message needs one here. */
const VALID: { [K in MessageName]: Parameters<Protocol[K]>[0] } = {
  status: undefined,
  'popup.start': { tabUrl: 'https://acme.everflowclient.io/offers/11' },
  'permissions.status': { origins: ['https://api-eu.eflow.team/*'] },
  'profiles.list': undefined,
  'profiles.save': { name: 'P', role: 'network', region: 'us', portalDomains: ['a.test'], apiKey: 'k' },
  'profiles.remove': { id: 'p1' },
  'profiles.setDefault': { id: 'p1' },
  'profiles.check': { id: 'p1' },
  'settings.get': undefined,
  'settings.update': {
    defaultTemplateIds: { p1: 't1' },
    defaultTemplateId: 't1',
    requestDeadlineMs: 15_000,
    forgetKeysOnClose: true,
    healthWatch: { enabled: true, everyMinutes: 30, notify: false },
  },
  'templates.list': undefined,
  'templates.save': template,
  'templates.remove': { id: 't1' },
  'templates.duplicate': { id: 't1' },
  'templates.setDefault': { templateId: 't1', profileId: 'p1' },
  'templates.import': { templates: [{ ...template, id: 't1', baseUpdatedAt: 5 }] },
  'drafts.get': { formId: 'f' },
  'drafts.save': { formId: 'f', value: { a: 1, nested: { b: 2 } } },
  'drafts.clear': { formId: 'f' },
  'pixels.list': { profileId: 'p1', filters: { offerId: 11, status: 'active' }, refresh: true },
  'pixels.search': { profileId: 'p1', filters: { text: 'x', type: 'event' }, page: 1, pageSize: 50 },
  'pixels.get': { profileId: 'p1', pixelId: 1 },
  'pixels.create': { profileId: 'p1', draft, allowDuplicate: true },
  'pixels.findCreated': { profileId: 'p1', draft, knownIds: [1, 2] },
  'pixels.update': { profileId: 'p1', pixelId: 1, draft },
  'pixels.setStatus': { profileId: 'p1', pixelId: 1, status: 'inactive' },
  'pixels.delete': { profileId: 'p1', pixelId: 1 },
  'offers.list': { profileId: 'p1', search: 'keto', page: 2, pageSize: 20 },
  'offers.get': { profileId: 'p1', offerId: 11 },
  'partners.list': { profileId: 'p1', search: 'a' },
  'history.list': { profileId: 'p1', jobId: 'j1' },
  'history.undo': { entryId: 'e1', confirm: true },
  'history.undoLatest': { profileId: 'p1', pixelId: 1, confirm: false },
  'jobs.previewApply': {
    templateId: 't1',
    targets: [{ profileId: 'p1', offerId: 11, offerName: 'Keto', events: [{ id: 3, name: 'FTD' }] }],
  },
  'jobs.startApply': { templateId: 't1', targets: [{ profileId: 'p1', offerId: 11, affiliateId: 5 }] },
  'jobs.list': undefined,
  'jobs.control': { id: 'j1', action: 'retryFailed' },
  'jobs.undo': { jobId: 'j1' },
  'pixels.findAll': { text: 'old-tracker.com', refresh: true },
  'jobs.previewReplace': {
    find: 'old.test',
    replace: 'new.test',
    targets: [{ profileId: 'p1', pixelId: 1 }],
  },
  'jobs.startReplace': { find: 'old.test', replace: 'new.test', targets: [{ profileId: 'p1', pixelId: 1 }] },
  'jobs.startToggle': { status: 'inactive', targets: [{ profileId: 'p1', pixelId: 1 }] },
  'portal.claim': { host: 'partners.example.com', profileId: 'p1' },
  'portal.pickProfile': { host: 'acme.everflowclient.io', profileId: 'p1' },
  'health.list': undefined,
  'health.checkNow': undefined,
  'health.dismiss': { id: 'p1:7:switched_off' },
  'health.switchOn': { id: 'p1:7:switched_off' },
  'testFire.send': {
    url: 'https://tracker.test/postback?cid=abc',
    tracker: 'custom',
    confirmed: { http: true, privateHost: false, everflowHost: false },
  },
};

/**
 * Template content drops unknown keys on purpose: its schema is shared with the import preview, and an import
 * file may carry anything (lib/messaging/inputs.ts). Its type is tied to the model's instead (below).
 */
const DROPS_UNKNOWN_KEYS = new Set<string>(['templates.save', 'templates.import']);

type Path = (string | number)[];

/** The path of every plain object in a value (the value itself included). */
function objectPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (!value || typeof value !== 'object') return [];
  return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
}

function at(value: unknown, path: Path): Record<string, unknown> {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value) as Record<
    string,
    unknown
  >;
}

const names = Object.keys(messageTable) as MessageName[];

describe('message inputs', () => {
  it('has a valid sample for every message of the table', () => {
    expect(Object.keys(VALID).sort()).toEqual([...names].sort());
  });

  it.each(names)('%s: the sample is valid', (name) => {
    const r = messageTable[name].input.safeParse(VALID[name]);
    expect(r.success, r.error?.message).toBe(true);
  });

  it.each(names)('%s: a field the schema does not know reaches the service or is refused', (name) => {
    const schema: z.ZodType = messageTable[name].input;
    const paths = objectPaths(VALID[name]);
    if (paths.length === 0) {
      // No object to add a field to: an object instead of the input is refused.
      expect(schema.safeParse({ extraField: 1 }).success).toBe(false);
      return;
    }
    for (const path of paths) {
      const sent = structuredClone(VALID[name]);
      at(sent, path).extraField = 'x';
      const r = schema.safeParse(sent);
      const where = `${name} at ${path.join('.') || '(top)'}`;
      if (!r.success) {
        expect(r.error.issues[0], where).toMatchObject({ code: 'unrecognized_keys', keys: ['extraField'] });
      } else if (DROPS_UNKNOWN_KEYS.has(name)) {
        expect(at(r.data, path).extraField, where).toBeUndefined();
      } else {
        expect(at(r.data, path).extraField, `${where}: dropped without a word`).toBe('x');
      }
    }
  });

  // The one declaration of each model type and the schema that checks it cannot drift: a field added to one and
  // not the other fails the typecheck (`npx tsc --noEmit` covers the tests).
  it('PixelDraft and its schema are the same type', () => {
    expectTypeOf<z.output<typeof input.pixelDraft>>().toEqualTypeOf<PixelDraft>();
    expectTypeOf<z.input<typeof input.pixelDraft>>().toEqualTypeOf<PixelDraft>();
    // And at run time: the schema's fields are exactly the model's.
    const fields: Record<keyof PixelDraft, true> = {
      deliveryMethod: true,
      type: true,
      level: true,
      status: true,
      offerId: true,
      affiliateId: true,
      eventId: true,
      postbackUrl: true,
      htmlCode: true,
      delayMs: true,
      description: true,
      integration: true,
    };
    expect(Object.keys(input.pixelDraft.shape).sort()).toEqual(Object.keys(fields).sort());
  });

  it('PixelFilters, ProfileInput and the template types match their schemas', () => {
    expectTypeOf<NonNullable<z.output<typeof input.pixelFilters>>>().toEqualTypeOf<PixelFilters>();
    expectTypeOf<z.output<typeof input.profileInput>>().toEqualTypeOf<ProfileInput>();
    expectTypeOf<z.output<typeof input.templateInput>>().toEqualTypeOf<TemplateInput>();
    expectTypeOf<
      z.output<typeof input.templateImport>['templates'][number]
    >().toEqualTypeOf<TemplateImportItem>();
  });
});
