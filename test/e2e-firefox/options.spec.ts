import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import {
  byLabel,
  call,
  clickButton,
  type FirefoxWithExtension,
  fill,
  launchFirefox,
  waitForText,
} from './firefox';

// The options page in real Firefox against the local Everflow sandbox. One Firefox for the file.

let firefox: FirefoxWithExtension;
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'demo' });
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await sandbox?.close();
});

/** The text of every profile card. */
const cardsText = (page: Page) =>
  page.$$eval('[aria-label="Your profiles"] li', (items) => items.map((i) => i.textContent ?? ''));

describe('options page in Firefox', () => {
  it('saves a profile whose API host has a port, and shows the account name', async () => {
    // The sandbox listens on a random port: the host permission pattern must carry none, or Firefox refuses it.
    expect(new URL(sandbox.baseUrl).port).not.toBe('');
    const page = await firefox.openExtensionPage('options.html#profiles');
    await fill(page, 'Profile name', 'Sandbox in Firefox');
    await fill(page, 'API key', 'demo-affiliate-key');
    await (await byLabel(page, 'Region')).select('custom');
    await fill(page, 'API base URL', sandbox.baseUrl);
    await clickButton(page, 'Save profile');
    await waitForText(page, 'Saved “Sandbox in Firefox”');
    await waitForText(page, 'Demo Partner, affiliate account', '[aria-label="Your profiles"] li');
    const cards = await cardsText(page);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('••••');
    expect(await page.content()).not.toContain('demo-affiliate-key');
    // What the form asked Firefox for is what Firefox holds.
    const granted = await page.evaluate(() =>
      (
        globalThis as unknown as {
          browser: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
        }
      ).browser.permissions.contains({ origins: ['http://127.0.0.1/*'] }),
    );
    expect(granted).toBe(true);
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      await page.screenshot({ path: 'docs/screenshots/firefox-options.png' });
    }
    await page.close();
  });

  it('exports the templates to a file (no key in it) and imports the file back', async () => {
    const setUp = await firefox.openExtensionPage('options.html');
    await call(setUp, 'templates.save', {
      name: 'Round trip',
      side: 'affiliate',
      tracker: 'custom',
      deliveryMethod: 'postback',
      pixelType: 'conversion',
      level: 'specific',
      postbackUrl: 'https://trk.example.com/pb?clickid={sub1}&sum={payout_amount}',
      htmlCode: '',
      delayMs: 0,
      notes: 'first version',
      description: '',
    });
    await setUp.close();
    const page = await firefox.openExtensionPage('options.html#templates');
    await waitForText(page, 'Round trip', '[aria-label="Your templates"]');

    await clickButton(page, 'Export templates');
    const { file, text } = await waitForDownload(
      firefox.downloadDir,
      /^postback-templates-\d{4}-\d{2}-\d{2}\.json$/,
    );
    expect(text).not.toContain('demo-affiliate-key');
    expect(JSON.parse(text)).toMatchObject({
      format: 'postback-companion/templates',
      version: 1,
      templates: [{ name: 'Round trip', notes: 'first version' }],
    });

    // Delete it, then import the file: the preview counts it as new, and the import writes it back.
    await clickButton(page, 'Delete Round trip');
    await page.waitForSelector('dialog[open]');
    await clickButton(page, 'Delete template');
    await waitForText(page, 'Deleted template “Round trip”.');
    const input = await byLabel(page, 'Import templates');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    await waitForText(page, '1 new, 0 changed', 'dialog[open]');
    await clickButton(page, 'Import 1 template');
    await waitForText(page, 'Imported 1 template.');
    await waitForText(page, 'first version', '[aria-label="Your templates"]');
    await page.close();
  });
});

/**
 * Wait for Firefox to finish saving a download whose name matches, and return its path and text. Firefox may
 * create the file empty before it writes a `.part` file and renames it, so "there is a file" is not "it is done":
 * wait for no `.part` file and a text that parses as JSON.
 */
async function waitForDownload(dir: string, name: RegExp): Promise<{ file: string; text: string }> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const found = readdirSync(dir).find((f) => name.test(f));
    if (found && !readdirSync(dir).some((f) => f.endsWith('.part'))) {
      const file = join(dir, found);
      const text = readFileSync(file, 'utf8');
      try {
        JSON.parse(text);
        return { file, text };
      } catch {
        // still being written
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `No complete download matching ${name} in ${dir}: ${readdirSync(dir).join(', ') || 'empty'}`,
  );
}
