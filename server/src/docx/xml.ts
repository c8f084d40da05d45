/**
 * The little of the XML DOM the Word reader needs, over @xmldom/xmldom (the parser mammoth itself
 * uses). The package's own typings pull the whole browser DOM library into the program, which
 * would let browser-only globals type-check in the server and the CLI; these local interfaces
 * keep the program's globals as they are.
 */
export interface XmlNode {
  readonly nodeType: number;
  readonly parentNode: XmlNode | null;
  readonly childNodes: ArrayLike<XmlNode>;
  readonly firstChild: XmlNode | null;
  readonly nextSibling: XmlNode | null;
  readonly localName: string | null;
  readonly namespaceURI: string | null;
  readonly ownerDocument: XmlDocument;
  insertBefore(node: XmlNode, before: XmlNode | null): XmlNode;
  appendChild(node: XmlNode): XmlNode;
}

export interface XmlElement extends XmlNode {
  getAttribute(name: string): string | null;
  lookupPrefix(namespace: string): string | null;
  getAttributeNS(namespace: string, localName: string): string | null;
  setAttributeNS(namespace: string, qualifiedName: string, value: string): void;
  getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<XmlElement>;
}

export interface XmlDocument extends XmlNode {
  readonly documentElement: XmlElement | null;
  createElementNS(namespace: string, qualifiedName: string): XmlElement;
  createTextNode(text: string): XmlNode;
  getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<XmlElement>;
}

interface XmlDom {
  DOMParser: new (options: { errorHandler: { warning(): void; error(message: string): void; fatalError(message: string): void } }) => {
    parseFromString(source: string, mimeType: string): XmlDocument;
  };
  XMLSerializer: new () => { serializeToString(node: XmlNode): string };
}

let loaded: XmlDom | undefined;
/**
 * A plain require, on first use: importing the package would bring its DOM typings along (see
 * above), and loading it eagerly would slow every start of the CLI and the server for text reports.
 */
const xmldom = (): XmlDom => (loaded ??= require('@xmldom/xmldom') as XmlDom);

export const ELEMENT_NODE = 1;

/** WordprocessingML, transitional and strict. */
export const W_NAMESPACES = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];
export const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
export const RELATIONSHIPS_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Parses XML; throws with the parser's message when the part is not well-formed. */
export function parseXml(source: string): XmlDocument {
  let fatal: string | undefined;
  const parser = new (xmldom().DOMParser)({
    errorHandler: {
      warning: () => undefined,
      error: (message) => (fatal ??= message),
      fatalError: (message) => (fatal ??= message),
    },
  });
  const document = parser.parseFromString(source, 'text/xml');
  if (fatal !== undefined || !document.documentElement) throw new Error(String(fatal ?? 'no root element').split('\n')[0]);
  return document;
}

export function serializeXml(document: XmlDocument): string {
  return new (xmldom().XMLSerializer)().serializeToString(document);
}

export function isElement(node: XmlNode | null | undefined): node is XmlElement {
  return !!node && node.nodeType === ELEMENT_NODE;
}

/** Direct children of an element with the given namespace and local name. */
export function children(element: XmlElement, namespace: string, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let i = 0; i < element.childNodes.length; i++) {
    const child = element.childNodes[i];
    if (isElement(child) && child.localName === localName && child.namespaceURI === namespace) out.push(child);
  }
  return out;
}

export function child(element: XmlElement | undefined, namespace: string, localName: string): XmlElement | undefined {
  return element ? children(element, namespace, localName)[0] : undefined;
}

export function all(root: XmlDocument | XmlElement, namespace: string, localName: string): XmlElement[] {
  return Array.from(root.getElementsByTagNameNS(namespace, localName));
}
