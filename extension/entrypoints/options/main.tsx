import { render } from 'preact';
import { followSettings } from '../../pages/locale';
import { SettingsForm } from '../../pages/settings-form';
import '../../pages/pages.css';

followSettings();
render(<SettingsForm />, document.getElementById('app')!);
