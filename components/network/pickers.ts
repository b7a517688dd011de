import { useCallback } from 'preact/hooks';
import { ok } from '../../lib/result';
import type { ComboSearch } from '../ui/Combobox';
import type { PartnerPostbacksApi } from './api';

/** The searches behind the Partner and Offer pickers of one network profile. */
export function usePickerSearch(api: PartnerPostbacksApi, profileId: string) {
  const searchOffers: ComboSearch = useCallback(
    async (text) => {
      const r = await api.offers(profileId, text);
      return r.ok ? ok(r.value.items.map((o) => ({ id: o.id, name: o.name }))) : r;
    },
    [api, profileId],
  );
  const searchPartners: ComboSearch = useCallback(
    async (text) => {
      const r = await api.partners(profileId, text);
      return r.ok ? ok(r.value.items.map((p) => ({ id: p.id, name: p.name }))) : r;
    },
    [api, profileId],
  );
  return { searchOffers, searchPartners };
}
