import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { joinSegments } from '../../../src/matching/join';
import { computedStyleHidden, extractSegments } from '../../../src/dom/extract';
import { isSkippedElement } from '../../../src/checks/extract-rules';

const windows: Window[] = [];
afterEach(async () => {
  for (const w of windows.splice(0)) await w.happyDOM.close();
});

function extract(bodyHtml: string, withStyles = false) {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  windows.push(window);
  window.document.write(`<!doctype html><html><body>${bodyHtml}</body></html>`);
  const root = window.document.body as unknown as Node;
  const segments = extractSegments(root, withStyles ? { isHidden: computedStyleHidden(window) } : {});
  return { segments, text: joinSegments(segments).text };
}

describe('extractSegments', () => {
  it('keeps inline elements in one block and separates paragraphs', () => {
    const { segments, text } = extract('<p>The <em>no limits</em> partnership</p><p>Second</p>');
    expect(text).toBe('The no limits partnership\nSecond');
    expect(new Set(segments.slice(0, 3).map((s) => s.block)).size).toBe(1);
    expect(segments[3]?.block).not.toBe(segments[0]?.block);
  });

  it('starts a new block after a nested block inside the same parent', () => {
    const { text } = extract('<div>no limits<p>inner</p>partnership</div>');
    expect(text).toBe('no limits\ninner\npartnership');
  });

  it('keeps whitespace between inline elements and drops indentation between blocks', () => {
    const { text } = extract('<article>\n  <p><b>no</b> <b>limits</b></p>\n  <p>x</p>\n</article>');
    expect(text).toBe('no limits\nx');
  });

  it.each([
    ['script', '<script>no limits</script>'],
    ['style', '<style>.x{}</style>'],
    ['noscript', '<noscript>no limits</noscript>'],
    ['template', '<template>no limits</template>'],
    ['textarea', '<textarea>no limits</textarea>'],
    ['select', '<select><option>no limits</option></select>'],
    ['button', '<button>no limits</button>'],
    ['contenteditable', '<div contenteditable="true">no limits</div>'],
    ['contenteditable (empty value)', '<div contenteditable>no limits</div>'],
    ['code', '<p>see <code>no limits</code></p>'],
    ['pre', '<pre>no limits</pre>'],
    ['hidden attribute', '<p hidden>no limits</p>'],
    ['aria-hidden', '<div aria-hidden="true">no limits</div>'],
    ['inline display:none', '<div style="color: red; display: none">no limits</div>'],
    ['nav', '<nav>no limits</nav>'],
    ['role=navigation', '<div role="navigation">no limits</div>'],
    ['site header', '<header>no limits</header>'],
    ['site footer', '<footer>no limits</footer>'],
    ['our own card', '<fact-context-card>no limits</fact-context-card>'],
    ['our own UI', '<div data-fact-context-ui>no limits</div>'],
    ['svg', '<svg><text>no limits</text></svg>'],
  ])('skips %s', (_name, html) => {
    expect(extract(`<p>kept</p>${html}`).text).toBe(html.startsWith('<p>see') ? 'kept\nsee ' : 'kept');
  });

  it('skips what isSkippedElement skips on its own, given the parent tag from the walk', () => {
    const html = [
      '<details><summary>first summary</summary><summary>second summary</summary><p>closed body</p></details>',
      '<details open><summary>open summary</summary><p>open body</p></details>',
      '<details><p>no summary</p></details>',
      '<div class="a" id="b" role=" Navigation ">role with spaces</div>',
      '<div role="main" aria-hidden="false" data-x="1">main role</div>',
      '<p class="c" style="">empty style</p><p style="visibility: hidden">hidden style</p>',
      '<p CONTENTEDITABLE="FALSE">not editable</p><p contenteditable="plaintext-only">editable</p>',
      '<main><header><b>main header</b></header></main><section><footer>site footer</footer></section>',
      '<a href="#">link</a><span title="t" lang="en">span</span><p><span>nested</span> text</p>',
    ].join('');
    const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
    windows.push(window);
    window.document.write(`<!doctype html><html><body>${html}</body></html>`);
    const body = window.document.body as unknown as Element;
    // Reference: a text node is read when no element from it up to the body is skipped, each asked on its own.
    const expected: string[] = [];
    const texts = window.document.createTreeWalker(window.document.body, 4);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      let skipped = false;
      for (let e = node.parentElement as unknown as Element | null; e && e !== body; e = e.parentElement)
        if (isSkippedElement(e)) skipped = true;
      if (!skipped) expected.push(node.textContent);
    }
    expect(expected).toContain('first summary');
    expect(expected).not.toContain('second summary');
    expect(expected).toContain('open body');
    expect(expected).not.toContain('editable');
    expect(extractSegments(body).map((segment) => segment.text)).toEqual(expected);
  });

  it('reads an article’s own header and footer', () => {
    expect(extract('<article><header><h1>Title</h1></header><p>Body</p><footer>Byline</footer></article>').text).toBe(
      'Title\nBody\nByline',
    );
  });

  it('keeps contenteditable="false" islands readable', () => {
    expect(extract('<div contenteditable="false">text</div>').text).toBe('text');
  });

  it('skips elements hidden by a stylesheet when given a computed-style check', () => {
    const html = '<style>.gone { display: none }</style><p>kept</p><p class="gone">no limits</p>';
    expect(extract(html, true).text).toBe('kept');
    expect(extract(html, false).text).toBe('kept\nno limits');
  });

  it('maps every segment to its text node', () => {
    const { segments } = extract('<p>a<i>b</i>c</p>');
    expect(segments.map((s) => s.node.data)).toEqual(['a', 'b', 'c']);
  });
});
