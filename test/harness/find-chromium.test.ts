// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findChromium } from '../e2e/find-chromium';

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH', () => {
    const exists = (p: string) => p === '/opt/chrome/chrome' || p === '/usr/bin/chromium';
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome/chrome' }, exists)).toBe('/opt/chrome/chrome');
  });

  it('refuses a CHROMIUM_PATH that does not exist instead of silently using another browser', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nope' }, (p) => p === '/usr/bin/chromium')).toThrow(
      /CHROMIUM_PATH is set to \/nope/,
    );
  });

  it("then Debian's /usr/bin/chromium", () => {
    expect(findChromium({}, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
  });

  it('fails with install instructions when there is no browser at all', () => {
    expect(() => findChromium({}, () => false)).toThrow(/apt-get install -y chromium/);
  });
});
