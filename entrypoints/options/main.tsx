import { render } from 'preact';
import { Options } from '../../src/ui/options/Options';
import { downloadText } from '../../src/ui/options/download';
import '../../src/ui/options/options.css';

const app = document.getElementById('app');
if (!app) throw new Error('options.html has no #app element');
render(<Options download={downloadText} />, app);
