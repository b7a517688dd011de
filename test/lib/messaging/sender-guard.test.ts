import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../lib/messaging/sender-guard';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

describe('isTrustedSender', () => {
  it('accepts our popup and options pages', () => {
    expect(isTrustedSender({ id: ID, url: `${ORIGIN}/popup.html` }, ID, ORIGIN)).toBe(true);
    expect(
      isTrustedSender({ id: ID, url: `${ORIGIN}/options.html#templates`, origin: ORIGIN }, ID, ORIGIN),
    ).toBe(true);
  });

  it.each([
    ['no sender', undefined],
    ['another extension', { id: 'zzzz', url: 'chrome-extension://zzzz/page.html' }],
    ['a content script of ours on a web page', { id: ID, url: 'https://acme.everflowclient.io/offers/1' }],
    [
      'our id but a foreign origin header',
      { id: ID, url: `${ORIGIN}/popup.html`, origin: 'https://evil.example' },
    ],
    ['no url', { id: ID }],
    ['a malformed url', { id: ID, url: 'not a url' }],
  ])('refuses %s', (_label, sender) => {
    expect(isTrustedSender(sender, ID, ORIGIN)).toBe(false);
  });
});
