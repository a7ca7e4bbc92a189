import { render } from 'preact';
render(<p>Fact Context</p>, document.getElementById('app')!);
