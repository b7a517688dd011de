import '../../components/theme.css';
import './popup.css';
import { render } from 'preact';

// Marks for `npm run bench` (popup start-up breakdown); they cost nothing measurable.
performance.mark('popup:script');

import { App } from './App';
import { popupApi } from './api';

// Start the first-paint request before rendering: it is the popup's critical path.
void popupApi.start();
render(<App />, document.getElementById('app')!);
