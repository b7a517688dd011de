import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { buildManifest } from './lib/manifest';
import { inlinePopupCss } from './scripts/vite-inline-popup-css';

// Explicit imports everywhere (`imports: false`): a reader can follow every name to its file.
export default defineConfig({
  imports: false,
  // The demo build (loopback host permission for the local sandbox) never overwrites the release build.
  outDir: process.env.DEMO_BUILD === '1' ? '.output/demo' : '.output',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // WXT has no Preact module; the Preact Vite preset is added directly.
  vite: () => ({ plugins: [preact(), inlinePopupCss()] }),
  manifest: ({ browser }) => buildManifest({ browser, demo: process.env.DEMO_BUILD === '1' }),
  zip: {
    artifactTemplate: 'postback-companion-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'postback-companion-{{version}}-sources.zip',
    excludeSources: [
      'demo-output/**',
      'reports/**',
      'test-results/**',
      'bench-output/**',
      '.sandbox-data/**',
    ],
  },
});
