import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';

export interface RowUrlProps {
  /** The whole URL (or HTML code) as text, for the clipboard. */
  text: string;
  children: ComponentChildren;
}

/**
 * A row's URL, cut at two lines. The URL itself is the switch that shows all of it (no extra line or button on
 * rows nobody opens); opened, it offers Copy.
 */
export function RowUrl({ text, children }: RowUrlProps) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const toggle = () => {
    setOpen(!open);
    setCopied(false);
  };
  return (
    <>
      {/* Its name is the URL itself (axe: a name must match the visible text); aria-expanded says it opens. */}
      <button
        type="button"
        class="row__url-toggle"
        aria-expanded={open}
        title={open ? undefined : text}
        onClick={toggle}
      >
        <code class={`row__url${open ? ' row__url--open' : ''}`}>{children}</code>
      </button>
      {open ? (
        <button
          type="button"
          class="link-button row__copy"
          onClick={() =>
            void navigator.clipboard.writeText(text).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? i18n.t('popup.row.copied') : i18n.t('popup.row.copy')}
        </button>
      ) : null}
    </>
  );
}
