import { render } from 'preact';
import { Options } from '../../src/ui/options/Options';
import { downloadText } from '../../src/ui/options/download';
import '../../src/ui/options/options.css';

render(<Options download={downloadText} />, document.getElementById('app')!);
