/** The words of WordprocessingML (DOCX) or ODF (ODT) XML: paragraphs as lines, tags dropped, entities decoded. Pure. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlText(xml: string): string {
  return xml
    .replace(/<\/(w:p|text:p|text:h)>/g, '\n')
    .replace(/<(w:tab|text:tab|text:s)\b[^>]*\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e] ?? m;
      const code = /^#x/i.test(e) ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
}
