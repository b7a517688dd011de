import type { StatusReply } from '../model/replies';

/** Dependencies of the status handler, injected so tests need no browser. */
export interface StatusDeps {
  version: string;
  countProfiles: () => Promise<number>;
}

/** What the popup and options page show first: the extension version and how many profiles exist. */
export async function getStatus(deps: StatusDeps): Promise<StatusReply> {
  return { version: deps.version, profileCount: await deps.countProfiles() };
}
