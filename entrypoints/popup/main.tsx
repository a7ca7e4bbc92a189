import { render } from 'preact';
import { PACK } from '../../src/pack';
import { PopupApp } from '../../src/ui/popup/PopupApp';
import { contentScriptClient, findTargetTab, isToolbarPopup } from '../../src/ui/popup/target-tab';
import '../../src/ui/popup/popup.css';

const app = document.getElementById('app');
if (!app) throw new Error('popup.html has no #app element');

void findTargetTab(location.search).then((tab) => {
  render(
    <PopupApp pack={PACK} tab={tab} page={contentScriptClient} closeWhenDone={isToolbarPopup(location.search)} />,
    app,
  );
});
