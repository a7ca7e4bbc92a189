import type { TestPage } from '../../../scripts/lib/browser-types';
import { waitFor } from '../../../scripts/lib/browser-page';

/**
 * The positive signal for "nothing happened": adds a paragraph with a mention at the end of the page and waits until
 * it is marked. The content script reads changed text in order, one batch after another, so by then it has read
 * every change made before this one — a check that something was *not* marked or done cannot pass just because it
 * looked too early. The paragraph stays (id `fact-context-settled-N`).
 */
export async function markedAfterChange(page: TestPage): Promise<void> {
  const id = await page.evaluate(() => {
    const paragraph = document.createElement('p');
    paragraph.id = `fact-context-settled-${String(document.querySelectorAll('[id^="fact-context-settled-"]').length)}`;
    paragraph.textContent = 'Later: Xi and Putin declared a “no limits” partnership between China and Russia.';
    document.body.append(paragraph);
    return paragraph.id;
  });
  await waitFor(
    page,
    'the paragraph added last to be marked',
    (id) => {
      const paragraph = document.getElementById(id);
      return [...(CSS.highlights.get('fact-context-mention') ?? [])].some(
        (range) => paragraph?.contains(range.startContainer) === true,
      );
    },
    id,
  );
}
