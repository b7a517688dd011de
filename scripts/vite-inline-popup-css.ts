import type { Plugin } from 'vite';

/**
 * Inline the popup's stylesheets into popup.html as <style> elements (build only).
 *
 * Why: a linked stylesheet is one more extension-resource request that blocks the popup's module script, and
 * the popup is on the user's critical path on every toolbar click (the bench measured ~5 ms). Extension pages'
 * default CSP restricts scripts, not styles, so inline styles are allowed. The CSS files stay in the bundle:
 * the options page links the shared one, and the popup keeps an inert link to each (see below).
 */
export function inlinePopupCss(): Plugin {
  return {
    name: 'postback-companion:inline-popup-css',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      // Vite names the page by its source path; WXT moves it to popup.html afterwards.
      const html = bundle['entrypoints/popup/index.html'];
      if (html?.type !== 'asset' || typeof html.source !== 'string') return;
      html.source = html.source.replace(
        /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g,
        (link, file: string) => {
          const css = bundle[file];
          if (css?.type !== 'asset') return link;
          const text = typeof css.source === 'string' ? css.source : new TextDecoder().decode(css.source);
          // A stylesheet cannot close the element early unless it contains "</style", which ours never do.
          if (text.includes('</style')) return link;
          // The link stays with media="not all": it never applies and blocks nothing, but Vite's loader for the
          // lazily loaded panels looks for it and so does not append the same sheet again at the end of <head>
          // (where the theme would then override the popup's own rules).
          return `<style>${text}</style><link rel="stylesheet" href="/${file}" media="not all">`;
        },
      );
    },
  };
}
