import { render } from 'preact';
import { PACK } from '../../src/pack';
import { Report } from '../../src/ui/report/Report';
import assessmentText from '../../assets/pack/assessment.txt?raw';
import '../../src/ui/report/report.css';

const app = document.getElementById('app');
if (!app) throw new Error('report.html has no #app element');
const currentId = () => decodeURIComponent(location.hash.slice(1)) || undefined;
const show = () =>
  render(
    <Report
      pack={PACK}
      text={assessmentText}
      initialQuery={new URLSearchParams(location.search).get('q') ?? ''}
      currentId={currentId()}
    />,
    app,
  );
addEventListener('hashchange', show);
show();
