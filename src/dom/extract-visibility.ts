/**
 * Whether a mention's text is shown, decided late and cheaply: extraction reads the markup rules only
 * (extract-rules.ts: hidden attribute, inline display:none, closed details...), and this check runs on the few
 * elements that hold a mention the engine found. The browser answers it with `checkVisibility()`; `npm run scan`
 * answers it from the page's own stylesheets (scripts/lib/scan-styles.ts). Both apply the same rule below.
 */
/** What the visibility rule needs to know about one element's style. */
export interface StyleProbe {
  /** The element or an ancestor has `display: none`, or an ancestor has `content-visibility: hidden`. */
  notRendered(element: Element): boolean;
  /** The element's computed `visibility` is `hidden` or `collapse`. */
  visibilityHidden(element: Element): boolean;
  /** The element's own style hides its subtree: `display: none`, or `content-visibility: hidden` (descendants). */
  ownHiding(element: Element): { displayNone: boolean; contentHidden: boolean };
}

/**
 * Hidden by CSS: not rendered, or `visibility: hidden` that comes from below the page's root. A hidden `<html>` or
 * `<body>` is a loading state, not hidden text — anti-flicker snippets (`body{visibility:hidden}` until a script
 * removes it, seattletimes) and frame-busters (`html{display:none}` until a script shows it, engadget): the page
 * shows it a moment later, so only what hides the element below `<body>` counts.
 */
export function isHiddenByStyle(element: Element, probe: StyleProbe): boolean {
  if (probe.notRendered(element)) {
    const body = element.ownerDocument.body as HTMLElement | null;
    if (!body || !probe.notRendered(body)) return true; // hidden below a rendered body
    for (let current: Element | null = element; current && current !== body; current = current.parentElement) {
      const own = probe.ownHiding(current);
      if (own.displayNone || (own.contentHidden && current !== element)) return true;
    }
  }
  if (!probe.visibilityHidden(element)) return false;
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (!probe.visibilityHidden(current)) return true; // hidden from below a shown ancestor
    const tag = current.tagName.toUpperCase();
    if (tag === 'BODY' || tag === 'HTML') return false; // hidden all the way up: the page is loading
  }
  return true;
}

/**
 * A mention is shown when every text node it covers (`PlacedMention.nodes`) is shown. Elements are probed once
 * each (`cache`, shared over a page's mentions until its styles may have changed).
 */
export function isMentionShown(nodes: readonly Text[], probe: StyleProbe, cache: Map<Element, boolean>): boolean {
  for (const node of nodes) {
    const parent = node.parentElement;
    if (!parent) continue;
    let hidden = cache.get(parent);
    if (hidden === undefined) {
      hidden = isHiddenByStyle(parent, probe);
      cache.set(parent, hidden);
    }
    if (hidden) return false;
  }
  return true;
}

/** The browser's probe: `checkVisibility()` for rendering (native, no style object), computed style for the rest. */
export function browserStyleProbe(view: Pick<Window, 'getComputedStyle'>): StyleProbe {
  const notRendered = (element: Element): boolean => {
    if (typeof element.checkVisibility !== 'function') return view.getComputedStyle(element).display === 'none';
    if (element.checkVisibility()) return false;
    // `display: contents` has no box of its own, so checkVisibility() says false; its text is shown if its parent is.
    if (view.getComputedStyle(element).display !== 'contents') return true;
    return element.parentElement ? notRendered(element.parentElement) : false;
  };
  return {
    notRendered,
    ownHiding: (element) => {
      const style = view.getComputedStyle(element);
      return { displayNone: style.display === 'none', contentHidden: style.contentVisibility === 'hidden' };
    },
    visibilityHidden: (element) => {
      const visibility = view.getComputedStyle(element).visibility;
      return visibility === 'hidden' || visibility === 'collapse';
    },
  };
}
