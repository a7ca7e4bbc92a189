import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PACK } from '../../src/pack';
import { Welcome } from '../../src/ui/welcome/Welcome';
import '../../src/ui/welcome/welcome.css';

const app = document.getElementById('app');
if (!app) throw new Error('welcome.html has no #app element');

render(
  <Welcome
    pack={PACK}
    loadShortcuts={() => Promise.resolve().then(() => browser.commands.getAll())}
    onOpenOptions={() => void browser.runtime.openOptionsPage()}
  />,
  app,
);
