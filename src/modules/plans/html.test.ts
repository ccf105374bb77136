import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTION_TAGS, sanitizeSectionHtml, textToHtml } from './html.js';

const tagsIn = (html: string) => [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1].toLowerCase());

describe('[PLANS] section HTML', () => {
  it.each([
    ['<p>Hej <b>fet</b> och <i>kursiv</i></p>', '<p>Hej <strong>fet</strong> och <em>kursiv</em></p>'],
    ['<h1>Rubrik</h1><div>Stycke</div>', '<h3>Rubrik</h3><p>Stycke</p>'],
    ['<p style="color:red" class="x" onclick="x()">Text</p>', '<p>Text</p>'],
    ['<script>alert(1)</script><p>Kvar</p>', '<p>Kvar</p>'],
    ['<a href="javascript:alert(1)">klick</a>', 'klick'],
    ['<a href="https://start.stockholm" target="_blank" rel="x">Stockholm</a>', '<a href="https://start.stockholm">Stockholm</a>'],
    ['<a href="mailto:vbe@kommun.se">mejl</a>', '<a href="mailto:vbe@kommun.se">mejl</a>'],
    ['<a href="//evil.example">x</a>', 'x'],
    ['<img src=x onerror=alert(1)><iframe src="x"></iframe><ul><li>punkt</li></ul>', '<ul><li>punkt</li></ul>'],
    ['<table><tr><td>cell</td></tr></table>', 'cell'],
  ])('%s → %s', (input, output) => {
    expect(sanitizeSectionHtml(input)).toBe(output);
  });

  it('turns plain text into paragraphs, escaping anything that looks like markup', () => {
    expect(textToHtml('Ett.\nTvå.\n\nTre <x>')).toBe('<p>Ett.<br />Två.</p><p>Tre &lt;x&gt;</p>');
    expect(textToHtml('<p>redan HTML</p>')).toBe('<p>redan HTML</p>');
  });

  it('never lets anything outside the safe subset through, whatever the input', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom('<script>', '</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:x">', '<svg onload=x>', '<p>', '</p>', '<b>', '<style>', '<!--', '-->', '<h3 onclick="x">'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const out = sanitizeSectionHtml(parts.join(''));
        expect(tagsIn(out).every((t) => SECTION_TAGS.includes(t))).toBe(true);
        expect(out).not.toMatch(/\son\w+\s*=|javascript:|<script|<style/i);
      }),
    );
  });
});
