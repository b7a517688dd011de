import { describe, expect, it } from 'vitest';
import { getStatus } from '../../../lib/background/status';

describe('getStatus', () => {
  it('reports the version and the number of stored profiles', async () => {
    const status = await getStatus({ version: '1.2.3', countProfiles: async () => 4 });
    expect(status).toEqual({ version: '1.2.3', profileCount: 4 });
  });
});
