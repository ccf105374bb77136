import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeEntities, htmlToBlocks, inlineText, type Block, type Inline } from './html-blocks.js';

const text = (t: string, extra: { bold?: boolean; italic?: boolean; href?: string } = {}): Inline => ({ kind: 'text', text: t, ...extra });

describe('htmlToBlocks', () => {
  it.each<[string, string, Block[]]>([
    ['paragraphs', '<p>Ett</p><p>Två</p>', [{ kind: 'paragraph', inlines: [text('Ett')] }, { kind: 'paragraph', inlines: [text('Två')] }]],
    [
      'bold, italic and a link',
      '<p>Se <strong>riktlinjerna</strong> och <em>vägledningen</em> på <a href="https://start.stockholm/">stadens webb</a>.</p>',
      [
        {
          kind: 'paragraph',
          inlines: [text('Se '), text('riktlinjerna', { bold: true }), text(' och '), text('vägledningen', { italic: true }), text(' på '), text('stadens webb', { href: 'https://start.stockholm/' }), text('.')],
        },
      ],
    ],
    ['h3 is a heading', '<h3>Avhopparverksamhet</h3><p>Text</p>', [{ kind: 'heading', inlines: [text('Avhopparverksamhet')] }, { kind: 'paragraph', inlines: [text('Text')] }]],
    [
      'lists with nesting',
      '<ul><li>Ett</li><li>Två<ol><li>a</li></ol></li></ul>',
      [{ kind: 'list', ordered: false, items: [{ level: 0, ordered: false, inlines: [text('Ett')] }, { level: 0, ordered: false, inlines: [text('Två')] }, { level: 1, ordered: true, inlines: [text('a')] }] }],
    ],
    ['line breaks', '<p>Rad ett<br>Rad två</p>', [{ kind: 'paragraph', inlines: [text('Rad ett'), { kind: 'break' }, text('Rad två')] }]],
    ['plain text without tags', 'Stycke ett\nrad två\n\nStycke två', [{ kind: 'paragraph', inlines: [text('Stycke ett'), { kind: 'break' }, text('rad två')] }, { kind: 'paragraph', inlines: [text('Stycke två')] }]],
    ['entities', '<p>&Aring;tg&auml;rder &amp; &#246;vrigt &#x2013; &sect;&nbsp;12</p>', [{ kind: 'paragraph', inlines: [text('Åtgärder & övrigt – §\u00a012')] }]],
  ])('%s', (_, html, expected) => expect(htmlToBlocks(html)).toEqual(expected));

  it('drops scripts, styles, comments and unsafe links, keeping harmless text', () => {
    const blocks = htmlToBlocks('<p>A<script>alert(1)</script><style>p{}</style><!-- x --> <a href="javascript:alert(1)">länk</a> <img src=x onerror=alert(1)>B</p>');
    expect(blocks).toEqual([{ kind: 'paragraph', inlines: [text('A länk B')] }]);
  });

  it('empty input gives no blocks', () => {
    expect(htmlToBlocks('')).toEqual([]);
    expect(htmlToBlocks(null)).toEqual([]);
    expect(htmlToBlocks('<p> </p><ul></ul>')).toEqual([]);
  });

  it('never loses the words of any input, and never yields a tag or an empty run', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('<p>', '</p>', '<strong>', '</strong>', '<ul>', '<li>', '</li>', '</ul>', '<br>', 'ord', 'åäö', ' ', '&amp;', '<'), { maxLength: 30 }), (parts) => {
        const html = parts.join('');
        const out = htmlToBlocks(html)
          .flatMap((b) => (b.kind === 'list' ? b.items.map((i) => i.inlines) : [b.inlines]))
          .flat();
        for (const i of out) if (i.kind === 'text') expect(i.text).not.toBe('');
        const words = (s: string) => s.match(/ord|åäö/g) ?? [];
        expect(words(out.map((i) => (i.kind === 'text' ? i.text : ' ')).join(' '))).toEqual(words(html));
      }),
    );
  });

  it('decodes numeric entities safely', () => {
    expect(decodeEntities('&#0;&#xD800;&#x110000;&#65;&okänd;')).toBe('A&okänd;');
    expect(inlineText([text('a'), { kind: 'break' }, text('b')])).toBe('a\nb');
  });
});
