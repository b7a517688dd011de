/** Saves text as a file (injected into the templates screen; tests pass a fake). */
export type Download = (fileName: string, text: string) => void;

/** Offer text as a file download: a Blob behind an object URL, clicked through a temporary <a download>. */
export const downloadText: Download = (fileName, text) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: the browser reads the Blob after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
