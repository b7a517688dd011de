import * as input from '../../messaging/inputs';
import { claimPortal, rememberPortalProfile } from '../services/portal-profiles';
import { message } from './context';

/** White-label portals: which profile a portal host belongs to. */
export const portalMessages = {
  /** "This portal is for that profile": the host joins the profile's portal domains (no network needed). */
  'portal.claim': message(input.portalPick, (d) => claimPortal(d)),
  /** The profile picked in the popup on a portal host, remembered for that host (not the default profile). */
  'portal.pickProfile': message(input.portalPick, (d) => rememberPortalProfile(d)),
};
