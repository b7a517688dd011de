import { splitMacros } from './segments';

/** A sentence with its Everflow macros shown as code (macros never go through the translation files). */
export function MacroText({ text }: { text: string }) {
  return (
    <>{splitMacros(text).map((part, i) => (part.macro ? <code key={i}>{part.text}</code> : part.text))}</>
  );
}
