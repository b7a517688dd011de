import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';

export interface RowUrlProps {
  pixelId: number;
  /** The whole URL (or HTML code) as text, for the clipboard. */
  text: string;
  children: ComponentChildren;
}

/**
 * A row's URL, cut at two lines. The URL itself is the switch that shows all of it (no extra line or button on
 * rows nobody opens); opened, it offers Copy.
 */
export function RowUrl({ pixelId, text, children }: RowUrlProps) {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const toggle = () => {
    setOpen(!open);
    setCopied(false);
  };
  return (
    <>
      <code
        class={`row__url${open ? ' row__url--open' : ''}`}
        title={open ? undefined : text}
        role="button"
        tabIndex={0}
        aria-expanded={open}
        aria-label={i18n.t(open ? 'popup.row.urlLess' : 'popup.row.urlMore', [String(pixelId)])}
        onClick={toggle}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            toggle();
          }
        }}
      >
        {children}
      </code>
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
