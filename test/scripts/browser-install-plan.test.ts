// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type MachineFacts, planBrowsers } from '../../scripts/browser-install-plan';

function facts(over: Partial<MachineFacts> & { files?: string[] } = {}): MachineFacts {
  const files = new Set(over.files ?? []);
  return {
    env: {},
    exists: (p) => files.has(p),
    isRoot: true,
    canSudo: () => false,
    hasAptGet: true,
    ...over,
  };
}

describe('planBrowsers', () => {
  it('is ready when both browsers are installed, and installs nothing', () => {
    const plan = planBrowsers(
      ['chromium', 'firefox'],
      facts({ files: ['/usr/bin/chromium', '/usr/bin/firefox-esr'] }),
    );
    expect(plan).toEqual({
      kind: 'ready',
      paths: { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' },
    });
  });

  it('as root on a bare machine, installs chromium (with fonts) and firefox-esr through apt-get without sudo', () => {
    const plan = planBrowsers(['chromium', 'firefox'], facts());
    expect(plan).toMatchObject({
      kind: 'install',
      sudo: [],
      missing: ['chromium', 'firefox'],
      packages: ['chromium', 'fonts-dejavu-core', 'firefox-esr'],
    });
  });

  it('installs only what is missing, and only what was asked for (the demo needs no Firefox)', () => {
    expect(planBrowsers(['chromium', 'firefox'], facts({ files: ['/usr/bin/chromium'] }))).toMatchObject({
      kind: 'install',
      packages: ['firefox-esr'],
    });
    expect(planBrowsers(['chromium'], facts())).toMatchObject({
      kind: 'install',
      packages: ['chromium', 'fonts-dejavu-core'],
    });
  });

  it('uses password-less sudo when not root', () => {
    expect(planBrowsers(['firefox'], facts({ isRoot: false, canSudo: () => true }))).toMatchObject({
      kind: 'install',
      sudo: ['sudo', '-n'],
    });
  });

  it('prints the install instructions when it may not install (no root, sudo asks a password)', () => {
    const plan = planBrowsers(['chromium'], facts({ isRoot: false, canSudo: () => false }));
    expect(plan.kind).toBe('manual');
    expect(plan.kind === 'manual' && plan.message).toMatch(
      /apt-get install -y chromium[\s\S]*password-less sudo/,
    );
  });

  it('prints the install instructions when there is no apt-get', () => {
    const plan = planBrowsers(['firefox'], facts({ hasAptGet: false }));
    expect(plan.kind === 'manual' && plan.message).toMatch(/firefox-esr[\s\S]*no apt-get/);
  });

  it('lets CHROMIUM_PATH and FIREFOX_PATH win over the Debian binaries', () => {
    const plan = planBrowsers(
      ['chromium', 'firefox'],
      facts({
        env: { CHROMIUM_PATH: '/opt/c/chrome', FIREFOX_PATH: '/opt/f/firefox' },
        files: ['/opt/c/chrome', '/opt/f/firefox', '/usr/bin/chromium', '/usr/bin/firefox-esr'],
      }),
    );
    expect(plan).toEqual({ kind: 'ready', paths: { chromium: '/opt/c/chrome', firefox: '/opt/f/firefox' } });
  });

  it('never installs over a FIREFOX_PATH that points at nothing: that is the user’s mistake to see', () => {
    const plan = planBrowsers(['firefox'], facts({ env: { FIREFOX_PATH: '/nope' } }));
    expect(plan.kind === 'manual' && plan.message).toMatch(/FIREFOX_PATH is set to \/nope/);
  });
});
