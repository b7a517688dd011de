import * as input from '../../messaging/inputs';
import { getOffer, listOffers, listPartners } from '../services/offers';
import { searchPixels } from '../services/pixel-search';
import {
  createPixel,
  deletePixel,
  findCreatedPixel,
  getPixel,
  listPixels,
  setPixelStatus,
  updatePixel,
} from '../services/pixels';
import { resolveSecrets } from '../template-secrets';
import { message } from './context';

/** Postbacks, offers and partners: the messages that reach Everflow. */
export const pixelMessages = {
  /** Stale-while-revalidate: cached rows at once (`fromCache`), fresh rows when `refresh` is set. */
  'pixels.list': message(input.pixelsList, (d, ctx) => listPixels(d, ctx.everflow)),
  'pixels.search': message(input.pixelsSearch, (d, ctx) => searchPixels(d, ctx.everflow)),
  'pixels.get': message(input.pixelRef, (d, ctx) => getPixel(d, ctx.everflow)),
  /** Refuses with kind `duplicate` when an identical postback exists, unless `allowDuplicate`. */
  'pixels.create': message(input.pixelCreate, async (d, ctx) => {
    // A template's secret references become the secrets themselves only here, for the request.
    const draft = await resolveSecrets(d.draft);
    return draft.ok ? createPixel({ ...d, draft: draft.value }, ctx.everflow) : draft;
  }),
  /**
   * "Check again" after a create answered `unknown_outcome`: the postback it made, if it is on Everflow now
   * (never one of `knownIds`); still missing → `unknown_outcome` again. Never sends the create.
   */
  'pixels.findCreated': message(input.pixelFindCreated, (d, ctx) => findCreatedPixel(d, ctx.everflow)),
  /** Full edit: GET → merge → PUT, keeping every field the form does not know. */
  'pixels.update': message(input.pixelUpdate, async (d, ctx) => {
    const draft = await resolveSecrets(d.draft);
    return draft.ok ? updatePixel({ ...d, draft: draft.value }, ctx.everflow) : draft;
  }),
  'pixels.setStatus': message(input.pixelStatus, (d, ctx) => setPixelStatus(d, ctx.everflow)),
  /** Network profiles only. */
  'pixels.delete': message(input.pixelRef, (d, ctx) => deletePixel(d, ctx.everflow)),

  'offers.list': message(input.listQuery, (d, ctx) => listOffers(d, ctx.everflow)),
  'offers.get': message(input.offerRef, (d, ctx) => getOffer(d, ctx.everflow)),
  'partners.list': message(input.listQuery, (d, ctx) => listPartners(d, ctx.everflow)),
};
