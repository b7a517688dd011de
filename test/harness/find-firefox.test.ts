// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findFirefox } from '../e2e-firefox/find-firefox';

describe('findFirefox', () => {
  it('prefers FIREFOX_PATH', () => {
    const exists = (p: string) => p === '/opt/ff/firefox' || p === '/usr/bin/firefox-esr';
    expect(findFirefox({ FIREFOX_PATH: '/opt/ff/firefox' }, exists)).toBe('/opt/ff/firefox');
  });

  it('refuses a FIREFOX_PATH that does not exist instead of silently using another browser', () => {
    expect(() => findFirefox({ FIREFOX_PATH: '/nope' }, (p) => p === '/usr/bin/firefox-esr')).toThrow(
      /FIREFOX_PATH is set to \/nope/,
    );
  });

  it("then Debian's /usr/bin/firefox-esr, then /usr/bin/firefox", () => {
    expect(findFirefox({}, (p) => p.startsWith('/usr/bin/firefox'))).toBe('/usr/bin/firefox-esr');
    expect(findFirefox({}, (p) => p === '/usr/bin/firefox')).toBe('/usr/bin/firefox');
  });

  it('fails with install instructions when there is no Firefox', () => {
    expect(() => findFirefox({}, () => false)).toThrow(/apt-get install -y firefox-esr/);
  });
});
