import { render } from 'preact';
import { SettingsApp } from './settings-app';

const root = document.getElementById('root');
if (root !== null) {
  render(<SettingsApp />, root);
}
