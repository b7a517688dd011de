import '../../components/theme.css';
import './popup.css';
import { render } from 'preact';
import { MARK_SCRIPT, MARK_START_REPLY } from '../../components/popup/perf-marks';
import { App } from './App';
import { popupApi } from './api';

// Imports run first, so this marks "every module of the start bundle is loaded and evaluated".
performance.mark(MARK_SCRIPT);

// How long the first render waits for the start answer before it shows the loading state instead.
const FIRST_PAINT_WAIT_MS = 150;

// The start answer is the popup's critical path: ask at once, and render when it is here, so the first render is
// the list itself (the browser shows the popup once it has loaded, so an empty shell first buys nothing). A slow
// worker (just woken, or busy) gets the loading state after FIRST_PAINT_WAIT_MS and the list when it answers.
const root = document.getElementById('app')!;
void Promise.race([
  popupApi.start(),
  new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_PAINT_WAIT_MS, undefined)),
]).then((initial) => {
  performance.mark(MARK_START_REPLY);
  render(<App {...(initial ? { initial } : {})} />, root);
});
