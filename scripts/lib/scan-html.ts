/**
 * HTML to a DOM the way a browser builds it, loading nothing: parse5 (the WHATWG parsing algorithm, with
 * scripting on like a browser, so `<noscript>` is raw text) builds the tree into a linkedom document (a light
 * DOM with the standard node, attribute and selector APIs that src/dom/extract.ts and scan-styles.ts use).
 * No script runs, no style sheet, image, frame or preload link is fetched, no style is computed.
 */
import { parseHTML } from 'linkedom';
import { html as htmlNamespaces, parse, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';

type Token = Parameters<TreeAdapter['adoptAttributes']>[1][number];

/** Parses a whole page; returns its document (body, head and documentElement as a browser would have them). */
export function parseHtmlDocument(html: string): Document {
  const { document } = parseHTML('<!doctype html><html></html>') as unknown as { document: Document };
  document.documentElement.remove();
  parse(html, { treeAdapter: linkedomAdapter(document) as unknown as TreeAdapter<DefaultTreeAdapterMap> });
  return document;
}

function linkedomAdapter(document: Document) {
  const namespaces = new WeakMap<Element, htmlNamespaces.NS>();
  const templates = new WeakMap<Element, DocumentFragment>();
  let mode = htmlNamespaces.DOCUMENT_MODE.NO_QUIRKS;
  const setAttributes = (element: Element, attrs: readonly Token[], onlyNew: boolean) => {
    for (const { name, value, prefix } of attrs) {
      const qualified = prefix ? `${prefix}:${name}` : name;
      if (onlyNew && element.hasAttribute(qualified)) continue;
      try {
        element.setAttribute(qualified, value);
      } catch {
        // A name the DOM refuses (browsers keep it; nothing we read depends on such an attribute).
      }
    }
  };
  const insertText = (parent: Node, text: string, before: Node | null) => {
    const previous = before ? before.previousSibling : parent.lastChild;
    if (previous?.nodeType === 3) (previous as Text).data += text;
    else parent.insertBefore(document.createTextNode(text), before);
  };
  return {
    createDocument: () => document,
    createDocumentFragment: () => document.createDocumentFragment(),
    createElement(tagName: string, namespaceURI: htmlNamespaces.NS, attrs: Token[]) {
      const element =
        namespaceURI === htmlNamespaces.NS.HTML
          ? document.createElement(tagName)
          : document.createElementNS(namespaceURI, tagName);
      namespaces.set(element, namespaceURI);
      setAttributes(element, attrs, false);
      return element;
    },
    createCommentNode: (data: string) => document.createComment(data),
    createTextNode: (value: string) => document.createTextNode(value),
    appendChild: (parent: Node, child: Node) => parent.appendChild(child),
    insertBefore: (parent: Node, child: Node, reference: Node) => parent.insertBefore(child, reference),
    setTemplateContent: (template: Element, content: DocumentFragment) => templates.set(template, content),
    getTemplateContent: (template: Element) => templates.get(template),
    setDocumentType: () => undefined,
    setDocumentMode: (_document: Document, value: typeof mode) => (mode = value),
    getDocumentMode: () => mode,
    detachNode: (node: Node) => node.parentNode?.removeChild(node),
    insertText: (parent: Node, text: string) => insertText(parent, text, null),
    insertTextBefore: (parent: Node, text: string, reference: Node) => insertText(parent, text, reference),
    adoptAttributes: (element: Element, attrs: Token[]) => setAttributes(element, attrs, true),
    getFirstChild: (node: Node) => node.firstChild,
    getChildNodes: (node: Node) => Array.from(node.childNodes),
    getParentNode: (node: Node) => node.parentNode,
    getAttrList: (element: Element) =>
      Array.from(element.attributes, (attribute) => ({ name: attribute.name, value: attribute.value })),
    getTagName: (element: Element) => element.localName,
    getNamespaceURI: (element: Element) => namespaces.get(element) ?? htmlNamespaces.NS.HTML,
    getTextNodeContent: (node: Text) => node.data,
    getCommentNodeContent: (node: Comment) => node.data,
    getDocumentTypeNodeName: (node: DocumentType) => node.name,
    getDocumentTypeNodePublicId: (node: DocumentType) => node.publicId,
    getDocumentTypeNodeSystemId: (node: DocumentType) => node.systemId,
    isTextNode: (node: Node) => node.nodeType === 3,
    isCommentNode: (node: Node) => node.nodeType === 8,
    isDocumentTypeNode: (node: Node) => node.nodeType === 10,
    isElementNode: (node: Node) => node.nodeType === 1,
    setNodeSourceCodeLocation: () => undefined,
    getNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation: () => undefined,
  };
}
