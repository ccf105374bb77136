import { describe, expect, it } from 'vitest';
import { xmlText } from './document-xml.js';

describe('document XML text', () => {
  it('keeps the words of a Word document, one paragraph per line, with entities decoded', () => {
    const xml = '<w:document><w:body><w:p><w:r><w:t>Sekretess &amp; samverkan</w:t></w:r></w:p><w:p><w:r><w:t>Hatsymboler</w:t><w:tab/><w:t>&#229;r &#x00E4;n</w:t></w:r></w:p></w:body></w:document>';
    expect(xmlText(xml)).toBe('Sekretess & samverkan\nHatsymboler år än\n');
  });

  it('reads OpenDocument paragraphs and headings and drops an impossible character reference', () => {
    expect(xmlText('<text:h>Rutin</text:h><text:p>Vid oro<text:s/>ring&#99999999;</text:p>')).toBe('Rutin\nVid oro ring\n');
  });
});
