// Reading a DOCX in tests: word/document.xml and the text of each paragraph, in order.
import JSZip from 'jszip';

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Text of a piece of WordprocessingML (the <w:t> runs joined). */
export const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => decode(x[1] ?? '')).join('');

export async function docxParagraphs(buf: Buffer): Promise<{ xml: string; paras: string[]; paraXml: string[] }> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paraXml = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
  return { xml, paras: paraXml.map(textOf), paraXml };
}
