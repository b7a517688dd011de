// Performance marks the popup sets for `npm run bench` (read from the page through CDP; they cost microseconds).

/** Set when the popup's script starts running. */
export const MARK_SCRIPT = 'popup:script';
/** Set when the start answer arrived (or the first-paint wait ran out). */
export const MARK_START_REPLY = 'popup:start-reply';
/**
 * Set in an effect of the render that first shows the postback list. Preact runs effects after the next frame,
 * so this is "the list has been painted and the page is free to take a click": the bench's "interactive".
 */
export const MARK_INTERACTIVE = 'popup:interactive';
