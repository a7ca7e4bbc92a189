import { CLUTTER_WINDOW } from '../../../src/matching/clutter';
import type { TestPage } from '../../../scripts/lib/browser-types';
import { waitFor } from '../../../scripts/lib/browser-page';

/**
 * The positive signal for "nothing happened": adds a paragraph with a mention at the end of the page and waits until
 * it is marked. The content script reads changed text in order, one batch after another, so by then it has read
 * every change made before this one — a check that something was *not* marked or done cannot pass just because it
 * looked too early. The paragraph comes after CLUTTER_WINDOW paragraphs of filler, so that the clutter rule cannot
 * leave it unmarked for a mark of the same phrase nearby. All of it is one element, added in one DOM change (a page
 * that counts its mutation records sees one); it stays on the page.
 */
export async function markedAfterChange(page: TestPage): Promise<void> {
  const id = await page.evaluate((fillers) => {
    const added = document.createElement('div');
    added.id = `fact-context-settled-${String(document.querySelectorAll('[id^="fact-context-settled-"]').length)}`;
    for (let k = 0; k < fillers; k++)
      added.append(Object.assign(document.createElement('p'), { textContent: 'The weather stayed mild all week.' }));
    const marked = document.createElement('p');
    marked.textContent = 'Later: Xi and Putin declared a “no limits” partnership between China and Russia.';
    added.append(marked);
    document.body.append(added);
    return added.id;
  }, CLUTTER_WINDOW);
  await waitFor(
    page,
    'the paragraph added last to be marked',
    (id) => {
      const added = document.getElementById(id);
      return [...(CSS.highlights.get('fact-context-mention') ?? [])].some(
        (range) => added?.contains(range.startContainer) === true,
      );
    },
    id,
  );
}
