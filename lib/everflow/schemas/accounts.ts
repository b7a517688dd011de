import { z } from 'zod';
import type { Realm } from '../../model/vocabulary';
import { readInt } from './pixel-shared';

/**
 * The who-am-I endpoints used to check a key (API reference §4.3): `GET /affiliates/affiliate`
 * (or `GET /affiliates`, documented on a beta page) and `GET /networks`.
 */

/** The affiliate's own account. */
export const affiliateAccountSchema = z.looseObject({
  network_affiliate_id: readInt,
  name: z.string(),
  network_id: readInt.optional(),
  account_status: z.string().nullish(),
});

/** The network's account ("Get Network Info"). */
export const networkAccountSchema = z.looseObject({
  network_id: readInt,
  name: z.string(),
  displayed_name: z.string().nullish(),
  account_status: z.string().nullish(),
});

/** Who a key belongs to. */
export interface AccountInfo {
  realm: Realm;
  accountId: number;
  accountName: string;
  networkId?: number;
}

/** The internal view of an affiliate account. */
export function affiliateAccountInfo(account: z.infer<typeof affiliateAccountSchema>): AccountInfo {
  const info: AccountInfo = {
    realm: 'affiliate',
    accountId: account.network_affiliate_id,
    accountName: account.name,
  };
  if (account.network_id !== undefined) info.networkId = account.network_id;
  return info;
}

/** The internal view of a network account. */
export function networkAccountInfo(account: z.infer<typeof networkAccountSchema>): AccountInfo {
  return {
    realm: 'network',
    accountId: account.network_id,
    accountName: account.name,
    networkId: account.network_id,
  };
}
