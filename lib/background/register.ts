import { detectRealm } from '../everflow/detect-realm';
import type { EverflowError } from '../everflow/errors';
import type { AccountInfo } from '../everflow/schemas/accounts';
import { defineHandler, type HandlerContext } from '../messaging/handler';
import * as input from '../messaging/inputs';
import { onMessage } from '../messaging/messenger';
import { ok, type Result } from '../result';
import { profilesItem } from '../storage/items';
import { dropProfileCache } from './cache';
import { makeClientFor } from './client-for';
import { listHistory } from './history';
import { createJobRunner, type JobRunner } from './jobs/runner';
import { clearDraft, getDraft, saveDraft } from './services/drafts';
import { findEverywhere, previewReplace } from './services/find';
import {
  controlJob,
  listJobs,
  previewApply,
  startApply,
  startReplace,
  startToggle,
  undoJob,
} from './services/jobs';
import { getOffer, listOffers, listPartners } from './services/offers';
import { searchPixels } from './services/pixel-search';
import {
  createPixel,
  deletePixel,
  getPixel,
  listPixels,
  setPixelStatus,
  updatePixel,
} from './services/pixels';
import { popupStart } from './services/popup-start';
import {
  listProfiles,
  type ProfileDeps,
  recheckProfile,
  removeProfile,
  saveProfile,
  setDefaultProfile,
} from './services/profiles';
import { getSettings, updateSettings } from './services/settings';
import { duplicateTemplate, listTemplates, removeTemplate, saveTemplate } from './services/templates';
import { undoLatest, undoWrite } from './services/undo';
import { getStatus } from './status';

export interface BackgroundConfig extends HandlerContext {
  version: string;
  /** `permissions.contains` for one origin pattern. */
  hasOrigin: (originPattern: string) => Promise<boolean>;
  fetch?: typeof fetch;
  now?: () => number;
  newId?: () => string;
  /** Bulk jobs: the toolbar badge, and the keep-alive alarm while a job runs. */
  jobs?: {
    badge?: (text: string) => void;
    keepAlive?: (on: boolean) => void;
    concurrency?: number;
  };
}

/**
 * Register every message handler. Call synchronously at worker start: nothing here awaits. Returns the job
 * runner, which the worker resumes at start and from its alarm.
 */
export function registerHandlers(config: BackgroundConfig): { jobs: JobRunner } {
  const now = config.now ?? (() => Date.now());
  const newId = config.newId ?? (() => crypto.randomUUID());
  const clientFor = makeClientFor(config.fetch, config.hasOrigin);
  const deps = { clientFor, now, newId };
  const runner = createJobRunner({
    ...deps,
    ...(config.jobs?.badge ? { badge: config.jobs.badge } : {}),
    ...(config.jobs?.concurrency ? { concurrency: config.jobs.concurrency } : {}),
    onBusy: () => config.jobs?.keepAlive?.(true),
    onIdle: () => config.jobs?.keepAlive?.(false),
  });
  const jobDeps = { ...deps, runner };
  const profileDeps: ProfileDeps = {
    detect: (o): Promise<Result<AccountInfo, EverflowError>> =>
      detectRealm({ ...o, ...(config.fetch ? { fetch: config.fetch } : {}) }),
    hasOrigin: config.hasOrigin,
    now,
    newId,
  };
  const h = <S extends Parameters<typeof defineHandler>[1], T>(
    name: string,
    schema: S,
    run: Parameters<typeof defineHandler<S, T>>[2],
  ) => defineHandler(name, schema, run, config);

  onMessage(
    'status',
    h('status', input.none, async () =>
      ok(
        await getStatus({
          version: config.version,
          countProfiles: async () => (await profilesItem.getValue()).length,
        }),
      ),
    ),
  );

  onMessage(
    'popup.start',
    h('popup.start', input.popupStartInput, (d) => popupStart(d)),
  );
  onMessage(
    'profiles.list',
    h('profiles.list', input.none, () => listProfiles()),
  );
  onMessage(
    'profiles.save',
    h('profiles.save', input.profileInput, async (data) => {
      const r = await saveProfile(data, profileDeps);
      // A changed key or host can see other data: never show the old account's cache.
      if (r.ok && data.id) await dropProfileCache(data.id);
      return r;
    }),
  );
  onMessage(
    'profiles.remove',
    h('profiles.remove', input.byId, async ({ id }) => {
      await dropProfileCache(id);
      return removeProfile(id);
    }),
  );
  onMessage(
    'profiles.setDefault',
    h('profiles.setDefault', input.byId, ({ id }) => setDefaultProfile(id)),
  );
  onMessage(
    'profiles.check',
    h('profiles.check', input.byId, ({ id }) => recheckProfile(id, profileDeps)),
  );

  onMessage(
    'settings.get',
    h('settings.get', input.none, () => getSettings()),
  );
  onMessage(
    'settings.update',
    h('settings.update', input.settingsPatch, (patch) => updateSettings(patch)),
  );

  onMessage(
    'templates.list',
    h('templates.list', input.none, () => listTemplates()),
  );
  onMessage(
    'templates.save',
    h('templates.save', input.templateInput, (t) => saveTemplate(t, { now, newId })),
  );
  onMessage(
    'templates.remove',
    h('templates.remove', input.byId, ({ id }) => removeTemplate(id)),
  );
  onMessage(
    'templates.duplicate',
    h('templates.duplicate', input.byId, ({ id }) => duplicateTemplate(id, { now, newId })),
  );

  onMessage(
    'drafts.get',
    h('drafts.get', input.draftKey, ({ formId }) => getDraft(formId)),
  );
  onMessage(
    'drafts.save',
    h('drafts.save', input.draftSave, async ({ formId, value }) => {
      const r = await saveDraft(formId, value, now());
      return r.ok ? ok(true as const) : r;
    }),
  );
  onMessage(
    'drafts.clear',
    h('drafts.clear', input.draftKey, ({ formId }) => clearDraft(formId)),
  );

  onMessage(
    'pixels.list',
    h('pixels.list', input.pixelsList, (d) => listPixels(d, deps)),
  );
  onMessage(
    'pixels.search',
    h('pixels.search', input.pixelsSearch, (d) => searchPixels(d, deps)),
  );
  onMessage(
    'pixels.get',
    h('pixels.get', input.pixelRef, (d) => getPixel(d, deps)),
  );
  onMessage(
    'pixels.create',
    h('pixels.create', input.pixelCreate, (d) => createPixel(d, deps)),
  );
  onMessage(
    'pixels.update',
    h('pixels.update', input.pixelUpdate, (d) => updatePixel(d, deps)),
  );
  onMessage(
    'pixels.setStatus',
    h('pixels.setStatus', input.pixelStatus, (d) => setPixelStatus(d, deps)),
  );
  onMessage(
    'pixels.delete',
    h('pixels.delete', input.pixelRef, (d) => deletePixel(d, deps)),
  );

  onMessage(
    'offers.list',
    h('offers.list', input.listQuery, (d) => listOffers(d, deps)),
  );
  onMessage(
    'offers.get',
    h('offers.get', input.offerRef, (d) => getOffer(d, deps)),
  );
  onMessage(
    'partners.list',
    h('partners.list', input.listQuery, (d) => listPartners(d, deps)),
  );

  // History and undo (issue 17.4).
  onMessage(
    'history.list',
    h('history.list', input.historyList, async (f) => ok(await listHistory(f))),
  );
  onMessage(
    'history.undo',
    h('history.undo', input.historyUndo, (d) => undoWrite(d, deps)),
  );
  onMessage(
    'history.undoLatest',
    h('history.undoLatest', input.historyUndoLatest, (d) => undoLatest(d, deps)),
  );

  // Bulk jobs (issue 17.1-17.3).
  onMessage(
    'jobs.previewApply',
    h('jobs.previewApply', input.applyInput, (d) => previewApply(d, deps)),
  );
  onMessage(
    'jobs.startApply',
    h('jobs.startApply', input.applyInput, (d) => startApply(d, jobDeps)),
  );
  onMessage(
    'jobs.list',
    h('jobs.list', input.none, () => listJobs(jobDeps)),
  );
  onMessage(
    'jobs.control',
    h('jobs.control', input.jobControl, (d) => controlJob(d, jobDeps)),
  );
  onMessage(
    'jobs.undo',
    h('jobs.undo', input.jobRef, (d) => undoJob(d, jobDeps)),
  );
  onMessage(
    'pixels.findAll',
    h('pixels.findAll', input.findAll, (d) => findEverywhere(d, deps)),
  );
  onMessage(
    'jobs.previewReplace',
    h('jobs.previewReplace', input.replaceInput, (d) => previewReplace(d, deps)),
  );
  onMessage(
    'jobs.startReplace',
    h('jobs.startReplace', input.replaceInput, (d) => startReplace(d, jobDeps)),
  );
  onMessage(
    'jobs.startToggle',
    h('jobs.startToggle', input.toggleInput, (d) => startToggle(d, jobDeps)),
  );

  onMessage(
    'permissions.status',
    h('permissions.status', input.origins, async ({ origins }) => {
      const granted = await Promise.all(origins.map((o) => config.hasOrigin(o)));
      return ok({ granted: granted.every(Boolean) });
    }),
  );
  return { jobs: runner };
}
