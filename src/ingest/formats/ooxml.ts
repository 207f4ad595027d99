// Small helpers over fast-xml-parser's ordered output ({ tag: children, ':@': attributes }), for the DOCX reader.
import { XMLParser } from 'fast-xml-parser';

export type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

export function parseXml(xml: string): XNode[] {
  return parser.parse(xml) as XNode[];
}

export function tagOf(n: XNode): string {
  for (const k in n) if (k !== ':@') return k;
  return '';
}

export function kids(n: XNode): XNode[] {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
}

export function attr(n: XNode | undefined, name: string): string | undefined {
  return (n?.[':@'] as Record<string, string> | undefined)?.[name];
}

export function child(n: XNode | undefined, tag: string): XNode | undefined {
  return n ? kids(n).find((k) => tagOf(k) === tag) : undefined;
}

export function children(n: XNode | undefined, tag: string): XNode[] {
  return n ? kids(n).filter((k) => tagOf(k) === tag) : [];
}

/** The first element named `tag` anywhere below `nodes` (depth first). */
export function find(nodes: XNode[], tag: string): XNode | undefined {
  for (const n of nodes) {
    if (tagOf(n) === tag) return n;
    const d = find(kids(n), tag);
    if (d) return d;
  }
  return undefined;
}

export function textOf(n: XNode): string {
  return kids(n)
    .map((k) => (typeof k['#text'] === 'string' ? k['#text'] : ''))
    .join('');
}
