/**
 * The scan's answer to "is this element hidden by CSS?" (the StyleProbe of src/dom/extract-visibility.ts), from
 * the page's own `<style>` elements — the only style sheets a page that loads nothing has. css-tree tokenizes
 * them as the CSS Syntax spec (and Chromium, Firefox) do, so a sheet wrapped in `<![CDATA[ … ]]>` loses the rules
 * the browsers drop. Only three properties matter (display, visibility, content-visibility), only for the elements
 * that hold a mention and their ancestors, each element's answer cached: no style computation per element.
 */
import * as csstree from 'css-tree';
import type { StyleProbe } from '../../src/dom/extract-visibility';

/** The viewport the media queries are judged at: the e2e harness's browser window. */
const VIEWPORT_WIDTH = 1280;
const PROPERTIES = ['display', 'visibility', 'content-visibility'] as const;
type Property = (typeof PROPERTIES)[number];

interface Declaration {
  selector: string;
  value: string;
  important: boolean;
  specificity: number;
  order: number;
}

/** A StyleProbe for a document parsed by scan-html.ts. */
export function pageStyleProbe(document: Document): StyleProbe {
  const rules = collectDeclarations(document);
  const cascaded: Record<Property, Map<Element, string | undefined>> = {
    display: new Map(),
    visibility: new Map(),
    'content-visibility': new Map(),
  };
  const valueOf = (element: Element, property: Property): string | undefined => {
    const cache = cascaded[property];
    if (cache.has(element)) return cache.get(element);
    const value = cascade(element, property, rules[property]);
    cache.set(element, value);
    return value;
  };
  const notRendered = new Map<Element, boolean>();
  const hidden = new Map<Element, boolean>();
  const probe: StyleProbe = {
    ownHiding: (element) => ({
      displayNone: valueOf(element, 'display') === 'none',
      contentHidden: valueOf(element, 'content-visibility') === 'hidden',
    }),
    notRendered(element) {
      let answer = notRendered.get(element);
      if (answer !== undefined) return answer;
      const parent = element.parentElement;
      answer =
        valueOf(element, 'display') === 'none' ||
        (parent !== null && (valueOf(parent, 'content-visibility') === 'hidden' || probe.notRendered(parent)));
      notRendered.set(element, answer);
      return answer;
    },
    visibilityHidden(element) {
      let answer = hidden.get(element);
      if (answer !== undefined) return answer;
      const value = valueOf(element, 'visibility');
      if (value === undefined || value === 'inherit' || value === 'unset') {
        const parent = element.parentElement;
        answer = parent ? probe.visibilityHidden(parent) : false;
      } else {
        answer = value === 'hidden' || value === 'collapse';
      }
      hidden.set(element, answer);
      return answer;
    },
  };
  return probe;
}

/** The winning value of one property for one element: inline style, then rules by importance, specificity, order. */
function cascade(element: Element, property: Property, declarations: readonly Declaration[]): string | undefined {
  const inline = inlineDeclaration(element.getAttribute('style'), property);
  let best: Declaration | undefined;
  for (const declaration of declarations) {
    if (best && !outranks(declaration, best)) continue;
    if (matches(element, declaration.selector)) best = declaration;
  }
  if (inline && (inline.important || !best?.important)) return inline.value;
  return best?.value;
}

function outranks(a: Declaration, b: Declaration): boolean {
  if (a.important !== b.important) return a.important;
  if (a.specificity !== b.specificity) return a.specificity > b.specificity;
  return a.order > b.order;
}

function matches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false; // a selector the matcher does not know (`:hover`, vendor pseudo-classes): never matches statically
  }
}

function inlineDeclaration(
  style: string | null,
  property: Property,
): { value: string; important: boolean } | undefined {
  if (!style) return undefined;
  let found: { value: string; important: boolean } | undefined;
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0 || part.slice(0, colon).trim().toLowerCase() !== property) continue;
    const raw = part
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    const important = /!\s*important$/.test(raw);
    found = { value: raw.replace(/!\s*important$/, '').trim(), important };
  }
  return found;
}

/** Every declaration of the three properties in the document's applicable `<style>` elements, in cascade order. */
function collectDeclarations(document: Document): Record<Property, Declaration[]> {
  const out: Record<Property, Declaration[]> = { display: [], visibility: [], 'content-visibility': [] };
  let order = 0;
  for (const style of document.querySelectorAll('style')) {
    const type = style.getAttribute('type');
    if (type !== null && type.trim() !== '' && type.trim().toLowerCase() !== 'text/css') continue;
    if (!mediaApplies(style.getAttribute('media') ?? '')) continue;
    let ast: csstree.CssNode;
    try {
      ast = csstree.parse(style.textContent, {
        parseValue: false,
        parseRulePrelude: false,
        onParseError: () => {},
      });
    } catch {
      continue;
    }
    csstree.walk(ast, {
      visit: 'Rule',
      enter(rule) {
        if (!inAppliedAtRules(this.atrule)) return;
        const selectors = csstree.generate(rule.prelude);
        for (const child of rule.block.children) {
          if (child.type !== 'Declaration') continue;
          const property = child.property.toLowerCase() as Property;
          if (!PROPERTIES.includes(property)) continue;
          const value = csstree.generate(child.value).trim().toLowerCase();
          for (const selector of splitSelectors(selectors)) {
            if (/::|:(?:before|after|first-line|first-letter|marker|placeholder)\b/i.test(selector)) continue;
            out[property].push({
              selector,
              value,
              important: child.important !== false,
              specificity: specificity(selector),
              order: order++,
            });
          }
        }
      },
    });
  }
  return out;
}

function inAppliedAtRules(atrule: csstree.Atrule | null): boolean {
  if (!atrule) return true;
  const name = atrule.name.toLowerCase();
  if (name === 'media') return mediaApplies(atrule.prelude ? csstree.generate(atrule.prelude) : '');
  return name === 'supports' || name === 'layer' || name === 'container' || name === 'scope';
}

/** Screen media at the harness's viewport width; print, speech and other widths do not apply. */
function mediaApplies(query: string): boolean {
  const text = query.trim().toLowerCase();
  if (text === '') return true;
  return text.split(',').some((one) => {
    if (/\b(?:print|speech)\b/.test(one) && !/\bnot\b/.test(one)) return false;
    for (const [, kind, width] of one.matchAll(/(min|max)-width\s*:\s*(\d+(?:\.\d+)?)px/g)) {
      const px = Number(width);
      if (kind === 'min' ? VIEWPORT_WIDTH < px : VIEWPORT_WIDTH > px) return false;
    }
    return true;
  });
}

/** Splits a selector list at its top-level commas (not those inside `:is(a, b)`). */
function splitSelectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(list.slice(start).trim());
  return out.filter((s) => s.length > 0);
}

/** A selector's specificity as one number (ids, classes/attributes/pseudo-classes, types), close enough to rank. */
function specificity(selector: string): number {
  const bare = selector.replace(/\[[^\]]*\]/g, '.a').replace(/"[^"]*"|'[^']*'/g, '');
  const ids = (bare.match(/#[\w-]+/g) ?? []).length;
  const classes = (bare.match(/\.[\w-]+|:(?!:)[\w-]+/g) ?? []).length;
  const types = (bare.match(/(?:^|[\s>+~(])[a-z][\w-]*/gi) ?? []).length;
  return ids * 10_000 + classes * 100 + types;
}
