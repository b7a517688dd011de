import type { Ref } from 'preact';
import { useRef } from 'preact/hooks';
import type { Token } from '../../lib/postback/check';
import { segmentText } from './segments';

export interface UrlFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** The checker's tokens for `value`, highlighted behind the text. */
  tokens: readonly Token[];
  invalid?: boolean;
  /** Ids of the hint, error and findings that describe the field. */
  describedBy?: string;
  inputRef?: Ref<HTMLTextAreaElement>;
}

/**
 * The postback URL field: a real textarea (what assistive technology and the keyboard use) with transparent
 * text over a mirror that shows the same text with the macros highlighted. The mirror is hidden from assistive
 * technology; the findings list says in words what the colours say.
 */
export function UrlField({
  id,
  label,
  value,
  onInput,
  tokens,
  invalid,
  describedBy,
  inputRef,
}: UrlFieldProps) {
  const mirror = useRef<HTMLDivElement>(null);
  const syncScroll = (e: Event) => {
    const el = e.currentTarget as HTMLTextAreaElement;
    if (mirror.current) mirror.current.scrollTop = el.scrollTop;
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="url-field">
        <div class="url-field__mirror" ref={mirror} aria-hidden="true">
          {segmentText(value, tokens).map((seg, i) =>
            seg.tone ? (
              <mark key={i} class={`tok tok--${seg.tone}`} data-kind={seg.kind}>
                {seg.text}
              </mark>
            ) : (
              seg.text
            ),
          )}
          {/* A trailing line break needs a character after it to take up its line, as in the textarea. */}
          {'\u200b'}
        </div>
        <textarea
          id={id}
          ref={inputRef}
          class="url-field__input"
          rows={3}
          spellcheck={false}
          autocomplete="off"
          autocapitalize="off"
          value={value}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={describedBy}
          onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
          onScroll={syncScroll}
          onKeyDown={(e) => {
            // A postback URL is one line: Enter must not put a line break into it.
            if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) e.preventDefault();
          }}
        />
      </div>
    </div>
  );
}
