import { expect, test } from './fixtures';
import { callFromPage } from './protocol';

type R<T = unknown> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } };

// Issue 13 #13, in the real browser: its own quota and its own error text are what the code has to recognise.
test('drafts: an oversized draft is refused, a full storage says so, and the saved draft survives both', async ({
  openOptions,
  worker,
}) => {
  const page = await openOptions();
  const formId = 'options.template:new';
  const kept = { name: 'Typed before', postbackUrl: 'https://t.example/?c={sub1}' };
  expect((await callFromPage<R>(page, 'drafts.save', { formId, value: kept })).ok).toBe(true);

  // The adversarial run's 4.5 MB draft: refused with a specific message (it used to be stored).
  const big = await callFromPage<R>(page, 'drafts.save', { formId, value: { blob: 'x'.repeat(4_500_000) } });
  expect(big).toMatchObject({ ok: false, error: { kind: 'too_large' } });

  // Fill storage.local to just under Chrome's 10 MB quota, as other data could; then a small draft hits the quota.
  const quotaError = await worker.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: runs inside the extension, where `chrome` exists.
    const local = (globalThis as any).chrome.storage.local;
    let size = 1_000_000;
    let error = '';
    for (let i = 0; i < 60 && size >= 1000; i++) {
      try {
        await local.set({ [`filler${i}`]: 'f'.repeat(size) });
      } catch (e) {
        error = String((e as Error).message);
        size = Math.floor(size / 4);
      }
    }
    return error;
  });
  expect(quotaError).toMatch(/quota/i);
  const full = await callFromPage<R>(page, 'drafts.save', {
    formId,
    value: { ...kept, name: 'x'.repeat(60_000) },
  });
  expect(full).toMatchObject({ ok: false, error: { kind: 'storage_full' } });
  if (!full.ok) expect(full.error.message).toMatch(/^Browser storage for the extension is full: /);
  expect(await callFromPage<R>(page, 'drafts.get', { formId })).toMatchObject({
    ok: true,
    value: { value: kept },
  });
});
