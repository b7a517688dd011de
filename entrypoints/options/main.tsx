import '../../lib/zod-setup';
import '../../components/theme.css';
import './options.css';
import { render } from 'preact';
import { App } from './App';

render(<App />, document.getElementById('app')!);
